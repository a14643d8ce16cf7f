import Domain
import Fluent
import Foundation
import SQLKit

/// The facts behind a teacher's award for every teacher of a municipality in three statements (issue 23, item 3;
/// `002_f5d848fa5a191e3f.txt` §15): the academic years in which they delivered hours, the groups and hours — by the
/// rule of `DeliveredHours` (an entry's hours go to the lesson's teacher, a cancelled lesson counts nothing), written
/// here in SQL because the round's page reads it for everyone at once —, the certificates of their groups' students,
/// and the achievements of students they prepared (`achievement_preparers`).
enum TeacherFactsSQL {
    struct Facts: Sendable, Equatable {
        /// Start years of the academic years with hours delivered (one per year).
        var startYears: Set<Int> = []
        var groups = 0
        var hours = 0
        var certificates = 0
        var achievements = 0
        var years: Int { NetworkYears.count(Array(startYears)) }
    }

    static let taught = """
        SELECT l.teacher_id AS teacher_id, g.academic_year_id AS year_id, COUNT(DISTINCT g.id) AS groups,
          CAST(SUM(r.hours) AS BIGINT) AS hours
        FROM lesson_records r JOIN lessons l ON l.id = r.lesson_id JOIN study_groups g ON g.id = l.group_id
          JOIN organizations o ON o.id = g.organization_id
        WHERE o.municipality_id = ? AND r.hours > 0 AND l.status <> ? AND l.teacher_id IS NOT NULL
        GROUP BY l.teacher_id, g.academic_year_id
        """

    static let certified = """
        SELECT g.teacher_id AS teacher_id, COUNT(*) AS n
        FROM certificates c JOIN study_groups g ON g.id = c.group_id
        WHERE c.municipality_id = ? AND c.status = ? AND g.teacher_id IS NOT NULL
        GROUP BY g.teacher_id
        """

    static let prepared = """
        SELECT p.staff_id AS teacher_id, COUNT(*) AS n
        FROM achievement_preparers p JOIN staff s ON s.id = p.staff_id JOIN achievements a ON a.id = p.achievement_id
        WHERE s.municipality_id = ? AND a.status = ?
        GROUP BY p.staff_id
        """

    /// Every teacher's facts by staff id; `startYear` turns an academic year's id into the calendar year it starts in,
    /// and the groups and hours of academic years starting after `through` are left out (a round counts the years up
    /// to its own).
    static func facts(municipalityID: UUID, startYear: [UUID: Int], through: Int, on db: any Database) async throws
        -> [UUID: Facts]
    {
        var facts: [UUID: Facts] = [:]
        let sql = try db.sql()
        for row in try await sql.rows(taught, [.uuid(municipalityID), .text(LessonStatus.cancelled.rawValue)]) {
            guard let teacher = row.uuid("teacher_id"), let year = row.uuid("year_id"), let start = startYear[year],
                start <= through
            else { continue }
            var entry = facts[teacher] ?? Facts()
            entry.startYears.insert(start)
            entry.groups += row.int("groups")
            entry.hours += row.int("hours")
            facts[teacher] = entry
        }
        for row in try await sql.rows(certified, [.uuid(municipalityID), .text(Certificate.Status.valid.rawValue)]) {
            guard let teacher = row.uuid("teacher_id") else { continue }
            facts[teacher, default: Facts()].certificates = row.int("n")
        }
        for row in try await sql.rows(prepared, [.uuid(municipalityID), .text(RecordStatus.active.rawValue)]) {
            guard let teacher = row.uuid("teacher_id") else { continue }
            facts[teacher, default: Facts()].achievements = row.int("n")
        }
        return facts
    }
}
