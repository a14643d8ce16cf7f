import Domain
import Fluent
import Vapor
import Views

/// The commit, written once for both databases: the file is read and validated before the transaction (a batch in
/// preview cannot change: it is claimed inside); everything that depends on the registry — the de-duplication, the
/// merges, the guardians already there — is done inside, under the write lock, through a `WriteConnection`: the SQLite
/// writer's own connection (issue 3's benchmark: 100 000 rows through Fluent's pooled connection spent more in the
/// driver than in SQLite) or Fluent's transaction on PostgreSQL (rows by COPY).
extension StudentImportService {
    /// The same as `commit(batchID:skipLines:canSee:req:)`, for a caller without a signed-in user (the benchmark): the
    /// audit names «система» then.
    static func commit(
        batchID: UUID, skipLines: Set<Int>, canSee: @escaping Visibility, app: Application, req: Request?
    ) async throws -> Outcome {
        guard let batch = try await StudentImportBatch.find(batchID, on: app.db) else { throw AppError.notFound() }
        guard batch.state == StudentImportBatch.State.preview.rawValue, let content = batch.content else {
            throw AppError.conflict(StudentImportWords.Service.batchGone)
        }
        let zone = try await MunicipalClock.zone(batch.$municipality.id, on: app.db)
        let plan = try plan(content, fileName: batch.fileName, zone: zone)
        guard plan.isValid, !plan.rows.isEmpty else {
            throw AppError.conflict(StudentImportWords.Service.registryChanged)
        }
        let schoolName = try await Organization.find(batch.$school.id, on: app.db)?.shortName ?? ""
        let target = try Target(batch)
        let audit = Audit.entry(
            req: req, action: .importBatch, entityType: "student_import", entityID: batchID,
            title: StudentImportWords.Service.auditTitle(batch.fileName), municipalityID: target.municipalityID,
            organizationID: target.schoolID)
        let commit = Commit(
            plan: plan, skipLines: skipLines, canSee: canSee, target: target, fileName: batch.fileName,
            schoolName: schoolName, audit: audit)
        if let writer = app.sqliteWriter {
            return try await writer.exclusive { try await commit.run(on: $0) }
        }
        return try await app.writeTransaction { try await commit.run(on: FluentWriteConnection(db: $0)) }
    }

    /// One batch's commit: what was decided before the transaction, and the steps inside it.
    struct Commit: Sendable {
        var plan: StudentImport.Plan
        var skipLines: Set<Int>
        var canSee: Visibility
        var target: Target
        var fileName: String
        var schoolName: String
        var audit: Audit.Row

        func run(on db: some WriteConnection) async throws -> Outcome {
            let now = Date()
            // Claim the batch first: a second commit of the same batch finds it no longer in preview.
            guard try await db.int(claimBatchSQL, claimBatchBinds(target.batchID)) != nil else {
                throw AppError.conflict(StudentImportWords.Service.batchGone)
            }
            let found = try await registered(
                plan.rows.map(\.identityKey), municipalityID: target.municipalityID, on: db)
            let analysis = StudentImport.classify(plan, found: found, schoolID: target.schoolID, canSee: canSee)
            guard analysis.isValid else { throw AppError.conflict(StudentImportWords.Service.registryChanged) }

            var fresh: [StudentImport.Row] = []
            var mergedRows: [(UUID, StudentImport.Row)] = []
            fresh.reserveCapacity(plan.rows.count)
            var merges: [[String: String]] = []
            var skipped = 0
            for (i, row) in plan.rows.enumerated() {
                guard let match = analysis.matches[i] else {
                    fresh.append(row)
                    continue
                }
                if skipLines.contains(row.line) {
                    skipped += 1
                    continue
                }
                let record = match.record
                merges.append(snapshot(record))
                let merged = StudentImport.merged(record, with: row)
                guard try await db.int(mergeSQL, mergeBinds(merged, into: record)) != nil else {
                    throw AppError.conflict(StudentImportWords.Service.changedMeanwhile(record.fullName))
                }
                mergedRows.append((record.id, row))
            }
            let newRows = inIndexOrder(fresh, now: now)
            try await insertStudents(newRows, target: target, on: db)
            let existing = try await guardianKeys(of: mergedRows.map(\.0), on: db)
            try await insertGuardians(
                StudentImport.freshGuardians(newRows + mergedRows, existing: existing), target: target, now: now,
                on: db)
            let summary = String(decoding: try JSONEncoder().encode(merges), as: UTF8.self)
            try await db.run(
                finishBatchSQL,
                finishBatchBinds(
                    target.batchID, created: newRows.count, merged: merges.count, skipped: skipped, merges: summary,
                    now: now))
            var entry = audit
            entry.at = now
            entry.after = Audit.encode(
                StudentImportWords.Service.committed(
                    file: fileName, school: schoolName, created: newRows.count, merged: merges.count, skipped: skipped))
            try await db.audit(entry)
            return Outcome(created: newRows.count, merged: merges.count, skipped: skipped)
        }
    }
}
