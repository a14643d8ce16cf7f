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

    func page(
        _ req: Request, _ journalLesson: JournalLesson, values: FormValues? = nil, errors: FieldErrors = FieldErrors(),
        allPresent: Bool = false
    )
        async throws
        -> LessonJournalPage
    {
        let record = try await LessonRecord.query(on: req.db).filter(
            try \.$lesson.$id == journalLesson.lesson.requireID()
        ).first()
        let marks = Dictionary(
            try await AttendanceMark.query(on: req.db).filter(try \.$lesson.$id == journalLesson.lesson.requireID())
                .all().map {
                    ($0.$student.id, $0.status)
                },
            uniquingKeysWith: { a, _ in a })
        let day = CivilDay(number: journalLesson.lesson.day)
        let (today, minute) = MunicipalClock.now(journalLesson.zone)
        let mayEdit = req.can(.update, journalLesson.resource)
        var notice: String?
        if journalLesson.lesson.isCancelled {
            notice = JournalWords.Lesson.cancelled(note: journalLesson.lesson.note)
        } else if !JournalRules.mayMark(day: day, start: journalLesson.lesson.startMinute, today: today, minute: minute)
        {
            notice = JournalRules.futureMessage
        } else if record == nil && !mayEdit {
            notice = JournalWords.Lesson.notMarked
        }
        let rows = try await journalLesson.students(on: req.db).map {
            LessonJournalPage.Row(
                studentID: try $0.requireID().uuidString.lowercased(),
                name: $0.shownName(at: journalLesson.center.ref, req: req, marks: mayEdit),
                school: $0.school.shortName,
                status: marks[try $0.requireID()].flatMap(AttendanceStatus.init(rawValue:)),
                sex: mayEdit ? $0.sex.flatMap(Sex.init(rawValue:)) : nil)
        }
        let facts = JournalWords.Lesson.facts(
            group: journalLesson.group.name, program: journalLesson.group.program.title,
            center: journalLesson.center.shortName, day: day.long,
            times: journalLesson.lesson.span.times, hours: journalLesson.lesson.hours,
            room: journalLesson.lesson.room?.name ?? "",
            teacher: journalLesson.lesson.teacher?.fullName ?? "",
            marked: record.map { ($0.markedBy, RuDate.formatDateTime($0.markedAt, timeZone: journalLesson.zone)) })
        var shown =
            values
            ?? FormValues(single: [
                "topic": record?.topic ?? "", "hours": String(record?.hours ?? journalLesson.lesson.hours),
            ])
        let editable = mayEdit && notice == nil
        if allPresent && editable {
            for row in rows { shown["a-" + row.studentID] = AttendanceStatus.present.rawValue }
        }
        let lessonURL = SiteURL.lesson(try journalLesson.lesson.requireID()).path
        return LessonJournalPage(
            title: JournalWords.Lesson.title(group: journalLesson.group.name, day: day.formatted),
            crumbs: JournalWords.Lesson.crumbs(
                group: journalLesson.group.name,
                timetableURL: SiteURL.groupTimetable(try journalLesson.group.requireID()).path),
            facts: facts,
            action: editable ? lessonURL + "/register" : nil,
            notice: notice, values: shown, errors: errors, rows: rows, version: record?.version ?? 0,
            links: JournalWords.Lesson.links(
                groupJournalURL: SiteURL.groupJournal(try journalLesson.group.requireID()).path,
                timetableURL: SiteURL.groupTimetable(try journalLesson.group.requireID()).path),
            allPresentURL: editable && !rows.isEmpty ? lessonURL : nil, filledAllPresent: allPresent && editable)
    }

    /// `?all=present` is «Все присутствуют» without JavaScript: the form comes back with everyone marked present
    /// (nothing is saved until the teacher saves it).
    func show(req: Request) async throws -> Response {
        let journalLesson = try await JournalLesson.load(req, .read)
        let allPresent = req.query[String.self, at: "all"] == AttendanceStatus.present.rawValue
        return req.render(
            try await page(req, journalLesson, allPresent: allPresent).render(await req.pageContext(active: active)))
    }

    func mark(req: Request) async throws -> Response {
        let journalLesson = try await JournalLesson.load(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let topic = errors.required("topic", form["topic"], max: 300)
        let hours = errors.integer("hours", form["hours"], range: 0...LessonLength.maxHours, required: true)
        JournalRules.check(topic: topic, hours: hours, lessonHours: journalLesson.lesson.hours, errors: &errors)
        var marks: [UUID: AttendanceStatus] = [:]
        for (key, values) in form.values where key.hasPrefix("a-") {
            guard let id = UUID(uuidString: String(key.dropFirst(2))),
                let status = values.first.flatMap(AttendanceStatus.init(rawValue:))
            else {
                errors.add("attendance", JournalWords.unknownAttendance)
                continue
            }
            marks[id] = status
        }
        guard errors.isEmpty, let hours else {
            return req.render(
                try await page(req, journalLesson, values: form, errors: errors).render(
                    await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        do {
            try await JournalService.mark(
                journalLesson, topic: topic, hours: hours, marks: marks,
                version: form["version"].flatMap(Int.init) ?? -1, req: req)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            for (field, message) in error.fields { errors.add(field, message) }
            if errors.isEmpty { errors.add("attendance", error.reason) }
            return req.render(
                try await page(req, journalLesson, values: form, errors: errors).render(
                    await req.pageContext(active: active)),
                status: error.status)
        }
        return req.redirect(
            to: SiteURL.lesson(try journalLesson.lesson.requireID()).path,
            flash: JournalWords.saved(day: CivilDay(number: journalLesson.lesson.day).formatted))
    }

    func group(req: Request) async throws -> Response {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .read)
        let teacherUser = try await scheduledGroup.group.$teacher.get(on: req.db)?.$user.id
        try req.authorize(.read, .journal(center: scheduledGroup.center.ref, teacherUserID: teacherUser))
        let summary = try await JournalService.groupSummary(scheduledGroup.group, on: req.db)
        let lessons = summary.lessons
        let rows = try summary.students.map { student -> GroupJournalPage.Row in
            let attendance = summary.attendance[try student.requireID()] ?? StudentAttendance()
            return GroupJournalPage.Row(
                name: student.shownName(
                    at: scheduledGroup.center.ref, req: req,
                    marks: req.can(.update, .journal(center: scheduledGroup.center.ref, teacherUserID: teacherUser))),
                marks: try lessons.map {
                    summary.marks[try $0.lesson.requireID()]?[try student.requireID()]?.mark ?? ""
                },
                summary: JournalWords.Group.summary(
                    delivered: attendance.deliveredHours, attended: attendance.attendedHours,
                    percent: attendance.percent))
        }
        let hours = summary.hours
        let page = GroupJournalPage(
            title: JournalWords.Group.title(scheduledGroup.group.name),
            crumbs: JournalWords.Group.crumbs(
                group: scheduledGroup.group.name,
                groupURL: SiteURL.record(.groups, try scheduledGroup.group.requireID()).path),
            facts: JournalWords.Group.facts(
                program: scheduledGroup.group.program.title, center: scheduledGroup.center.shortName,
                teacher: scheduledGroup.group.teacher?.fullName ?? "",
                planned: hours.planned, scheduled: hours.scheduled, delivered: hours.delivered, gap: hours.gap),
            lessons: try lessons.map {
                (
                    CivilDay(number: $0.lesson.day).formatted.prefix(5).description,
                    SiteURL.lesson(try $0.lesson.requireID()).path
                )
            },
            topics: lessons.map(\.topic), rows: rows,
            pending: try summary.unmarked.filter { $0.day < CivilDay(Date(), timeZone: scheduledGroup.zone).number }
                .map { (CivilDay(number: $0.day).formatted, SiteURL.lesson(try $0.requireID()).path) })
        return req.render(page.render(await req.pageContext(active: .registry(.groups))))
    }
}
