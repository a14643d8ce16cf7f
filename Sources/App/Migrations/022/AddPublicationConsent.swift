import Fluent

/// A student's consent to publishing their name with their achievements (issue 21, item 7): separate from the consent
/// to processing, which the student already has.
struct AddPublicationConsent: AsyncMigration {
    var name: String { "022_AddPublicationConsent" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column per `ALTER TABLE`.
        try await db.schema("students").field("publication_consent_on", .datetime).update()
        try await db.schema("students").field("publication_consent_by", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("students").deleteField("publication_consent_by").update()
        try await db.schema("students").deleteField("publication_consent_on").update()
    }
}
