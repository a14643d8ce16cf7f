import Fluent
import SQLKit

struct CreateMunicipality: AsyncMigration {
    var name: String { "001_CreateMunicipality" }
    func prepare(on db: any Database) async throws {
        try await db.schema("municipalities")
            .id()
            .field("name", .string, .required)
            .field("time_zone", .string, .required)
            .field("created_at", .datetime)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("municipalities").delete() }
}

struct CreateOrganization: AsyncMigration {
    var name: String { "001_CreateOrganization" }
    func prepare(on db: any Database) async throws {
        try await db.schema("organizations")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("kind", .string, .required)
            .field("full_name", .string, .required)
            .field("short_name", .string, .required)
            .field("address", .string)
            .field("phone", .string)
            .field("email", .string)
            .field("website", .string)
            .field("head_name", .string)
            .field("status", .string, .required)
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.sql().create(index: "organizations_municipality_sort")
            .on("organizations").column("municipality_id").column("sort_key").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("organizations").delete() }
}

struct CreateAcademicYear: AsyncMigration {
    var name: String { "001_CreateAcademicYear" }
    func prepare(on db: any Database) async throws {
        try await db.schema("academic_years")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("title", .string, .required)
            .field("starts_on", .datetime, .required)
            .field("ends_on", .datetime, .required)
            .field("is_current", .bool, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .unique(on: "municipality_id", "title")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("academic_years").delete() }
}

struct CreateSubject: AsyncMigration {
    var name: String { "001_CreateSubject" }
    func prepare(on db: any Database) async throws {
        try await db.schema("subjects")
            .id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("name", .string, .required)
            .field("search_key", .string, .required)
            .field("sort_key", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .unique(on: "municipality_id", "search_key")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("subjects").delete() }
}

struct CreateResourceCenter: AsyncMigration {
    var name: String { "001_CreateResourceCenter" }
    func prepare(on db: any Database) async throws {
        try await db.schema("resource_centers")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("directions", .string, .required)
            .field("profiles", .string, .required)
            .field("decree_number", .string)
            .field("decree_date", .datetime)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .unique(on: "organization_id", "academic_year_id")
            .create()
        try await db.schema("resource_center_subjects")
            .id()
            .field("resource_center_id", .uuid, .required, .references("resource_centers", "id", onDelete: .cascade))
            .field("subject_id", .uuid, .required, .references("subjects", "id"))
            .unique(on: "resource_center_id", "subject_id")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("resource_center_subjects").delete()
        try await db.schema("resource_centers").delete()
    }
}
