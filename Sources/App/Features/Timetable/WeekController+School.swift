import Domain
import Fluent
import Vapor
import Views

extension WeekController {
    /// Where a school's students study this week: the lessons of every network group with its enrolled students, by
    /// day, with the group, centre, room, time and how many of the school's students it has — for the school (and
    /// whoever reads its students), not for another school.
    func school(req: Request) async throws -> Response {
        guard let org = try await Organization.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(TimetableWords.Refusal.organizationNotFound)
        }
        try req.authorize(.read, .student(school: org.ref))
        let zone = try await MunicipalClock.zone(org.$municipality.id, on: req.db)
        let week = Self.week(req, zone: zone)
        let counts = try await WeekLessonsSQL.schoolStudentsPerGroup(try org.requireID(), on: req.db)
        let lessons = try await WeekLessonsSQL.lessons(
            .school(try org.requireID()), from: week, to: week.adding(days: 6), on: req.db)
        return await weekPage(
            req, title: TimetableWords.Week.school(org.shortName),
            crumbs: [Crumb(TimetableWords.Week.crumb, SiteURL.timetable.path)], week: week, lessons: lessons,
            links: [
                (
                    TimetableWords.Week.networkMonth,
                    SiteURL.schedule.path
                )
            ],
            emptyText: TimetableWords.Week.schoolEmpty
        ) { lesson in
            var shown = entry(req, lesson)
            shown.lines.append(TimetableWords.Week.schoolStudents(counts[lesson.groupID] ?? 0))
            return shown
        }
    }

}
