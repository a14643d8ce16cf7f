import Domain
import Fluent
import SQLKit
import Vapor

/// The registry's side of an import: which children with the file's identity keys are already registered (for the
/// preview on either database and the commit on PostgreSQL; SQLite's commit reads the same on its writer's connection).
extension StudentImportService {
    /// The registry's children with these identity keys, with their schools' names: one statement on PostgreSQL (the
    /// keys as one array), 900-key `IN` lists on SQLite.
    static func registered(_ keys: [String], municipalityID: UUID, on db: any Database) async throws -> [Registered] {
        let sql = try db.sql()
        let select: SQLQueryString = """
            SELECT s.id, s.identity_key, s.school_id, o.short_name, s.surname, s.given_name, s.patronymic, s.grade,
              s.letter, s.sex,
                   s.special_needs, s.consent_on, s.consent_by, s.status, s.version
            FROM students s JOIN organizations o ON o.id = s.school_id
            WHERE s.municipality_id = \(bind: municipalityID) AND s.identity_key
            """
        var rows: [any SQLRow] = []
        if sql.dialect.name == "postgresql" {
            rows = try await sql.raw(select + " = ANY(\(bind: keys))").all()
        } else {
            for start in stride(from: 0, to: keys.count, by: 900) {
                let chunk = keys[start..<min(start + 900, keys.count)].map { SQLBind($0) as any SQLExpression }
                rows += try await sql.raw(select + " IN \(SQLGroupExpression(SQLList(chunk)))").all()
            }
        }
        return try rows.map { r in
            let names = [
                try r.decode(column: "surname", as: String.self), try r.decode(column: "given_name", as: String.self),
                try r.decode(column: "patronymic", as: String?.self),
            ]
            return Registered(
                id: try r.decode(column: "id", as: UUID.self),
                identityKey: try r.decode(column: "identity_key", as: String.self),
                schoolID: try r.decode(column: "school_id", as: UUID.self),
                schoolName: try r.decode(column: "short_name", as: String.self),
                fullName: names.compactMap { $0 }.joined(separator: " "),
                grade: try r.decode(column: "grade", as: Int.self),
                letter: try r.decode(column: "letter", as: String?.self),
                sex: try r.decode(column: "sex", as: String?.self),
                specialNeeds: try r.decode(column: "special_needs", as: Bool.self),
                consentOn: try r.decode(column: "consent_on", as: Date?.self),
                consentBy: try r.decode(column: "consent_by", as: String?.self),
                status: try r.decode(column: "status", as: String.self),
                version: try r.decode(column: "version", as: Int.self))
        }
    }
}
