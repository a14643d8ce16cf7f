import Domain
import Fluent
import Vapor
import Views

/// A route's steps — added, changed by version, deleted after a confirmation page — and the school's support notes;
/// each audited on the route.
extension RoutesController {
    /// The step of the path within the route of the path, the route checked for `action` first.
    func step(_ req: Request, _ action: Domain.Action) async throws -> (IndividualRoute, IndividualRouteStep) {
        let route = try await Self.find(req, action)
        guard
            let step = try await IndividualRouteStep.query(on: req.db).filter(\.$id == req.idParameter("step"))
                .filter(\.$route.$id == route.requireID()).first()
        else { throw AppError.notFound(RouteWords.stepNotFound) }
        return (route, step)
    }

    func stepPage(
        _ route: IndividualRoute, values: FormValues, errors: FieldErrors = FieldErrors(),
        editing: IndividualRouteStep? = nil, conflict: String? = nil
    ) throws -> RouteStepFormPage {
        RouteStepFormPage(
            routeID: try route.requireID(),
            routeTitle: RouteWords.card(route.student.fullName, year: route.academicYear.title), values: values,
            errors: errors, editing: try editing.map { (try $0.requireID(), $0.version) }, conflict: conflict)
    }

    func newStep(req: Request) async throws -> Response {
        let route = try await Self.find(req, .update)
        return req.render(
            try stepPage(route, values: FormValues(single: ["status": RouteStepStatus.planned.rawValue])).render(
                await context(req)))
    }

    func createStep(req: Request) async throws -> Response {
        let route = try await Self.find(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        guard let input = RouteStepInput.parse({ form[$0] }, errors: &errors) else {
            return req.render(
                try stepPage(route, values: form, errors: errors).render(await context(req)),
                status: .unprocessableEntity)
        }
        let step = IndividualRouteStep()
        step.$route.id = try route.requireID()
        step.apply(input)
        step.version = 1
        try await req.application.writeTransaction { db in
            try await step.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "individual_route", entityID: route.id,
                title: route.student.fullName, municipalityID: route.$municipality.id,
                organizationID: route.$school.id, before: nil, after: RouteWords.stepAudit(input))
        }
        return req.redirect(to: RoutePaths.card(try route.requireID()), flash: RouteWords.stepSaved)
    }

    static func values(_ step: IndividualRouteStep) -> FormValues {
        let input = step.input
        return FormValues(single: [
            "kind": step.kind, "title": step.title, "startsOn": input.startsOn?.formatted ?? "",
            "dueOn": input.dueOn.formatted, "status": step.status, "result": step.result ?? "",
        ])
    }

    func editStep(req: Request) async throws -> Response {
        let (route, step) = try await self.step(req, .update)
        return req.render(
            try stepPage(route, values: Self.values(step), editing: step).render(await context(req)))
    }

    func updateStep(req: Request) async throws -> Response {
        let (route, step) = try await self.step(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        guard let input = RouteStepInput.parse({ form[$0] }, errors: &errors) else {
            return req.render(
                try stepPage(route, values: form, errors: errors, editing: step).render(await context(req)),
                status: .unprocessableEntity)
        }
        let before = RouteWords.stepAudit(step.input)
        let expected = form["version"].flatMap(Int.init) ?? -1
        step.apply(input)
        do {
            try await req.application.writeTransaction { db in
                guard
                    try await RegistrySupport.claimVersion(
                        table: IndividualRouteStep.schema, id: step.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(RouteWords.changed) }
                step.version = expected + 1
                try await step.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "individual_route", entityID: route.id,
                    title: route.student.fullName, municipalityID: route.$municipality.id,
                    organizationID: route.$school.id, before: before, after: RouteWords.stepAudit(input))
            }
        } catch let error as AppError where error.status == .conflict {
            let (_, fresh) = try await self.step(req, .update)
            return req.render(
                try stepPage(route, values: form, editing: fresh, conflict: RouteWords.changed).render(
                    await context(req)),
                status: .conflict)
        }
        return req.redirect(to: RoutePaths.card(try route.requireID()), flash: RouteWords.stepSaved)
    }

    func deleteStepConfirm(req: Request) async throws -> Response {
        let (route, step) = try await self.step(req, .update)
        let page = ConfirmPage(
            title: RouteWords.deleteStepTitle, question: RouteWords.deleteStepQuestion(step.title),
            consequence: RouteWords.deleteStepConsequence,
            action: RoutePaths.step(try route.requireID(), try step.requireID()) + "/delete",
            button: RouteWords.deleteButton,
            cancelURL: RoutePaths.card(try route.requireID()),
            crumbs: [Crumb(RouteWords.title, SiteURL.list(.routes).path)])
        return req.render(page.render(await context(req)))
    }

    func deleteStep(req: Request) async throws -> Response {
        let (route, step) = try await self.step(req, .update)
        try await req.application.writeTransaction { db in
            // The step as confirmed: one changed meanwhile is not deleted unseen.
            let rows = try await db.sql().delete(from: IndividualRouteStep.schema).where("id", .equal, step.requireID())
                .where("version", .equal, step.version).returning("id").all()
            guard !rows.isEmpty else { throw AppError.conflict(RouteWords.changed) }
            try await Audit.record(
                on: db, req: req, action: .archive, entityType: "individual_route", entityID: route.id,
                title: route.student.fullName, municipalityID: route.$municipality.id,
                organizationID: route.$school.id, before: RouteWords.stepAudit(step.input), after: nil)
        }
        return req.redirect(to: RoutePaths.card(try route.requireID()), flash: RouteWords.stepDeleted)
    }

    func addNote(req: Request) async throws -> Response {
        let route = try await Self.find(req, .read)
        try req.authorize(.create, .routeSupportNote(school: Self.school(route)))
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let day = errors.day("notedOn", form["notedOn"], required: true)
        let text = errors.required("text", form["text"], max: 4000)
        guard errors.isEmpty, let day else {
            return req.render(
                try await cardPage(req, route, noteValues: form, noteErrors: errors).render(await context(req)),
                status: .unprocessableEntity)
        }
        let note = RouteSupportNote()
        note.$route.id = try route.requireID()
        note.notedOn = day.number
        note.text = text
        note.author = try req.requireUser().username
        note.createdAt = Date()
        try await req.application.writeTransaction { db in
            try await note.create(on: db)
            // The audit names the note, not its words: the confidential text stays in the school's record.
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "route_support_note", entityID: note.id,
                title: route.student.fullName, municipalityID: route.$municipality.id,
                organizationID: route.$school.id, before: nil,
                after: [RouteWords.notesTitle: RouteWords.noteAudit(day.formatted)])
        }
        return req.redirect(to: RoutePaths.card(try route.requireID()), flash: RouteWords.noteSaved)
    }
}
