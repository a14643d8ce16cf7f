import Domain
import Fluent
import Foundation
import SQLKit

/// A lesson as the week views, the start pages and the iCal feed show it: what the lesson row and the rows it names
/// (group, programme, centre, room, teacher) say, read in one statement (`WeekLessonsSQL`).
struct WeekLesson: Sendable {
    var id: UUID
    var groupID: UUID
    var span: LessonSpan
    var group: String
    var program: String
    /// The group's centre, for the policy (who may read the journal or the group).
    var centre: OrgRef
    var centreName: String
    var room: String?
    var roomSortKey: String?
    /// The teacher's full name, and the account that may keep the lesson's journal.
    var teacher: String?
    var teacherUserID: UUID?
    /// Given by a substitute.
    var substitute: Bool
    var cancelled: Bool
    var note: String?
    /// Raised on every change of the lesson (the iCal event's sequence).
    var version: Int

    var day: Int { span.day.number }
}

/// Whose week: a school's students' groups, a teacher's lessons, a centre's groups, some groups (a student's).
/// One statement joins what each row names and reads it by column name — a school's week is hundreds of lessons, which
/// as Fluent models with five eager loads took most of the school's start page (issue 20's benchmark). By day, start,
/// centre and group.
enum WeekLessonsSQL {
    enum Whose {
        /// The lessons these staff records give.
        case teachers([UUID])
        /// The groups of one centre.
        case centre(UUID)
        /// The groups where this school's students are enrolled.
        case school(UUID)
        /// These groups.
        case groups([UUID])
    }

    static let columns = """
        SELECT l.id AS id, l.group_id AS group_id, l.day AS day, l.start_minute AS start_minute,
          l.end_minute AS end_minute, l.status AS status, l.note AS note, l.version AS version,
          l.substitute_for_id AS substitute_for_id, g.name AS group_name, p.title AS program, o.id AS centre_id,
          o.municipality_id AS municipality_id, o.short_name AS centre, rm.name AS room, rm.sort_key AS room_sort_key,
          t.surname AS t_surname, t.given_name AS t_given_name, t.patronymic AS t_patronymic, t.user_id AS t_user_id
        FROM lessons l JOIN study_groups g ON g.id = l.group_id JOIN organizations o ON o.id = g.organization_id
          JOIN network_programs p ON p.id = g.program_id LEFT JOIN staff t ON t.id = l.teacher_id
          LEFT JOIN rooms rm ON rm.id = l.room_id
        """

    /// The condition on the lesson's rows and its values.
    static func condition(_ whose: Whose) -> (String, [DBValue]) {
        switch whose {
        case .teachers(let ids): return ("l.teacher_id IN (\(sqlPlaceholders(ids.count)))", ids.map(DBValue.uuid))
        case .centre(let id): return ("g.organization_id = ?", [.uuid(id)])
        case .school(let id):
            return (
                """
                l.group_id IN (SELECT e.group_id FROM enrollments e JOIN students s ON s.id = e.student_id
                  WHERE e.status = ? AND s.school_id = ?)
                """,
                [.text(EnrollmentStatus.enrolled.rawValue), .uuid(id)]
            )
        case .groups(let ids): return ("l.group_id IN (\(sqlPlaceholders(ids.count)))", ids.map(DBValue.uuid))
        }
    }

    static func lessons(_ whose: Whose, from: CivilDay, to: CivilDay, on db: any Database) async throws -> [WeekLesson]
    {
        switch whose {
        case .teachers(let ids), .groups(let ids): if ids.isEmpty { return [] }
        case .centre, .school: break
        }
        let (condition, values) = condition(whose)
        let sql =
            columns + "\nWHERE " + condition
            + " AND l.day >= ? AND l.day <= ?\nORDER BY l.day, l.start_minute, o.sort_key, g.name, l.id"
        return try await db.sql().rows(sql, values + [.int(from.number), .int(to.number)]).map { row in
            let teacher = row.optionalText("t_surname").map {
                StaffMember.fullName(
                    surname: $0, givenName: row.text("t_given_name"), patronymic: row.optionalText("t_patronymic"))
            }
            return WeekLesson(
                id: row.uuid("id") ?? UUID(), groupID: row.uuid("group_id") ?? UUID(),
                span: LessonSpan(
                    day: CivilDay(number: row.int("day")), start: row.int("start_minute"), end: row.int("end_minute")),
                group: row.text("group_name"), program: row.text("program"),
                centre: OrgRef(
                    id: row.uuid("centre_id") ?? UUID(), municipalityID: row.uuid("municipality_id") ?? UUID()),
                centreName: row.text("centre"), room: row.optionalText("room"),
                roomSortKey: row.optionalText("room_sort_key"), teacher: teacher, teacherUserID: row.uuid("t_user_id"),
                substitute: !row.isNull("substitute_for_id"),
                cancelled: row.text("status") == LessonStatus.cancelled.rawValue, note: row.optionalText("note"),
                version: row.int("version"))
        }
    }

    /// How many of a school's students are enrolled in each group that has any.
    static func schoolStudentsPerGroup(_ schoolID: UUID, on db: any Database) async throws -> [UUID: Int] {
        let rows = try await db.sql().rows(
            """
            SELECT e.group_id AS group_id, COUNT(*) AS students FROM enrollments e JOIN students s ON s.id = e.student_id
            WHERE e.status = ? AND s.school_id = ? GROUP BY e.group_id
            """, [.text(EnrollmentStatus.enrolled.rawValue), .uuid(schoolID)])
        return rows.reduce(into: [:]) { counts, row in
            if let group = row.uuid("group_id") { counts[group] = row.int("students") }
        }
    }
}
