import Domain
import Fluent
import Vapor
import Views

/// Editing and cancelling one lesson.
extension TimetableController {
    func editForm(req: Request) async throws -> Response {
        let (lesson, scheduledGroup) = try await findLesson(req, .update)
        guard !lesson.isCancelled else {
            throw AppError.conflict(TimetableWords.Refusal.lessonCancelled)
        }
        return req.render(
            try await lessonPage(req, scheduledGroup, lesson: lesson, values: Self.values(lesson)).render(
                await req.pageContext(active: active)))
    }

    func edit(req: Request) async throws -> Response {
        let (lesson, scheduledGroup) = try await findLesson(req, .update)
        let form = RegistrySupport.form(req)
        guard !lesson.isCancelled else {
            throw AppError.conflict(TimetableWords.Refusal.lessonCancelled)
        }
        guard form["version"].flatMap(Int.init) == lesson.version else {
            return req.render(
                try await lessonPage(
                    req, scheduledGroup, lesson: lesson, values: Self.values(lesson),
                    refusal: TimetableRefusal(clashes: [TimetableWords.Refusal.editedMeanwhile], warnings: [])
                )
                .render(await req.pageContext(active: active)), status: .conflict)
        }
        var errors = FieldErrors()
        guard
            let input = try await lessonInput(
                form, scheduledGroup, id: lesson.id, defaultTeacher: lesson.$teacher.id, errors: &errors, req: req)
        else {
            return req.render(
                try await lessonPage(req, scheduledGroup, lesson: lesson, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let before = Self.auditFields(lesson)
        let group = scheduledGroup.group
        let center = scheduledGroup.center
        let version = lesson.version
        do {
            _ = try await TimetableService.write(
                [input.draft], group: scheduledGroup.facts, acceptWarnings: form.all("accept").contains("yes"),
                note: input.note,
                expectedVersion: version, reveal: scheduledGroup.reveal(req),
                audit: { written, db in
                    guard let first = written.first else { return }
                    try await Audit.record(
                        on: db, req: req, action: .update, entityType: "lesson", entityID: first.id,
                        title: TimetableWords.Audit.lesson(group.name),
                        municipalityID: center.$municipality.id, organizationID: center.id, before: before,
                        after: Self.auditFields(first))
                }, app: req.application)
        } catch let refusal as TimetableRefusal {
            return req.render(
                try await lessonPage(req, scheduledGroup, lesson: lesson, values: form, refusal: refusal).render(
                    await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.groupTimetable(try group.requireID()).path,
            flash: TimetableWords.Flash.lessonChanged(input.draft.day.formatted)
        )
    }

    func cancelForm(req: Request) async throws -> Response {
        let (lesson, scheduledGroup) = try await findLesson(req, .update)
        return req.render(
            try cancelPage(lesson, scheduledGroup, values: FormValues()).render(await req.pageContext(active: active)))
    }

    func cancelPage(
        _ lesson: Lesson, _ scheduledGroup: ScheduledGroup, values: FormValues, errors: FieldErrors = FieldErrors()
    )
        throws -> RegistryForm
    {
        LessonCancelPage(
            groupName: scheduledGroup.group.name,
            timetableURL: SiteURL.groupTimetable(try scheduledGroup.group.requireID()).path,
            day: CivilDay(number: lesson.day).long, times: lesson.span.times,
            action: SiteURL.lesson(try lesson.requireID()).path + "/cancel", version: lesson.version, values: values,
            errors: errors
        ).form
    }

    func cancel(req: Request) async throws -> Response {
        let (lesson, scheduledGroup) = try await findLesson(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let reason = errors.required("reason", form["reason"], max: 300)
        guard errors.isEmpty else {
            return req.render(
                try cancelPage(lesson, scheduledGroup, values: form, errors: errors).render(
                    await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        let before = Self.auditFields(lesson)
        let group = scheduledGroup.group
        let center = scheduledGroup.center
        let id = try lesson.requireID()
        let version = form["version"].flatMap(Int.init) ?? -1
        try await req.application.writeTransaction { db in
            guard try await RegistrySupport.claimVersion(table: Lesson.schema, id: id, expected: version, on: db),
                let fresh = try await Lesson.find(id, on: db), !fresh.isCancelled
            else {
                throw AppError.conflict(TimetableWords.Refusal.cancelledMeanwhile)
            }
            fresh.status = LessonStatus.cancelled.rawValue
            fresh.note = reason
            fresh.updatedAt = Date()
            try await fresh.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "lesson", entityID: id,
                title: TimetableWords.Audit.lessonCancelled(group.name),
                municipalityID: center.$municipality.id, organizationID: center.id, before: before,
                after: Self.auditFields(fresh))
        }
        return req.redirect(
            to: SiteURL.groupTimetable(try group.requireID()).path,
            flash: TimetableWords.Flash.lessonCancelled(CivilDay(number: lesson.day).formatted)
        )
    }
}
