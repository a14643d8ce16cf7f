import Fluent
import SQLKit

/// Indexes that let coverage count from the indexes alone (issue 20: the coordinator's start page counted the region
/// municipality's 6 680 pupils in 34 ms, nearly all of it reading student and enrolment rows): pupils by school,
/// status and grade with their id (`CoverageCountsSQL`), and a group's places with their student, which replaces the
/// `(group_id, status)` index it begins with.
struct AddCoverageIndexes: AsyncMigration {
    var name: String { "019_AddCoverageIndexes" }

    func prepare(on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.create(index: "students_school_status_grade").on("students")
            .column("school_id").column("status").column("grade").column("id").run()
        try await sql.create(index: "enrollments_group_status_student").on("enrollments")
            .column("group_id").column("status").column("student_id").run()
        try await sql.drop(index: "enrollments_group_status").run()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.create(index: "enrollments_group_status").on("enrollments").column("group_id").column("status")
            .run()
        try await sql.drop(index: "enrollments_group_status_student").run()
        try await sql.drop(index: "students_school_status_grade").run()
    }
}
