import Fluent

/// The official headcount of each school per grade and year: the denominators of coverage.
struct CreateHeadcounts: AsyncMigration {
    var name: String { "006_CreateHeadcounts" }
    func prepare(on db: any Database) async throws {
        try await db.schema("school_headcounts")
            .id()
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("grade", .int, .required)
            .field("count", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "school_id", "academic_year_id", "grade")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("school_headcounts").delete() }
}
