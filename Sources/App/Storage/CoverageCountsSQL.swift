import Domain
import Fluent
import Foundation
import SQLKit

/// The students of some schools counted by school and grade — active ones, and of those the ones with a place in a
/// group of the year — for coverage (`CoverageController.compute`): a row per school and grade, not a row per student.
/// The year's placed pupils are one set the database builds once (the year is the municipality's), not a lookup per
/// pupil; both sides read from indexes alone (migration 019).
enum CoverageCountsSQL {
    struct Count {
        var school: UUID
        var grade: Int
        var registered: Int
        var enrolled: Int
    }

    static func sql(schools: Int) -> String {
        """
        SELECT s.school_id AS school_id, s.grade AS grade, COUNT(*) AS registered,
          SUM(CASE WHEN s.id IN (SELECT e.student_id FROM enrollments e WHERE e.status = ?
            AND e.group_id IN (SELECT g.id FROM study_groups g WHERE g.academic_year_id = ?)) THEN 1 ELSE 0 END) AS enrolled
        FROM students s WHERE s.status = ? AND s.school_id IN (\(sqlPlaceholders(schools)))
        GROUP BY s.school_id, s.grade
        """
    }

    static func counts(schools: [UUID], yearID: UUID, on db: any Database) async throws -> [Count] {
        guard !schools.isEmpty else { return [] }
        let binds: [DBValue] =
            [.text(EnrollmentStatus.enrolled.rawValue), .uuid(yearID), .text(RecordStatus.active.rawValue)]
            + schools.map { .uuid($0) }
        return try await db.sql().rows(sql(schools: schools.count), binds).compactMap { row in
            guard let school = row.uuid("school_id") else { return nil }
            return Count(
                school: school, grade: row.int("grade"), registered: row.int("registered"),
                enrolled: row.int("enrolled"))
        }
    }
}
