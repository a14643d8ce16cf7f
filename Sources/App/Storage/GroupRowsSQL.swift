import Domain
import Fluent
import Foundation
import SQLKit
import Views

/// The groups list's rows for one page of group ids, in one statement: each group with its programme, centre, year,
/// teacher and waiting list's length, read by column name — on the region, four eager loads and the waiting list as
/// Fluent models were most of `/groups`' time (issue 20). In the order of `ids`.
enum GroupRowsSQL {

    static func rows(ids: [UUID], on db: any Database) async throws -> [GroupListPage.Row] {
        guard !ids.isEmpty else { return [] }
        let sql = """
            SELECT g.id AS id, g.name AS name, g.enrolled_count AS enrolled, g.capacity AS capacity, p.title AS program,
              o.short_name AS centre, y.title AS year, t.surname AS t_surname, t.given_name AS t_given_name,
              t.patronymic AS t_patronymic,
              (SELECT COUNT(*) FROM enrollments e WHERE e.group_id = g.id AND e.status = ?) AS waiting
            FROM study_groups g JOIN network_programs p ON p.id = g.program_id
              JOIN organizations o ON o.id = g.organization_id JOIN academic_years y ON y.id = g.academic_year_id
              LEFT JOIN staff t ON t.id = g.teacher_id
            WHERE g.id IN (\(sqlPlaceholders(ids.count)))
            """
        let binds = [DBValue.text(EnrollmentStatus.waitlisted.rawValue)] + ids.map(DBValue.uuid)
        var byID: [UUID: GroupListPage.Row] = [:]
        for row in try await db.sql().rows(sql, binds) {
            guard let id = row.uuid("id") else { continue }
            let teacher = row.optionalText("t_surname").map {
                StaffMember.fullName(
                    surname: $0, givenName: row.text("t_given_name"), patronymic: row.optionalText("t_patronymic"))
            }
            byID[id] = GroupListPage.Row(
                id: id, name: row.text("name"), program: row.text("program"), center: row.text("centre"),
                year: row.text("year"), teacher: teacher ?? "", enrolled: row.int("enrolled"),
                capacity: row.int("capacity"), waiting: row.int("waiting"))
        }
        return ids.compactMap { byID[$0] }
    }

    /// How many wait in each of some groups' waiting lists (groups with none are absent).
    static func waiting(groups ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql().rows(
            """
            SELECT e.group_id AS group_id, COUNT(*) AS waiting FROM enrollments e
            WHERE e.status = ? AND e.group_id IN (\(sqlPlaceholders(ids.count))) GROUP BY e.group_id
            """, [.text(EnrollmentStatus.waitlisted.rawValue)] + ids.map(DBValue.uuid))
        return rows.reduce(into: [:]) { counts, row in
            if let group = row.uuid("group_id") { counts[group] = row.int("waiting") }
        }
    }
}
