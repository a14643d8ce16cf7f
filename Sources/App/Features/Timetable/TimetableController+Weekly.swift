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

    func weekly(req: Request) async throws -> Response {
        let l = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        guard let (pattern, room) = try await l.weeklyInput(form, errors: &errors, on: req.db) else {
            return req.render(
                try await weeklyPage(req, l, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let result: ScheduledGroup.WeeklyResult
        do {
            result = try await l.scheduleWeekly(
                pattern, room: room, acceptWarnings: form.all("accept").contains("yes"), req: req)
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
