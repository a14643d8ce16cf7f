import Fluent

/// The registry of the authority's orders: number, date, title, status, and the generated document itself.
struct CreateOrders: AsyncMigration {
    var name: String { "011_CreateOrders" }
    func prepare(on db: any Database) async throws {
        try await db.schema("orders")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("number", .string)
            .field("order_day", .int)
            .field("status", .string, .required)
            // Comma-separated staff ids of the teachers named (support, gratitude).
            .field("recipients", .string, .required)
            .field("document", .string, .required)
            .field("docx", .data, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("signed_at", .datetime)
            .field("signed_by", .string)
            .field("version", .int, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("orders").delete() }
}
