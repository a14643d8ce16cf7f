import Domain
import Fluent
import Vapor
import Views

/// The actions on a list: add and remove students, send, accept, return.
extension EnrollmentListsController {
    func editableList(_ req: Request) async throws -> EnrollmentList {
        let (l, _, center) = try await find(req)
        try req.authorize(.update, .enrollmentList(group: center.ref))
        guard Self.editable(l) else {
            throw AppError.conflict(EnrollmentWords.Lists.sentCannotChange)
        }
        return l
    }

    func add(req: Request) async throws -> Response {
        let l = try await editableList(req)
        let ids = RegistrySupport.form(req).all("student").compactMap(UUID.init(uuidString:))
        guard !ids.isEmpty else {
            return req.redirect(to: Self.url(try l.requireID()), flash: EnrollmentWords.Lists.tickSomeone)
        }
        let n = try await EnrollmentListService.edit(listID: try l.requireID(), add: ids, remove: [], req: req)
        return req.redirect(to: Self.url(try l.requireID()), flash: EnrollmentWords.Lists.added(n))
    }

    func remove(req: Request) async throws -> Response {
        let l = try await editableList(req)
        guard let sid = req.parameters.get("student").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound() }
        _ = try await EnrollmentListService.edit(listID: try l.requireID(), add: [], remove: [sid], req: req)
        return req.redirect(to: Self.url(try l.requireID()), flash: EnrollmentWords.Lists.removed)
    }

    func send(req: Request) async throws -> Response {
        let l = try await editableList(req)
        do {
            try await EnrollmentListService.send(listID: try l.requireID(), req: req)
        } catch let e as AppError where e.status == .conflict {
            return try await render(req, problem: e.reason, status: .conflict)
        }
        return req.redirect(to: Self.url(try l.requireID()), flash: EnrollmentWords.Lists.sent)
    }

    func accept(req: Request) async throws -> Response {
        let (l, _, center) = try await find(req)
        try req.authorize(.approve, .enrollmentList(group: center.ref))
        do {
            let n = try await EnrollmentListService.accept(listID: try l.requireID(), req: req)
            return req.redirect(to: Self.url(try l.requireID()), flash: EnrollmentWords.Lists.accepted(n))
        } catch let e as AppError where e.status == .conflict {
            return try await render(req, problem: e.reason, status: .conflict)
        }
    }

    func returnForm(req: Request) async throws -> Response {
        let (l, g, center) = try await find(req)
        try req.authorize(.approve, .enrollmentList(group: center.ref))
        return req.render(try returnPage(l, g).render(await req.pageContext(active: .lists)))
    }

    func returnPage(
        _ l: EnrollmentList, _ g: StudyGroup, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors()
    ) throws -> RegistryForm {
        EnrollmentListReturnPage(url: Self.url(try l.requireID()), group: g.name, values: values, errors: errors).form
    }

    func returnList(req: Request) async throws -> Response {
        let (l, g, center) = try await find(req)
        try req.authorize(.approve, .enrollmentList(group: center.ref))
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let comment = errors.required("comment", form["comment"], max: 1000)
        guard errors.isEmpty else {
            return req.render(
                try returnPage(l, g, values: form, errors: errors).render(await req.pageContext(active: .lists)),
                status: .unprocessableEntity)
        }
        try await EnrollmentListService.returnList(listID: try l.requireID(), comment: comment, req: req)
        return req.redirect(to: Self.url(try l.requireID()), flash: EnrollmentWords.Lists.returned)
    }
}
