import Domain
import Fluent
import Foundation
import SQLKit
import Views

/// The network's lessons of some days — a municipality's, or one centre's — as the monthly schedule's rows, in one
/// statement that joins what each row names (group, programme, centre, teacher, room) and reads it by column name: the
/// month of a region's municipality is over a thousand lessons, which as Fluent models with four eager loads took
/// most of the page's time (issue 20's benchmark). By day, start and centre.
enum MonthScheduleSQL {
    static func sql(centre: Bool) -> String {
        """
        SELECT l.day AS day, l.start_minute AS start_minute, l.end_minute AS end_minute, l.status AS status,
          l.substitute_for_id AS substitute_for_id, o.short_name AS centre, p.title AS program, g.name AS group_name,
          t.surname AS t_surname, t.given_name AS t_given_name, t.patronymic AS t_patronymic, rm.name AS room
        FROM lessons l JOIN study_groups g ON g.id = l.group_id JOIN organizations o ON o.id = g.organization_id
          JOIN network_programs p ON p.id = g.program_id LEFT JOIN staff t ON t.id = l.teacher_id
          LEFT JOIN rooms rm ON rm.id = l.room_id
        WHERE o.municipality_id = ? AND g.status = ?\(centre ? " AND g.organization_id = ?" : "") AND l.day >= ?
          AND l.day <= ?
        ORDER BY l.day, l.start_minute, o.sort_key, g.name
        """
    }

    static func rows(municipalityID: UUID, centre: UUID?, from: CivilDay, to: CivilDay, on db: any Database)
        async throws -> [MonthSchedulePage.Row]
    {
        let binds: [DBValue] =
            [.uuid(municipalityID), .text(RecordStatus.active.rawValue)] + (centre.map { [.uuid($0)] } ?? [])
            + [.int(from.number), .int(to.number)]
        return try await db.sql().rows(sql(centre: centre != nil), binds).map { row in
            let teacher = row.optionalText("t_surname").map {
                StaffMember.fullName(
                    surname: $0, givenName: row.text("t_given_name"), patronymic: row.optionalText("t_patronymic"))
            }
            return MonthSchedulePage.Row(
                span: LessonSpan(
                    day: CivilDay(number: row.int("day")), start: row.int("start_minute"), end: row.int("end_minute")),
                center: row.text("centre"), program: row.text("program"), group: row.text("group_name"),
                teacher: TimetableWords.teacher(teacher ?? "", substitute: !row.isNull("substitute_for_id")),
                room: row.optionalText("room") ?? "", cancelled: row.text("status") == LessonStatus.cancelled.rawValue)
        }
    }
}
