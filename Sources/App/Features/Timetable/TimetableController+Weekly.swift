import Domain
import Fluent
import Vapor
import Views

/// The weekly pattern: its form, the check of its input, and the lessons it schedules.
extension TimetableController {
    func weeklyPage(
        _ req: Request, _ l: ScheduledGroup, values: FormValues, errors: FieldErrors = FieldErrors(),
        refusal: TimetableRefusal? = nil
    ) async throws -> RegistryForm {
        WeeklyLessonsPage(
            groupName: l.group.name, center: l.center.shortName,
            window: l.window.lowerBound.formatted + " — " + l.window.upperBound.formatted,
            timetableURL: SiteURL.groupTimetable(try l.group.requireID()).path,
            rooms: try await Self.roomOptions(l, on: req.db), values: values, errors: errors, refusal: refusal?.text
        ).form
    }

    func weeklyForm(req: Request) async throws -> Response {
        let l = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let today = CivilDay(Date(), timeZone: l.zone)
        let values = FormValues(single: [
            "hours": "2", "room": l.group.$room.id?.uuidString.lowercased() ?? "",
            "from": max(today, l.window.lowerBound).formatted, "to": l.window.upperBound.formatted,
        ])
        return req.render(try await weeklyPage(req, l, values: values).render(await req.pageContext(active: active)))
    }

    /// A weekly pattern read from a form (the page's, or the API's JSON turned into one); nil with errors.
    static func weeklyInput(_ form: FormValues, _ l: ScheduledGroup, errors: inout FieldErrors, on db: any Database)
        async throws -> (WeeklyPattern, UUID?)?
    {
        let weekday = form["weekday"].flatMap(Int.init).flatMap(Weekday.init(rawValue:))
        if weekday == nil { errors.add("weekday", TimetableWords.Field.weekday) }
        let start = errors.clock("start", form["start"], required: true)
        let hours = errors.integer("hours", form["hours"], range: 1...LessonLength.maxHours, required: true)
        LessonRules.checkTime(start: start, hours: hours, startField: "start", errors: &errors)
        let room = try await room(form["room"], l, errors: &errors, on: db)
        let from = errors.day("from", form["from"], required: true)
        let to = errors.day("to", form["to"], required: true)
        LessonRules.checkDay(from, window: l.window, field: "from", errors: &errors)
        LessonRules.checkDay(to, window: l.window, field: "to", errors: &errors)
        if let from, let to, to < from { errors.add("to", TimetableWords.Field.toBeforeFrom) }
        guard errors.isEmpty, let weekday, let start, let hours, let from, let to else { return nil }
        return (WeeklyPattern(weekday: weekday, start: start, hours: hours, from: from, to: to), room)
    }

    struct WeeklyResult {
        var lessons: [Lesson]
        var skipped: [(day: CivilDay, holiday: String)]
        var summary: String
    }

    /// Generates and writes a pattern's lessons (holidays skipped), audited as one record; throws `TimetableRefusal`
    /// on clashes, or an error on the `to` field when no day is left.
    static func scheduleWeekly(_ p: WeeklyPattern, room: UUID?, _ l: ScheduledGroup, acceptWarnings: Bool, req: Request)
        async throws -> WeeklyResult
    {
        let (days, skipped) = Recurrence.days(
            p, holidays: try await TimetableService.holidays(yearID: l.group.$academicYear.id, on: req.db))
        guard !days.isEmpty else {
            var errors = FieldErrors()
            errors.add("to", TimetableWords.Field.noDay(weekday: p.weekday.title))
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        let drafts = days.map {
            TimetableService.Draft(
                day: $0, start: p.start, hours: p.hours, roomID: room, teacherID: l.group.$teacher.id)
        }
        let record = LessonPattern()
        record.$group.id = try l.group.requireID()
        record.weekday = p.weekday.rawValue
        record.startMinute = p.start.minutes
        record.hours = p.hours
        record.$room.id = room
        record.firstDay = p.from.number
        record.lastDay = p.to.number
        record.createdAt = Date()
        record.createdBy = req.currentUser?.fullName ?? ""
        let summary = TimetableWords.Audit.patternSummary(
            every: p.weekday.every, start: p.start.formatted, hours: p.hours, from: p.from.formatted, to: p.to.formatted
        )
        let skippedDays = skipped.map { (day: $0.day.formatted, holiday: $0.holiday) }
        let g = l.group
        let center = l.center
        let written = try await TimetableService.write(
            drafts, group: l.facts, pattern: record, acceptWarnings: acceptWarnings, note: nil,
            reveal: TimetableController.reveal(req, l),
            audit: { written, db in
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "timetable", entityID: g.id,
                    title: TimetableWords.Audit.timetable(g.name),
                    municipalityID: center.$municipality.id, organizationID: center.id,
                    after: TimetableWords.Audit.weekly(summary: summary, added: written.count, skipped: skippedDays))
            }, app: req.application)
        return WeeklyResult(lessons: written, skipped: skipped, summary: summary)
    }

    func weekly(req: Request) async throws -> Response {
        let l = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        guard let (pattern, room) = try await Self.weeklyInput(form, l, errors: &errors, on: req.db) else {
            return req.render(
                try await weeklyPage(req, l, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let result: WeeklyResult
        do {
            result = try await Self.scheduleWeekly(
                pattern, room: room, l, acceptWarnings: form.all("accept").contains("yes"), req: req)
        } catch let refusal as TimetableRefusal {
            return req.render(
                try await weeklyPage(req, l, values: form, refusal: refusal).render(
                    await req.pageContext(active: active)), status: .conflict)
        } catch let e as AppError where e.code == "validation" {
            for (k, v) in e.fields { errors.add(k, v) }
            return req.render(
                try await weeklyPage(req, l, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let message = TimetableWords.Flash.weeklyAdded(
            count: result.lessons.count, summary: result.summary,
            skipped: result.skipped.map { (day: $0.day.formatted, holiday: $0.holiday) })
        return req.redirect(to: SiteURL.groupTimetable(try l.group.requireID()).path, flash: message)
    }
}
