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
        let counts = try await Self.schoolStudentsPerGroup(try org.requireID(), on: req.db)
        let lessons =
            counts.isEmpty
            ? []
            : try await Self.lessons(
                Lesson.query(on: req.db).filter(\.$group.$id ~~ Array(counts.keys)), from: week,
                to: week.adding(days: 6))
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
            shown.lines.append(TimetableWords.Week.schoolStudents(counts[lesson.$group.id] ?? 0))
            return shown
        }
    }

    /// How many of a school's students are enrolled in each group that has any.
    static func schoolStudentsPerGroup(_ schoolID: UUID, on db: any Database) async throws -> [UUID: Int] {
        let enrollments = try await Enrollment.query(on: db).join(
            Student.self, on: \Enrollment.$student.$id == \Student.$id
        )
        .filter(Student.self, \.$school.$id == schoolID)
        .filter(\.$status == EnrollmentStatus.enrolled.rawValue).all()
        return enrollments.reduce(into: [:]) { counts, enrollment in counts[enrollment.$group.id, default: 0] += 1 }
    }
}
