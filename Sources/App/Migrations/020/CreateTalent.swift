import Domain
import Fluent
import Foundation
import SQLKit

/// The talent registry's first tables (issue 21): the olympiad's subjects of each municipality (the built-in list is
/// given to every municipality that exists; a new one gets it from `OlympiadSubjectsSeed`), contests with their
/// yearly editions, and students' achievements in them. An achievement is unique for a student, an edition and a
/// subject or nomination (`subject_key`), whatever its status.
struct CreateTalent: AsyncMigration {
    var name: String { "020_CreateTalent" }

    func prepare(on db: any Database) async throws {
        try await db.schema("olympiad_subjects").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("name", .string, .required).field("profiles", .string)
            .field("search_key", .string, .required).field("sort_key", .string, .required)
            .field("status", .string, .required).field("version", .int, .required)
            .unique(on: "municipality_id", "search_key")
            .create()
        try await db.schema("contests").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("title", .string, .required).field("kind", .string, .required).field("level", .string, .required)
            .field("direction", .string, .required).field("organizer", .string, .required).field("note", .string)
            .field("search_key", .string, .required).field("sort_key", .string, .required)
            .field("status", .string, .required).field("version", .int, .required)
            .create()
        try await db.schema("contest_editions").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("contest_id", .uuid, .required, .references("contests", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("level", .string, .required).field("starts_on", .datetime).field("ends_on", .datetime)
            .field("place", .string)
            .field("search_key", .string, .required).field("sort_key", .string, .required)
            .field("status", .string, .required).field("version", .int, .required)
            .unique(on: "contest_id", "academic_year_id", "level")
            .create()
        try await db.schema("achievements").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("school_id", .uuid, .required, .references("organizations", "id"))
            .field("student_id", .uuid, .required, .references("students", "id"))
            .field("edition_id", .uuid, .required, .references("contest_editions", "id"))
            .field("subject_id", .uuid, .references("olympiad_subjects", "id")).field("nomination", .string)
            .field("subject_key", .string, .required).field("result", .string, .required)
            .field("score", .double).field("place", .int)
            .field("grade_studied", .int, .required).field("grade_competed", .int, .required)
            .field("achieved_on", .datetime).field("prepared_by", .string).field("document_number", .string)
            .field("search_key", .string, .required).field("sort_key", .string, .required)
            .field("status", .string, .required).field("version", .int, .required)
            .unique(on: "student_id", "edition_id", "subject_key")
            .create()
        let sql = try db.sql()
        try await sql.create(index: "contests_municipality_sort").on("contests").column("municipality_id")
            .column("sort_key").run()
        try await sql.create(index: "contest_editions_municipality_sort").on("contest_editions")
            .column("municipality_id").column("sort_key").run()
        try await sql.create(index: "achievements_school_sort").on("achievements").column("school_id")
            .column("sort_key").run()
        try await sql.create(index: "achievements_municipality_sort").on("achievements").column("municipality_id")
            .column("sort_key").run()
        try await sql.create(index: "achievements_edition").on("achievements").column("edition_id").run()
        // The built-in subjects for the municipalities there are; a municipality created later gets them on creation.
        let municipalities = try await sql.select().column("id").from("municipalities").all()
        for row in municipalities {
            let id = try row.decode(column: "id", as: UUID.self)
            for subject in OlympiadSubjects.builtIn {
                try await sql.insert(into: "olympiad_subjects")
                    .columns("id", "municipality_id", "name", "profiles", "search_key", "sort_key", "status", "version")
                    .values(
                        SQLBind(UUID()), SQLBind(id), SQLBind(subject.name), SQLBind(subject.profiles),
                        SQLBind(TextKey.search(subject.name)), SQLBind(TextKey.sort(subject.name)), SQLBind("active"),
                        SQLBind(1)
                    ).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        for table in ["achievements", "contest_editions", "contests", "olympiad_subjects"] {
            try await db.schema(table).delete()
        }
    }
}
