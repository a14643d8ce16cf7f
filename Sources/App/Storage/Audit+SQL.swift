import Domain
import Fluent
import Vapor

extension Audit {
    /// Writes an entry on the SQLite writer's connection, as `record` would.
    static func insert(_ row: Row, on connection: RawSQLite) throws {
        try connection.run(insertSQL, values(row))
    }

    static let insertSQL = """
        INSERT INTO audit_entries (id, at, user_id, username, action, entity_type, entity_id, entity_title,
          municipality_id,
            organization_id, before, after, ip, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// PostgreSQL's types of `insertSQL`'s columns (an absent id is bound as text, so the type cannot come from the
    /// value).
    static let postgresTypes = [
        "uuid", "timestamptz", "uuid", "text", "text", "text", "uuid", "text", "uuid", "uuid", "text", "text", "text",
        "text",
    ]

    /// The entry's values in `insertSQL`'s order; an absent id is NULL (on SQLite a present one is its text, as
    /// SQLiteKit writes it).
    static func values(_ row: Row) -> [DBValue] {
        func id(_ id: UUID?) -> DBValue { id.map { .uuid($0) } ?? .text(nil) }
        return [
            .uuid(row.id), .date(row.at), id(row.userID), .text(row.username), .text(row.action), .text(row.entityType),
            id(row.entityID), .text(row.title),
            id(row.municipalityID), id(row.organizationID), .text(row.before), .text(row.after), .text(row.ip),
            .text(row.searchKey),
        ]
    }
}
