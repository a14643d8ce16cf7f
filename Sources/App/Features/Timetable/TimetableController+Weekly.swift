import Domain
import Fluent
import Vapor
import Views

/// The weekly pattern: its form, the check of its input, and the lessons it schedules.
extension TimetableController {
    func weeklyPage(
        _ req: Request, _ scheduledGroup: ScheduledGroup, values: FormValues, errors: FieldErrors = FieldErrors(),
        refusal: TimetableRefusal? = nil
    ) async throws -> RegistryForm {
        WeeklyLessonsPage(
            groupName: scheduledGroup.group.name, center: scheduledGroup.center.shortName,
            window: scheduledGroup.window.lowerBound.formatted + " — " + scheduledGroup.window.upperBound.formatted,
            timetableURL: SiteURL.groupTimetable(try scheduledGroup.group.requireID()).path,
            rooms: try await Self.roomOptions(scheduledGroup, on: req.db), values: values, errors: errors,
            refusal: refusal?.text
        ).form
    }

    func weeklyForm(req: Request) async throws -> Response {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let today = CivilDay(Date(), timeZone: scheduledGroup.zone)
        let values = FormValues(single: [
            "hours": "2", "room": scheduledGroup.group.$room.id?.uuidString.lowercased() ?? "",
            "from": max(today, scheduledGroup.window.lowerBound).formatted,
            "to": scheduledGroup.window.upperBound.formatted,
        ])
        return req.render(
            try await weeklyPage(req, scheduledGroup, values: values).render(await req.pageContext(active: active)))
    }

    func weekly(req: Request) async throws -> Response {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        guard let (pattern, room) = try await scheduledGroup.weeklyInput(form, errors: &errors, on: req.db) else {
            return req.render(
                try await weeklyPage(req, scheduledGroup, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let result: ScheduledGroup.WeeklyResult
        do {
            result = try await scheduledGroup.scheduleWeekly(
                pattern, room: room, acceptWarnings: form.all("accept").contains("yes"), req: req)
        } catch let refusal as TimetableRefusal {
            return req.render(
                try await weeklyPage(req, scheduledGroup, values: form, refusal: refusal).render(
                    await req.pageContext(active: active)), status: .conflict)
        } catch let error as AppError where error.code == "validation" {
            for (field, message) in error.fields { errors.add(field, message) }
            return req.render(
                try await weeklyPage(req, scheduledGroup, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let message = TimetableWords.Flash.weeklyAdded(
            count: result.lessons.count, summary: result.summary,
            skipped: result.skipped.map { (day: $0.day.formatted, holiday: $0.holiday) })
        return req.redirect(to: SiteURL.groupTimetable(try scheduledGroup.group.requireID()).path, flash: message)
    }
}
