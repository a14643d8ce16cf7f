import Domain
import Fluent
import Vapor
import Views

/// What the timetable's web pages and its API share when they schedule a group: the form's weekly pattern and room, the
/// weekly pattern's lessons written, and whom a clash message may name.
extension ScheduledGroup {
    /// A weekly pattern read from a form (the page's, or the API's JSON turned into one); nil with errors.
    func weeklyInput(_ form: FormValues, errors: inout FieldErrors, on db: any Database)
        async throws -> (WeeklyPattern, UUID?)?
    {
        let weekday = form["weekday"].flatMap(Int.init).flatMap(Weekday.init(rawValue:))
        if weekday == nil { errors.add("weekday", TimetableWords.Field.weekday) }
        let start = errors.clock("start", form["start"], required: true)
        let hours = errors.integer("hours", form["hours"], range: 1...LessonLength.maxHours, required: true)
        LessonRules.checkTime(start: start, hours: hours, startField: "start", errors: &errors)
        let room = try await room(form["room"], errors: &errors, on: db)
        let from = errors.day("from", form["from"], required: true)
        let to = errors.day("to", form["to"], required: true)
        LessonRules.checkDay(from, window: window, field: "from", errors: &errors)
        LessonRules.checkDay(to, window: window, field: "to", errors: &errors)
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
    func scheduleWeekly(_ pattern: WeeklyPattern, room: UUID?, acceptWarnings: Bool, req: Request)
        async throws -> WeeklyResult
    {
        let (days, skipped) = Recurrence.days(
            pattern, holidays: try await TimetableService.holidays(yearID: group.$academicYear.id, on: req.db))
        guard !days.isEmpty else {
            var errors = FieldErrors()
            errors.add("to", TimetableWords.Field.noDay(weekday: pattern.weekday.title))
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        let drafts = days.map {
            TimetableService.Draft(
                day: $0, start: pattern.start, hours: pattern.hours, roomID: room, teacherID: group.$teacher.id)
        }
        let record = LessonPattern()
        record.$group.id = try group.requireID()
        record.weekday = pattern.weekday.rawValue
        record.startMinute = pattern.start.minutes
        record.hours = pattern.hours
        record.$room.id = room
        record.firstDay = pattern.from.number
        record.lastDay = pattern.to.number
        record.createdAt = Date()
        record.createdBy = req.currentUser?.fullName ?? ""
        let summary = TimetableWords.Audit.patternSummary(
            every: pattern.weekday.every, start: pattern.start.formatted, hours: pattern.hours,
            from: pattern.from.formatted, to: pattern.to.formatted
        )
        let skippedDays = skipped.map { (day: $0.day.formatted, holiday: $0.holiday) }
        let studyGroup = group
        let center = self.center
        let written = try await TimetableService.write(
            drafts, group: facts, pattern: record, acceptWarnings: acceptWarnings, note: nil,
            reveal: reveal(req),
            audit: { written, db in
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "timetable", entityID: studyGroup.id,
                    title: TimetableWords.Audit.timetable(studyGroup.name),
                    municipalityID: center.$municipality.id, organizationID: center.id,
                    after: TimetableWords.Audit.weekly(summary: summary, added: written.count, skipped: skippedDays))
            }, app: req.application)
        return WeeklyResult(lessons: written, skipped: skipped, summary: summary)
    }

    /// Whether the one scheduling may learn which group of which centre a student of a school attends (the policy's
    /// `.groupStudent`); clash messages name other groups only then.
    func reveal(_ req: Request) -> @Sendable (UUID, UUID) -> Bool {
        let actor = req.currentUser?.actor
        let policy = req.policy
        let municipalityID = center.$municipality.id
        return { center, school in
            guard let actor else { return false }
            return policy.allows(
                actor, .read,
                .groupStudent(
                    school: OrgRef(id: school, municipalityID: municipalityID),
                    center: OrgRef(id: center, municipalityID: municipalityID)))
        }
    }

    /// A room of the group's centre chosen in a form; empty means none.
    func room(_ raw: String?, errors: inout FieldErrors, on db: any Database) async throws
        -> UUID?
    {
        guard let raw, !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw), let room = try await Room.find(id, on: db),
            room.$organization.id == center.id,
            room.status == RecordStatus.active.rawValue
        else {
            errors.add("room", TimetableWords.Field.room)
            return nil
        }
        return room.id
    }
}
