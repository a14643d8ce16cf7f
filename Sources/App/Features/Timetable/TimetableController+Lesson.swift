import Domain
import Fluent
import Vapor
import Views

/// Single changes: one more lesson, a move (date, time, room), a substitute teacher, a cancellation with a reason.
extension TimetableController {
    /// Who may give the group's lessons (`GroupTeachers`), to choose a substitute from; `keeping` the lesson's own.
    func teacherOptions(_ req: Request, _ scheduledGroup: ScheduledGroup, keeping: UUID?) async throws -> [(
        value: String, title: String
    )] {
        try GroupTeachers.options(
            try await GroupTeachers.eligible(
                at: [try scheduledGroup.teacherPlace()], keeping: keeping,
                municipalityID: scheduledGroup.center.$municipality.id, on: req.db))
    }

    struct LessonInput {
        var draft: TimetableService.Draft
        var note: String?
    }

    /// Reads a lesson form; nil with errors when it is not valid.
    func lessonInput(
        _ form: FormValues, _ scheduledGroup: ScheduledGroup, id: UUID?, defaultTeacher: UUID?,
        errors: inout FieldErrors,
        req: Request
    ) async throws -> LessonInput? {
        let day = errors.day("day", form["day"], required: true)
        LessonRules.checkDay(day, window: scheduledGroup.window, field: "day", errors: &errors)
        let start = errors.clock("start", form["start"], required: true)
        let hours = errors.integer("hours", form["hours"], range: 1...LessonLength.maxHours, required: true)
        LessonRules.checkTime(start: start, hours: hours, startField: "start", errors: &errors)
        let room = try await scheduledGroup.room(form["room"], errors: &errors, on: req.db)
        var teacher = defaultTeacher
        if let raw = form["teacher"] {
            teacher = nil
            if !raw.isEmpty {
                // A substitute is asked the group's teacher rule; the lesson's own teacher stays as they are.
                let chosen = UUID(uuidString: raw)
                var refusal = GroupTeacherRule.Refusal.unknown as GroupTeacherRule.Refusal?
                if let chosen {
                    refusal =
                        chosen == defaultTeacher
                        ? nil
                        : try await GroupTeachers.refusal(
                            chosen, at: try scheduledGroup.teacherPlace(),
                            municipalityID: scheduledGroup.center.$municipality.id, on: req.db)
                }
                if let refusal { errors.add("teacher", refusal.reason) } else { teacher = chosen }
            }
        }
        let note = errors.optional("note", form["note"], max: 300)
        guard errors.isEmpty, let day, let start, let hours else { return nil }
        return LessonInput(
            draft: TimetableService.Draft(
                id: id, day: day, start: start, hours: hours, roomID: room, teacherID: teacher), note: note ?? "")
    }

    func lessonPage(
        _ req: Request, _ scheduledGroup: ScheduledGroup, lesson: Lesson?, values: FormValues,
        errors: FieldErrors = FieldErrors(),
        refusal: TimetableRefusal? = nil
    ) async throws -> RegistryForm {
        LessonFormPage(
            groupName: scheduledGroup.group.name,
            timetableURL: SiteURL.groupTimetable(try scheduledGroup.group.requireID()).path,
            lesson: try lesson.map {
                LessonFormPage.Existing(
                    day: CivilDay(number: $0.day).long, times: $0.span.times,
                    editURL: SiteURL.lesson(try $0.requireID()).path + "/edit", version: $0.version)
            },
            rooms: try await Self.roomOptions(scheduledGroup, on: req.db),
            teachers: try await lesson.asyncFlatMap {
                try await teacherOptions(req, scheduledGroup, keeping: $0.$teacher.id)
            }
                ?? [], values: values,
            errors: errors,
            refusal: refusal?.text
        ).form
    }

    func lessonForm(req: Request) async throws -> Response {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let values = FormValues(single: [
            "hours": "2", "room": scheduledGroup.group.$room.id?.uuidString.lowercased() ?? "",
        ])
        return req.render(
            try await lessonPage(req, scheduledGroup, lesson: nil, values: values).render(
                await req.pageContext(active: active)))
    }

    func addLesson(req: Request) async throws -> Response {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        guard
            let input = try await lessonInput(
                form, scheduledGroup, id: nil, defaultTeacher: scheduledGroup.group.$teacher.id, errors: &errors,
                req: req)
        else {
            return req.render(
                try await lessonPage(req, scheduledGroup, lesson: nil, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let group = scheduledGroup.group
        let center = scheduledGroup.center
        let draft = input.draft
        do {
            _ = try await TimetableService.write(
                [draft], group: scheduledGroup.facts, acceptWarnings: form.all("accept").contains("yes"),
                note: input.note,
                reveal: scheduledGroup.reveal(req),
                audit: { written, db in
                    try await Audit.record(
                        on: db, req: req, action: .create, entityType: "lesson", entityID: written.first?.id,
                        title: TimetableWords.Audit.lesson(group.name),
                        municipalityID: center.$municipality.id, organizationID: center.id,
                        after: TimetableWords.Audit.newLesson(
                            day: draft.day.formatted,
                            times: LessonSpan(day: draft.day, start: draft.start, hours: draft.hours).times))
                }, app: req.application)
        } catch let refusal as TimetableRefusal {
            return req.render(
                try await lessonPage(req, scheduledGroup, lesson: nil, values: form, refusal: refusal).render(
                    await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.groupTimetable(try group.requireID()).path,
            flash: TimetableWords.Flash.lessonAdded(draft.day.formatted)
        )
    }

    /// A lesson with its group loaded and checked.
    func findLesson(_ req: Request, _ action: Domain.Action) async throws -> (Lesson, ScheduledGroup) {
        guard let lesson = try await Lesson.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(TimetableWords.Refusal.lessonNotFound)
        }
        let loaded = try await ScheduledGroup.load(req, groupID: lesson.$group.id, action)
        // A lesson in the journal is what was taught: its time and hours no longer change.
        if action == .update,
            try await LessonRecord.query(on: req.db).filter(try \.$lesson.$id == lesson.requireID()).count() > 0
        {
            throw AppError.conflict(TimetableWords.Refusal.lessonInJournal)
        }
        return (lesson, loaded)
    }

    static func values(_ lesson: Lesson) -> FormValues {
        FormValues(single: [
            "day": CivilDay(number: lesson.day).formatted, "start": ClockTime(minutes: lesson.startMinute).formatted,
            "hours": String(lesson.hours), "room": lesson.$room.id?.uuidString.lowercased() ?? "",
            "teacher": lesson.$teacher.id?.uuidString.lowercased() ?? "", "note": lesson.note ?? "",
        ])
    }

    static func auditFields(_ lesson: Lesson) -> [String: String] {
        TimetableWords.Audit.lessonFields(
            day: CivilDay(number: lesson.day).formatted, times: lesson.span.times,
            room: lesson.$room.id?.uuidString ?? "", teacher: lesson.$teacher.id?.uuidString ?? "",
            status: (LessonStatus(rawValue: lesson.status) ?? .scheduled).title, note: lesson.note ?? "")
    }

}
