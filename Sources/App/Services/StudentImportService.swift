import Vapor
import Fluent
import SQLKit
import Domain
import Documents

/// Imports a school's students from CSV or XLSX (issue 3): the file is kept for the preview and checked again on
/// commit; nothing is written unless every row is valid; children already in the registry are matched and, when
/// the user agrees, merged (the previous values are kept, so the whole import can be undone); a child registered
/// in another school is refused without revealing who or where to a school; one audit record per batch.
enum StudentImportService {
    struct Match: Sendable {
        var id: UUID
        var fullName: String
        var grade: String
        var archived: Bool
        var version: Int
    }

    struct Analysis: Sendable {
        var plan: StudentImport.Plan
        /// Index in `plan.rows` → the registry record of this school it matches.
        var matches: [Int: Match]
        var errors: [StudentImport.RowError]
        var isValid: Bool { errors.isEmpty && plan.fileErrors.isEmpty }
        var newCount: Int { plan.rows.count - matches.count }
        var repeatedCount: Int { plan.rows.reduce(0) { $0 + $1.repeatedOn.count } }
    }

    /// Who may see which school's children: decides how much a refusal may say.
    typealias Visibility = @Sendable (UUID) -> Bool

    static func analyse(_ data: Data, fileName: String, schoolID: UUID, municipalityID: UUID, zone: TimeZone,
                        canSee: Visibility, on db: any Database) async throws -> Analysis {
        let table = try TableReader.read(data, fileName: fileName)
        let plan = StudentImport.plan(table.rows, timeZone: zone)
        var analysis = Analysis(plan: plan, matches: [:], errors: plan.errors)
        guard plan.fileErrors.isEmpty, !plan.rows.isEmpty else { return analysis }
        let positions = Dictionary(plan.rows.enumerated().map { ($1.identityKey, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = Array(positions.keys)
        var schoolNames: [UUID: String] = [:]
        for chunk in stride(from: 0, to: keys.count, by: 900).map({ Array(keys[$0 ..< min($0 + 900, keys.count)]) }) {
            let found = try await Student.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$identityKey ~~ chunk).all()
            for s in found {
                guard let i = positions[s.identityKey] else { continue }
                let row = plan.rows[i]
                if s.$school.id == schoolID {
                    analysis.matches[i] = Match(id: s.id!, fullName: s.fullName, grade: "\(s.grade)\(s.letter ?? "")",
                                                archived: s.status == RecordStatus.archived.rawValue, version: s.version)
                } else if canSee(s.$school.id) {
                    if schoolNames[s.$school.id] == nil { schoolNames[s.$school.id] = try await Organization.find(s.$school.id, on: db)?.shortName ?? "" }
                    analysis.errors.append(.init(line: row.line, column: "Фамилия",
                        message: "Уже зарегистрирован(а) в «\(schoolNames[s.$school.id]!)». Перевод между школами оформляет КМЦ."))
                } else {
                    analysis.errors.append(.init(line: row.line, column: "Фамилия", message: "Учащийся уже зарегистрирован в другой школе — обратитесь в КМЦ."))
                }
            }
        }
        analysis.errors.sort { ($0.line, StudentImport.header.firstIndex(of: $0.column) ?? 99) < ($1.line, StudentImport.header.firstIndex(of: $1.column) ?? 99) }
        return analysis
    }

    struct Outcome: Sendable { var created: Int; var merged: Int; var skipped: Int }

    /// Commits a previewed batch in one write transaction: checks the file again against the registry as it is now,
    /// inserts the new children in bulk, merges the matched ones the user did not skip, and writes one audit record.
    static func commit(batchID: UUID, skipLines: Set<Int>, canSee: @escaping Visibility, req: Request) async throws -> Outcome {
        _ = try req.requireUser()
        return try await req.application.writeTransaction { db in
            guard let batch = try await StudentImportBatch.find(batchID, on: db) else { throw AppError.notFound() }
            guard batch.state == StudentImportBatch.State.preview.rawValue, let content = batch.content else {
                throw AppError.conflict("Эта загрузка уже завершена или отменена.")
            }
            let zone = try await AuditController.zone(batch.$municipality.id, on: db)
            let analysis = try await analyse(content, fileName: batch.fileName, schoolID: batch.$school.id, municipalityID: batch.$municipality.id,
                                             zone: zone, canSee: canSee, on: db)
            guard analysis.isValid else {
                throw AppError.conflict("С момента предпросмотра реестр изменился, и файл больше не проходит проверку. Загрузите его заново.")
            }
            let sql = try db.sql()
            let now = Date()
            // Claim the batch first: a second commit of the same batch finds it no longer in preview.
            let claimed = try await sql.update(StudentImportBatch.schema).set("state", to: StudentImportBatch.State.committed.rawValue)
                .where("id", .equal, batchID).where("state", .equal, StudentImportBatch.State.preview.rawValue).returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict("Эта загрузка уже завершена или отменена.") }

            var newRows: [(UUID, StudentImport.Row)] = []
            var merges: [[String: String]] = []
            var guardianRows: [(UUID, StudentImport.Row)] = []
            var skipped = 0
            for (i, row) in analysis.plan.rows.enumerated() {
                if let match = analysis.matches[i] {
                    if skipLines.contains(row.line) { skipped += 1; continue }
                    guard let s = try await Student.find(match.id, on: db) else { throw AppError.conflict("Запись обучающегося исчезла: загрузите файл заново.") }
                    merges.append(snapshot(s))
                    let updated = try await sql.update(Student.schema)
                        .set("grade", to: row.grade).set("letter", to: row.letter ?? s.letter)
                        .set("sex", to: row.sex ?? s.sex).set("special_needs", to: row.specialNeeds || s.specialNeeds)
                        .set("consent_on", to: row.consentOn ?? s.consentOn).set("consent_by", to: row.consentBy ?? s.consentBy)
                        .set("status", to: RecordStatus.active.rawValue).set("version", to: s.version + 1)
                        .where("id", .equal, s.id!).where("version", .equal, s.version).returning("id").all()
                    guard !updated.isEmpty else { throw AppError.conflict("Пока шла загрузка, запись «\(s.fullName)» изменили. Повторите загрузку.") }
                    guardianRows.append((s.id!, row))
                } else {
                    let id = UUID()
                    newRows.append((id, row))
                    guardianRows.append((id, row))
                }
            }
            try await insertStudents(newRows, batch: batch, on: db)
            try await insertGuardians(guardianRows, batch: batch, now: now, on: db)
            batch.state = StudentImportBatch.State.committed.rawValue
            batch.content = nil
            batch.createdCount = newRows.count
            batch.mergedCount = merges.count
            batch.skippedCount = skipped
            batch.merges = String(decoding: try JSONEncoder().encode(merges), as: UTF8.self)
            batch.committedAt = now
            try await batch.save(on: db)
            let school = try await Organization.find(batch.$school.id, on: db)
            try await Audit.record(on: db, req: req, action: .importBatch,
                                   entityType: "student_import", entityID: batchID, title: "Загрузка «\(batch.fileName)»",
                                   municipalityID: batch.$municipality.id, organizationID: batch.$school.id,
                                   after: ["Файл": batch.fileName, "Школа": school?.shortName ?? "", "Добавлено": String(newRows.count),
                                           "Объединено": String(merges.count), "Пропущено": String(skipped)])
            return Outcome(created: newRows.count, merged: merges.count, skipped: skipped)
        }
    }

    static func snapshot(_ s: Student) -> [String: String] {
        ["id": s.id!.uuidString, "version": String(s.version + 1), "grade": String(s.grade), "letter": s.letter ?? "", "sex": s.sex ?? "",
         "special_needs": s.specialNeeds ? "1" : "0", "consent_on": s.consentOn.map { String($0.timeIntervalSince1970) } ?? "",
         "consent_by": s.consentBy ?? "", "status": s.status]
    }

    /// Undoes a committed import: removes the children it added and restores the merged ones, unless any of them
    /// has been enrolled, linked to a guardian's account or changed since (then nothing is undone and they are named).
    static func revert(batchID: UUID, req: Request) async throws {
        _ = try req.requireUser()
        try await req.application.writeTransaction { db in
            let sql = try db.sql()
            let claimed = try await sql.update(StudentImportBatch.schema).set("state", to: StudentImportBatch.State.reverted.rawValue)
                .set("reverted_at", to: Date())
                .where("id", .equal, batchID).where("state", .equal, StudentImportBatch.State.committed.rawValue).returning("id").all()
            guard !claimed.isEmpty, let batch = try await StudentImportBatch.find(batchID, on: db) else {
                throw AppError.conflict("Отменить можно только завершённую загрузку, и только один раз.")
            }
            let created = try await Student.query(on: db).filter(\.$importBatchID == batchID).all()
            let createdIDs = created.compactMap(\.id)
            var blocked: [String] = []
            for start in stride(from: 0, to: createdIDs.count, by: 900) {
                let chunk = Array(createdIDs[start ..< min(start + 900, createdIDs.count)])
                // Anything that refers to a child of the import since it was made keeps the import from being undone.
                var used = Set(try await Enrollment.query(on: db).filter(\.$student.$id ~~ chunk).all().map { $0.$student.id })
                used.formUnion(try await EnrollmentListItem.query(on: db).filter(\.$student.$id ~~ chunk).all().map { $0.$student.id })
                used.formUnion(try await CourseApplication.query(on: db).filter(\.$student.$id ~~ chunk).all().map { $0.$student.id })
                used.formUnion(try await Guardian.query(on: db).filter(\.$student.$id ~~ chunk).all()
                    .filter { $0.$user.id != nil || $0.importBatchID != batchID }.map { $0.$student.id })
                used.formUnion(try await Student.query(on: db).filter(\.$id ~~ chunk).filter(\.$user.$id != nil).all().compactMap(\.id))
                blocked += created.filter { chunk.contains($0.id!) && ($0.version != 1 || used.contains($0.id!)) }.map(\.fullName)
            }
            // A guardian the import added to an existing child, who has since signed up, is not removed either.
            let linkedGuardians = try await Guardian.query(on: db).filter(\.$importBatchID == batchID).filter(\.$user.$id != nil).with(\.$student).all()
            blocked += linkedGuardians.map { "\($0.student.fullName) (представитель \($0.fullName) уже вошёл в «Сетку»)" }
            let guardiansRemoved = try await Guardian.query(on: db).filter(\.$importBatchID == batchID).count()
            let merges = (try? JSONDecoder().decode([[String: String]].self, from: Data((batch.merges ?? "[]").utf8))) ?? []
            for m in merges {
                guard let id = m["id"].flatMap(UUID.init(uuidString:)), let s = try await Student.find(id, on: db) else { continue }
                if String(s.version) != m["version"] { blocked.append(s.fullName) }
            }
            guard blocked.isEmpty else {
                let names = blocked.prefix(5).joined(separator: ", ") + (blocked.count > 5 ? " и ещё \(blocked.count - 5)" : "")
                throw AppError.conflict("Загрузку нельзя отменить: после неё изменили, записали в группы или списки, подали заявки или привязали учётные записи: \(names). Исправьте их записи вручную.")
            }
            try await sql.delete(from: Guardian.schema).where("import_batch_id", .equal, batchID).run()
            try await sql.delete(from: Student.schema).where("import_batch_id", .equal, batchID).run()
            for m in merges {
                guard let id = m["id"].flatMap(UUID.init(uuidString:)), let version = m["version"].flatMap(Int.init) else { continue }
                let consentOn = m["consent_on"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
                try await sql.update(Student.schema)
                    .set("grade", to: Int(m["grade"] ?? "") ?? 1).set("letter", to: m["letter"].flatMap { $0.isEmpty ? nil : $0 })
                    .set("sex", to: m["sex"].flatMap { $0.isEmpty ? nil : $0 }).set("special_needs", to: m["special_needs"] == "1")
                    .set("consent_on", to: consentOn).set("consent_by", to: m["consent_by"].flatMap { $0.isEmpty ? nil : $0 })
                    .set("status", to: m["status"] ?? RecordStatus.active.rawValue).set("version", to: version + 1)
                    .where("id", .equal, id).run()
            }
            try await Audit.record(on: db, req: req, action: .revert,
                                   entityType: "student_import", entityID: batchID, title: "Загрузка «\(batch.fileName)»",
                                   municipalityID: batch.$municipality.id, organizationID: batch.$school.id,
                                   after: ["Удалено добавленных": String(created.count), "Восстановлено объединённых": String(merges.count),
                                           "Удалено законных представителей": String(guardiansRemoved)])
        }
    }
}
