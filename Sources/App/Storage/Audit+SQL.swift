import Domain
import Fluent
import Vapor

extension Audit {
    /// Writes an entry on the SQLite writer's connection, as `record` would.
    static func insert(_ r: Row, on c: RawSQLite) throws {
        try c.run(insertSQL, values(r))
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
    static func values(_ r: Row) -> [DBValue] {
        func id(_ u: UUID?) -> DBValue { u.map { .uuid($0) } ?? .text(nil) }
        return [
            .uuid(r.id), .date(r.at), id(r.userID), .text(r.username), .text(r.action), .text(r.entityType),
            id(r.entityID), .text(r.title),
            id(r.municipalityID), id(r.organizationID), .text(r.before), .text(r.after), .text(r.ip),
            .text(r.searchKey),
        ]
    }
}
