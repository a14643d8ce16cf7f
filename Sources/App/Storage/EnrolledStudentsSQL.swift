import Domain
import Fluent
import Foundation
import SQLKit

/// How many students have a place in a group of the year in a municipality: counted by the database, each student once
/// however many groups they are in (the start page's figure), not read row by row.
enum EnrolledStudentsSQL {
    static let sql = """
        SELECT COUNT(DISTINCT e.student_id) AS students
        FROM enrollments e JOIN study_groups g ON g.id = e.group_id JOIN organizations o ON o.id = g.organization_id
        WHERE e.status = ? AND g.academic_year_id = ? AND o.municipality_id = ?
        """

    static func count(municipalityID: UUID, yearID: UUID, on db: any Database) async throws -> Int {
        try await db.sql().int(
            sql, [.text(EnrollmentStatus.enrolled.rawValue), .uuid(yearID), .uuid(municipalityID)]) ?? 0
    }
}
