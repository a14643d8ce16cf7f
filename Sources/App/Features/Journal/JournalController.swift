import Domain
import Fluent
import Vapor
import Views

/// The journal (журнал): a lesson's topic, hours delivered and attendance, marked by its teacher or the centre's head
/// once the lesson has begun; a group's journal with attendance per student; corrections are audited.
struct JournalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("lessons", ":id", use: show)
        routes.post("lessons", ":id", "register", use: mark)
        routes.get("groups", ":id", "register", use: group)
    }

    var active: MenuArea { .timetable }

    func page(_ req: Request, _ l: JournalLesson, values: FormValues? = nil, errors: FieldErrors = FieldErrors())
        async throws
        -> LessonJournalPage
    {
        let record = try await LessonRecord.query(on: req.db).filter(try \.$lesson.$id == l.lesson.requireID()).first()
        let marks = Dictionary(
            try await AttendanceMark.query(on: req.db).filter(try \.$lesson.$id == l.lesson.requireID()).all().map {
                ($0.$student.id, $0.status)
            },
            uniquingKeysWith: { a, _ in a })
        let day = CivilDay(number: l.lesson.day)
        let (today, minute) = MunicipalClock.now(l.zone)
        let mayEdit = req.can(.update, l.resource)
        var notice: String?
        if l.lesson.isCancelled {
            notice = JournalWords.Lesson.cancelled(note: l.lesson.note)
        } else if !JournalRules.mayMark(day: day, start: l.lesson.startMinute, today: today, minute: minute) {
            notice = JournalRules.futureMessage
        } else if record == nil && !mayEdit {
            notice = JournalWords.Lesson.notMarked
        }
        let rows = try await l.students(on: req.db).map {
            LessonJournalPage.Row(
                studentID: try $0.requireID().uuidString.lowercased(),
                name: $0.shownName(at: l.center.ref, req: req, marks: mayEdit),
                school: $0.school.shortName,
                status: marks[try $0.requireID()].flatMap(AttendanceStatus.init(rawValue:)))
        }
        let facts = JournalWords.Lesson.facts(
            group: l.group.name, program: l.group.program.title, center: l.center.shortName, day: day.long,
            times: l.lesson.span.times, hours: l.lesson.hours, room: l.lesson.room?.name ?? "",
            teacher: l.lesson.teacher?.fullName ?? "",
            marked: record.map { ($0.markedBy, RuDate.formatDateTime($0.markedAt, timeZone: l.zone)) })
        return LessonJournalPage(
            title: JournalWords.Lesson.title(group: l.group.name, day: day.formatted),
            crumbs: JournalWords.Lesson.crumbs(
                group: l.group.name, timetableURL: SiteURL.groupTimetable(try l.group.requireID()).path),
            facts: facts,
            action: mayEdit && notice == nil ? SiteURL.lesson(try l.lesson.requireID()).path + "/register" : nil,
            notice: notice,
            values: values
                ?? FormValues(single: ["topic": record?.topic ?? "", "hours": String(record?.hours ?? l.lesson.hours)]),
            errors: errors, rows: rows, version: record?.version ?? 0,
            links: JournalWords.Lesson.links(
                groupJournalURL: SiteURL.groupJournal(try l.group.requireID()).path,
                timetableURL: SiteURL.groupTimetable(try l.group.requireID()).path))
    }

    func show(req: Request) async throws -> Response {
        let l = try await JournalLesson.load(req, .read)
        return req.render(try await page(req, l).render(await req.pageContext(active: active)))
    }

    func mark(req: Request) async throws -> Response {
        let l = try await JournalLesson.load(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let topic = errors.required("topic", form["topic"], max: 300)
        let hours = errors.integer("hours", form["hours"], range: 0...LessonLength.maxHours, required: true)
        JournalRules.check(topic: topic, hours: hours, lessonHours: l.lesson.hours, errors: &errors)
        var marks: [UUID: AttendanceStatus] = [:]
        for (key, values) in form.values where key.hasPrefix("a-") {
            guard let id = UUID(uuidString: String(key.dropFirst(2))),
                let s = values.first.flatMap(AttendanceStatus.init(rawValue:))
            else {
                errors.add("attendance", JournalWords.unknownAttendance)
                continue
            }
            marks[id] = s
        }
        guard errors.isEmpty, let hours else {
            return req.render(
                try await page(req, l, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        do {
            try await JournalService.mark(
                l, topic: topic, hours: hours, marks: marks, version: form["version"].flatMap(Int.init) ?? -1, req: req)
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            for (k, v) in e.fields { errors.add(k, v) }
            if errors.isEmpty { errors.add("attendance", e.reason) }
            return req.render(
                try await page(req, l, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: e.status)
        }
        return req.redirect(
            to: SiteURL.lesson(try l.lesson.requireID()).path,
            flash: JournalWords.saved(day: CivilDay(number: l.lesson.day).formatted))
    }

    func group(req: Request) async throws -> Response {
        let l = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .read)
        let teacherUser = try await l.group.$teacher.get(on: req.db)?.$user.id
        try req.authorize(.read, .journal(center: l.center.ref, teacherUserID: teacherUser))
        let summary = try await JournalService.groupSummary(l.group, on: req.db)
        let lessons = summary.lessons
        let rows = try summary.students.map { s -> GroupJournalPage.Row in
            let a = summary.attendance[try s.requireID()] ?? StudentAttendance()
            return GroupJournalPage.Row(
                name: s.shownName(
                    at: l.center.ref, req: req,
                    marks: req.can(.update, .journal(center: l.center.ref, teacherUserID: teacherUser))),
                marks: try lessons.map { summary.marks[try $0.lesson.requireID()]?[try s.requireID()]?.mark ?? "" },
                summary: JournalWords.Group.summary(
                    delivered: a.deliveredHours, attended: a.attendedHours, percent: a.percent))
        }
        let hours = summary.hours
        let page = GroupJournalPage(
            title: JournalWords.Group.title(l.group.name),
            crumbs: JournalWords.Group.crumbs(
                group: l.group.name, groupURL: SiteURL.record(.groups, try l.group.requireID()).path),
            facts: JournalWords.Group.facts(
                program: l.group.program.title, center: l.center.shortName, teacher: l.group.teacher?.fullName ?? "",
                planned: hours.planned, scheduled: hours.scheduled, delivered: hours.delivered, gap: hours.gap),
            lessons: try lessons.map {
                (
                    CivilDay(number: $0.lesson.day).formatted.prefix(5).description,
                    SiteURL.lesson(try $0.lesson.requireID()).path
                )
            },
            topics: lessons.map(\.topic), rows: rows,
            pending: try summary.unmarked.filter { $0.day < CivilDay(Date(), timeZone: l.zone).number }
                .map { (CivilDay(number: $0.day).formatted, SiteURL.lesson(try $0.requireID()).path) })
        return req.render(page.render(await req.pageContext(active: .registry(.groups))))
    }
}
