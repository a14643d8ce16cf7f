import Domain
import Fluent
import SQLKit
import Vapor

/// The registry's side of an import: which children with the file's identity keys are already registered (for the
/// preview on either database and the commit on PostgreSQL; SQLite's commit reads the same on its writer's connection).
/// One statement text and one row parser for both ways of reading.
extension StudentImportService {

    /// The registry's children with these identity keys, with their schools' names: one statement on PostgreSQL (the
    /// keys as one array), 900-key `IN` lists on SQLite.
    static func registered(_ keys: [String], municipalityID: UUID, on db: any Database) async throws -> [Registered] {
        let sql = try db.sql()
        let select = SQLQueryString(registeredSelect, binds: [.uuid(municipalityID)])
        var rows: [any SQLRow] = []
        if sql.dialect.name == "postgresql" {
            rows = try await sql.raw(select + " = ANY(\(bind: keys))").all()
        } else {
            for start in stride(from: 0, to: keys.count, by: 900) {
                let chunk = keys[start..<min(start + 900, keys.count)].map { SQLBind($0) as any SQLExpression }
                rows += try await sql.raw(select + " IN \(SQLGroupExpression(SQLList(chunk)))").all()
            }
        }
        return rows.compactMap { registeredChild(SQLRowReader($0)) }
    }
}
