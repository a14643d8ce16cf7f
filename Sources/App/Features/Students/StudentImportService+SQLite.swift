import Domain
import Fluent
import Vapor

/// The commit on SQLite: one job of the writer (`SQLiteWriter`) on its own connection, with prepared statements
/// (issue 3's benchmark: 100 000 rows through Fluent's pooled connection spent more in the driver than in SQLite).
/// The file is read and validated before the job — it cannot change, the batch is claimed inside — and everything
/// that depends on the registry (the de-duplication, the merges, the guardians already there) is done inside it,
/// under the write lock, so the rules are those of `commit` on PostgreSQL.
extension StudentImportService {
    static func commitOnSQLite(
        batchID: UUID, skipLines: Set<Int>, canSee: @escaping Visibility, app: Application,
        writer: SQLiteWriter, req: Request?
    ) async throws -> Outcome {
        guard let batch = try await StudentImportBatch.find(batchID, on: app.db) else { throw AppError.notFound() }
        guard batch.state == StudentImportBatch.State.preview.rawValue, let content = batch.content else {
            throw AppError.conflict(batchGone)
        }
        let zone = try await MunicipalClock.zone(batch.$municipality.id, on: app.db)
        let plan = try plan(content, fileName: batch.fileName, zone: zone)
        guard plan.isValid, !plan.rows.isEmpty else { throw AppError.conflict(registryChanged) }
        let schoolName = try await Organization.find(batch.$school.id, on: app.db)?.shortName ?? ""
        let target = try Target(batch)
        let fileName = batch.fileName
        let audit = Audit.entry(
            req: req, action: .importBatch, entityType: "student_import", entityID: batchID,
            title: "Загрузка «\(fileName)»",
            municipalityID: target.municipalityID, organizationID: target.schoolID)
        return try await writer.write { c in
            let now = Date()
            // Claim the batch first: a second commit of the same batch finds it no longer in preview.
            guard
                try c.int(
                    "UPDATE student_import_batches SET state = ? WHERE id = ? AND state = ? RETURNING 1",
                    [
                        .text(StudentImportBatch.State.committed.rawValue), .uuid(batchID),
                        .text(StudentImportBatch.State.preview.rawValue),
                    ]) != nil
            else { throw AppError.conflict(batchGone) }
            let found = try registered(plan.rows.map(\.identityKey), municipalityID: target.municipalityID, on: c)
            let analysis = StudentImport.classify(plan, found: found, schoolID: target.schoolID, canSee: canSee)
            guard analysis.isValid else { throw AppError.conflict(registryChanged) }

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
                let r = match.record
                let m = StudentImport.merged(r, with: row)
                merges.append(snapshot(r))
                guard
                    try c.int(
                        """
                        UPDATE students SET grade = ?, letter = ?, sex = ?, special_needs = ?, consent_on = ?,
                          consent_by = ?, status = ?, version = ?
                        WHERE id = ? AND version = ? RETURNING 1
                        """,
                        [
                            .int(m.grade), .text(m.letter), .text(m.sex), .bool(m.specialNeeds), .date(m.consentOn),
                            .text(m.consentBy),
                            .text(m.status), .int(m.version), .uuid(r.id), .int(r.version),
                        ]) != nil
                else {
                    throw AppError.conflict(changedMeanwhile(r.fullName))
                }
                mergedRows.append((r.id, row))
            }
            let newRows = inIndexOrder(fresh, now: now)
            try insertStudents(newRows, target: target, on: c)
            var existing = Set<String>()
            for start in stride(from: 0, to: mergedRows.count, by: 900) {
                let chunk = padded(mergedRows[start..<min(start + 900, mergedRows.count)].map { DBValue.uuid($0.0) })
                try c.run(
                    "SELECT student_id, full_name FROM guardians WHERE student_id IN (\(placeholders(chunk.count)))",
                    chunk
                ) { row in
                    if let id = row.uuid("student_id") {
                        existing.insert(StudentImport.guardianKey(id, row.text("full_name")))
                    }
                }
            }
            try insertGuardians(
                StudentImport.freshGuardians(newRows + mergedRows, existing: existing), target: target, now: now, on: c)
            try c.run(
                """
                UPDATE student_import_batches SET content = NULL, created_count = ?, merged_count = ?, skipped_count =
                  ?, merges = ?, committed_at = ?
                WHERE id = ?
                """,
                [
                    .int(newRows.count), .int(merges.count), .int(skipped),
                    .text(String(decoding: try JSONEncoder().encode(merges), as: UTF8.self)), .date(now),
                    .uuid(batchID),
                ])
            var entry = audit
            entry.at = now
            entry.after = Audit.encode(
                auditSummary(
                    file: fileName, school: schoolName, created: newRows.count, merged: merges.count, skipped: skipped))
            try Audit.insert(entry, on: c)
            return Outcome(created: newRows.count, merged: merges.count, skipped: skipped)
        }
    }

    /// `registered(_:municipalityID:on:)` on the writer's connection: the same children, with their school's name
    /// joined.
    static func registered(_ keys: [String], municipalityID: UUID, on c: RawSQLite) throws -> [Registered] {
        var out: [Registered] = []
        for start in stride(from: 0, to: keys.count, by: 900) {
            let chunk = padded(keys[start..<min(start + 900, keys.count)].map { DBValue.text($0) })
            try c.run(registeredSelect + " IN (\(placeholders(chunk.count)))", [.uuid(municipalityID)] + chunk) { r in
                if let child = registeredChild(r) { out.append(child) }
            }
        }
        return out
    }

    static func placeholders(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

    /// An `IN` list lengthened to 8, 64 or 900 values by repeating its first: the writer keeps every statement it
    /// prepared, and a statement for every length of a last chunk would pile up (a repeated value changes no `IN`).
    static func padded(_ values: [DBValue]) -> [DBValue] {
        guard let first = values.first, let size = [8, 64, 900].first(where: { $0 >= values.count }) else {
            return values
        }
        return values + Array(repeating: first, count: size - values.count)
    }
}
