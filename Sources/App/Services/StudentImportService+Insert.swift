import Vapor
import Fluent
import SQLKit
import FluentSQLiteDriver
import Domain

/// Writing an import's rows: many rows to a statement, converted without `Encodable` on SQLite (issue 3's benchmark).
extension StudentImportService {
    static let studentColumns = ["id", "municipality_id", "school_id", "surname", "given_name", "patronymic", "birth_date", "grade", "letter", "sex",
                                 "special_needs", "consent_on", "consent_by", "identity_key", "search_key", "sort_key", "status", "version", "import_batch_id"]

    static func insertStudents(_ rows: [(UUID, StudentImport.Row)], batch: StudentImportBatch, on db: any Database) async throws {
        let muni = batch.$municipality.id, school = batch.$school.id, batchID = batch.id!
        try await insertRows(into: Student.schema, columns: studentColumns, rows, on: db) { id, r in
            [.uuid(id), .uuid(muni), .uuid(school), .text(r.surname), .text(r.givenName), .text(r.patronymic), .date(r.birthDate), .int(r.grade),
             .text(r.letter), .text(r.sex), .bool(r.specialNeeds), .date(r.consentOn), .text(r.consentBy), .text(r.identityKey),
             .text(TextKey.search(r.surname, r.givenName, r.patronymic)),
             .text(TextKey.sort([r.surname, r.givenName, r.patronymic ?? ""].joined(separator: " "))), .text(RecordStatus.active.rawValue), .int(1),
             .uuid(batchID)]
        }
    }

    static func insertGuardians(_ rows: [(UUID, StudentImport.Row)], batch: StudentImportBatch, now: Date, on db: any Database) async throws {
        let withGuardian = rows.filter { $0.1.guardianName != nil }
        guard !withGuardian.isEmpty else { return }
        // A merged child may already have this guardian: the same name is not added twice.
        var existing = Set<String>()
        let ids = withGuardian.map(\.0)
        for start in stride(from: 0, to: ids.count, by: 900) {
            let chunk = Array(ids[start ..< min(start + 900, ids.count)])
            for g in try await Guardian.query(on: db).filter(\.$student.$id ~~ chunk).all() {
                existing.insert(g.$student.id.uuidString + "|" + TextKey.normalize(g.fullName))
            }
        }
        let fresh = withGuardian.filter { !existing.contains($0.0.uuidString + "|" + TextKey.normalize($0.1.guardianName!)) }
        let columns = ["id", "municipality_id", "student_id", "full_name", "relation", "phone", "email", "import_batch_id", "status", "version", "created_at"]
        let muni = batch.$municipality.id, batchID = batch.id!
        try await insertRows(into: Guardian.schema, columns: columns, fresh, on: db) { studentID, r in
            [.uuid(UUID()), .uuid(muni), .uuid(studentID), .text(r.guardianName), .text(r.guardianRelation), .text(r.guardianPhone),
             .text(r.guardianEmail), .uuid(batchID), .text(RecordStatus.active.rawValue), .int(1), .date(now)]
        }
    }

    /// Multi-row inserts of 800 rows each. On SQLite the values go to the driver as `SQLiteData` (SQLKit's conversion
    /// of each value through `Encodable` costs more than SQLite's insert of it); elsewhere through SQLKit.
    static func insertRows<T>(into table: String, columns: [String], _ rows: [(UUID, T)], on db: any Database,
                              _ values: (UUID, T) -> [DBValue]) async throws {
        let chunk = 800
        if let lite = db as? any SQLiteDatabase {
            let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            // A large batch touches more index pages than the default 2 MB page cache holds: each eviction is a write.
            if rows.count > 5_000 { _ = try await lite.query("PRAGMA cache_size=-65536") }
            for start in stride(from: 0, to: rows.count, by: chunk) {
                let part = rows[start ..< min(start + chunk, rows.count)]
                var binds: [SQLiteData] = []
                binds.reserveCapacity(part.count * columns.count)
                for (id, r) in part { binds.append(contentsOf: values(id, r).map(\.sqlite)) }
                let text = head + Array(repeating: tuple, count: part.count).joined(separator: ", ")
                _ = try await lite.query(text, binds)
            }
            return
        }
        let sql = try db.sql()
        for start in stride(from: 0, to: rows.count, by: chunk) {
            var insert = sql.insert(into: table).columns(columns)
            for (id, r) in rows[start ..< min(start + chunk, rows.count)] { insert = insert.values(values(id, r).map(\.bind)) }
            try await insert.run()
        }
    }
}
