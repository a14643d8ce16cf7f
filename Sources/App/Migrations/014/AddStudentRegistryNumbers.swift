import Fluent
import SQLKit

/// Registry numbers of students (issue 18): a number unique within the municipality, given on registration and never
/// changed, so that a child shown without a name (to the methodologist) is told apart from every other. The students
/// already registered are numbered in the order of their names; each municipality keeps the last number handed out
/// (`municipalities.last_student_number`, raised only by `StudentRegistryNumbers.claim`, never by a model save).
struct AddStudentRegistryNumbers: AsyncMigration {
    var name: String { "014_AddStudentRegistryNumbers" }

    func prepare(on db: any Database) async throws {
        try await db.schema("municipalities")
            .field("last_student_number", .int, .required, .sql(.default(0)))
            .update()
        try await db.schema("students").field("registry_number", .int).update()
        let sql = try db.sql()
        try await sql.raw(
            """
            UPDATE students SET registry_number = numbered.n
            FROM (
              SELECT id, ROW_NUMBER() OVER (PARTITION BY municipality_id ORDER BY sort_key, id) AS n FROM students
            ) AS numbered
            WHERE numbered.id = students.id
            """
        ).run()
        try await sql.raw(
            """
            UPDATE municipalities SET last_student_number = (
              SELECT COALESCE(MAX(registry_number), 0) FROM students WHERE students.municipality_id = municipalities.id
            )
            """
        ).run()
        try await sql.create(index: "students_registry_number").unique().on("students")
            .column("municipality_id").column("registry_number").run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().drop(index: "students_registry_number").run()
        try await db.schema("students").deleteField("registry_number").update()
        try await db.schema("municipalities").deleteField("last_student_number").update()
    }
}
