import Fluent
import SQLKit

/// Where an achievement's scan is kept (issue 21, item 2): `database` (its bytes in `content`, as before) or `folder`
/// (`SETKA_FILES_DIR`, the bytes in a file named by the document's id, `content` empty).
struct AddDocumentStorage: AsyncMigration {
    var name: String { "028_AddDocumentStorage" }

    func prepare(on db: any Database) async throws {
        try await db.schema("achievement_documents")
            .field("storage", .string, .required, .sql(.default(SQLLiteral.string("database")))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("achievement_documents").deleteField("storage").update()
    }
}
