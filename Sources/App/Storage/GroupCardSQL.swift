import Domain
import Fluent
import Foundation
import SQLKit

/// A group card's places and lists, read by column name: the places (seated and waiting) with each student's name,
/// grade and school in one statement, and each list's number of students as a count — the card read them as
/// enrolment, student, school and list-item models (issue 20).
enum GroupCardSQL {
    /// A place in the group that is not withdrawn.
    struct Place {
        var enrollmentID: UUID
        var status: String
        var waitlistSeq: Int?
        var name: String
        var sortKey: String
        var grade: String
        /// The student's school, for the policy (who may see which school's students).
        var school: OrgRef
        var schoolName: String
    }

    static func places(group: UUID, on db: any Database) async throws -> [Place] {
        let rows = try await db.sql().rows(
            """
            SELECT e.id AS id, e.status AS status, e.waitlist_seq AS waitlist_seq, s.surname AS surname,
              s.given_name AS given_name, s.patronymic AS patronymic, s.sort_key AS sort_key, s.grade AS grade,
              s.letter AS letter, o.id AS school_id, o.municipality_id AS municipality_id, o.short_name AS school
            FROM enrollments e JOIN students s ON s.id = e.student_id JOIN organizations o ON o.id = s.school_id
            WHERE e.group_id = ? AND e.status <> ?
            """, [.uuid(group), .text(EnrollmentStatus.withdrawn.rawValue)])
        return rows.compactMap { row in
            guard let id = row.uuid("id"), let school = row.uuid("school_id"),
                let municipality = row.uuid("municipality_id")
            else { return nil }
            return Place(
                enrollmentID: id, status: row.text("status"),
                waitlistSeq: row.isNull("waitlist_seq") ? nil : row.int("waitlist_seq"),
                name: Student.fullName(
                    surname: row.text("surname"), givenName: row.text("given_name"),
                    patronymic: row.optionalText("patronymic")),
                sortKey: row.text("sort_key"), grade: "\(row.int("grade"))\(row.optionalText("letter") ?? "")",
                school: OrgRef(id: school, municipalityID: municipality), schoolName: row.text("school"))
        }
    }

    /// How many students each of some lists names (lists with none are absent).
    static func listSizes(_ lists: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !lists.isEmpty else { return [:] }
        let rows = try await db.sql().rows(
            """
            SELECT i.list_id AS list_id, COUNT(*) AS students FROM enrollment_list_items i
            WHERE i.list_id IN (\(sqlPlaceholders(lists.count))) GROUP BY i.list_id
            """, lists.map(DBValue.uuid))
        return rows.reduce(into: [:]) { sizes, row in
            if let list = row.uuid("list_id") { sizes[list] = row.int("students") }
        }
    }
}
