import Documents
import Domain
import Fluent
import Vapor
import Views

/// Weeks of lessons: a teacher's, a student's (all their network courses), a centre's rooms; the user's own from the
/// menu; and the network's monthly schedule as the authority publishes it (public, printable, XLSX).
struct WeekController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("timetable", use: mine)
        routes.get("timetable", "teachers", ":id", use: teacher)
        routes.get("timetable", "students", ":id", use: student)
        routes.get("timetable", "centers", ":id", use: center)
        routes.get("timetable", "schools", ":id", use: school)
        routes.get("schedule", use: month)
        routes.get("schedule.xlsx", use: monthXLSX)
    }

    /// «Расписание» in the menu: the teacher's own week, the student's, a guardian's child's, the centre's, where a
    /// school's students study; else the month.
    func mine(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let now = Date()
        if let staff = try await StaffMember.query(on: req.db).filter(\.$user.$id == user.userID).first() {
            if try await Lesson.query(on: req.db).filter(try \.$teacher.$id == staff.requireID()).count() > 0
                || !(user.actor.has(.centerHead, at: now) || user.actor.has(.schoolAdmin, at: now))
            {
                return req.redirect(to: SiteURL.teacherWeek(try staff.requireID()).path)
            }
        }
        if let student = user.actor.students.sorted(by: { $0.uuidString < $1.uuidString }).first {
            return req.redirect(to: SiteURL.studentWeek(student).path)
        }
        if user.actor.has(.centerHead, at: Date()),
            let org = user.actor.activeGrants(at: Date()).first(where: { $0.role == .centerHead })?.scope.organizationID
        {
            return req.redirect(to: SiteURL.centerWeek(org).path)
        }
        if let org = user.actor.activeGrants(at: now).first(where: { $0.role == .schoolAdmin })?.scope.organizationID {
            return req.redirect(to: SiteURL.schoolWeek(org).path)
        }
        return req.redirect(to: SiteURL.schedule.path)
    }

    /// The week asked for (`?week=` any day of it, ISO or ДД.ММ.ГГГГ), else this week.
    static func week(_ req: Request, zone: TimeZone) -> CivilDay {
        let asked = req.query[String.self, at: "week"].flatMap(CivilDay.parse).flatMap {
            (2000...2100).contains($0.ymd.year) ? $0 : nil
        }
        return (asked ?? CivilDay(Date(), timeZone: zone)).startOfWeek
    }

    static func entry(_ lesson: WeekLesson, showTeacher: Bool = true, roomFirst: Bool = false, link: String?)
        -> LessonEntry
    {
        LessonEntry.lesson(
            time: lesson.span.times, group: lesson.group, program: lesson.program, center: lesson.centreName,
            room: lesson.room, teacher: showTeacher ? lesson.teacher : nil, substitute: lesson.substitute,
            cancelled: lesson.cancelled, note: lesson.note,
            roomFirst: roomFirst,
            url: link)
    }

    func weekPage(
        _ req: Request, title: String, crumbs: [Crumb], week: CivilDay, lessons: [WeekLesson],
        links: [(title: String, url: String)] = [], emptyText: String = TimetableWords.Week.empty,
        entry: (WeekLesson) -> LessonEntry
    ) async -> Response {
        let byDay = Dictionary(grouping: lessons, by: \.day)
        let days = (0..<7).map { i -> WeekPage.Day in
            let day = week.adding(days: i)
            return WeekPage.Day(title: day.long, entries: (byDay[day.number] ?? []).map(entry))
        }
        let path = req.url.path
        let page = WeekPage(
            title: title, crumbs: crumbs, weekTitle: week.formatted + " — " + week.adding(days: 6).formatted,
            previousURL: path + "?week=" + week.adding(days: -7).iso,
            nextURL: path + "?week=" + week.adding(days: 7).iso,
            days: days, links: links, emptyText: emptyText)
        return req.render(page.render(await req.pageContext(active: .timetable)))
    }

    /// Where a lesson of a week leads: its journal for who may read it, else the group's timetable, else nowhere.
    func groupLink(_ req: Request, _ lesson: WeekLesson) -> String? {
        if req.can(.read, .journal(center: lesson.centre, teacherUserID: lesson.teacherUserID)) {
            return SiteURL.lesson(lesson.id).path
        }
        return req.can(.read, .group(lesson.centre)) ? SiteURL.groupTimetable(lesson.groupID).path : nil
    }

    func teacher(req: Request) async throws -> Response {
        let subject = try await TimetableSubject.load(.teacher, try req.idParameter(), on: req.db)
        try req.authorize(.read, subject.resource)
        let zone = try await MunicipalClock.zone(subject.municipalityID, on: req.db)
        let week = Self.week(req, zone: zone)
        let lessons = try await subject.lessons(from: week, to: week.adding(days: 6), on: req.db)
        return await weekPage(
            req, title: TimetableWords.Week.teacher(subject.title),
            crumbs: [Crumb(TimetableWords.Week.crumb, SiteURL.timetable.path)],
            week: week, lessons: lessons,
            links: [Self.feedLink(subject), (TimetableWords.Week.hours, SiteURL.hours.path)]
        ) { entry(req, $0, teacher: false) }
    }

    /// The link to make a calendar subscription for what the page shows.
    static func feedLink(_ subject: TimetableSubject) -> (title: String, url: String) {
        (
            TimetableWords.Week.feed,
            SiteURL.timetable.path + "/feeds/new?kind=\(subject.kind.rawValue)&id=\(subject.id.uuidString.lowercased())"
        )
    }

    func entry(_ req: Request, _ lesson: WeekLesson, teacher: Bool = true, roomFirst: Bool = false) -> LessonEntry {
        Self.entry(lesson, showTeacher: teacher, roomFirst: roomFirst, link: groupLink(req, lesson))
    }

    func student(req: Request) async throws -> Response {
        let subject = try await TimetableSubject.load(.student, try req.idParameter(), on: req.db)
        try req.authorize(.read, subject.resource)
        let zone = try await MunicipalClock.zone(subject.municipalityID, on: req.db)
        let week = Self.week(req, zone: zone)
        let lessons = try await subject.lessons(from: week, to: week.adding(days: 6), on: req.db)
        let user = try req.requireUser()
        // A guardian of several children switches between them here.
        var links = [
            (TimetableWords.Week.progress, SiteURL.studentWeek(subject.id).path + "/progress"), Self.feedLink(subject),
        ]
        if user.actor.students.count > 1 {
            for other in try await Student.query(on: req.db).filter(\.$id ~~ Array(user.actor.students)).sort(
                \.$sortKey
            ).all() where other.id != subject.id {
                links.append(
                    (TimetableWords.Week.otherChild(other.givenName), SiteURL.studentWeek(try other.requireID()).path))
            }
        }
        return await weekPage(
            req, title: TimetableWords.Week.student(subject.title),
            crumbs: [Crumb(TimetableWords.Week.crumb, SiteURL.timetable.path)],
            week: week, lessons: lessons, links: links
        ) { entry(req, $0) }
    }

    func center(req: Request) async throws -> Response {
        guard let org = try await Organization.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(TimetableWords.Refusal.organizationNotFound)
        }
        try req.authorize(.read, .room(org.ref))
        let zone = try await MunicipalClock.zone(org.$municipality.id, on: req.db)
        let week = Self.week(req, zone: zone)
        let lessons = try await WeekLessonsSQL.lessons(
            .centre(try org.requireID()), from: week, to: week.adding(days: 6), on: req.db)
        return await weekPage(
            req, title: TimetableWords.Week.center(org.shortName),
            crumbs: [Crumb(TimetableWords.Week.crumb, SiteURL.timetable.path)],
            week: week,
            lessons: lessons.sorted {
                ($0.day, $0.roomSortKey ?? "", $0.span.start) < ($1.day, $1.roomSortKey ?? "", $1.span.start)
            },
            links: [
                (
                    TimetableWords.Week.networkMonth,
                    SiteURL.schedule.with([("center", try org.requireID().uuidString.lowercased())])
                ),
                (
                    TimetableWords.Week.teachersHours,
                    SiteURL.hours.with([("center", try org.requireID().uuidString.lowercased())])
                ),
            ]
        ) {
            entry(req, $0, roomFirst: true)
        }
    }
}
