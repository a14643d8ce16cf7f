import Domain
import Fluent
import Vapor
import Views

/// The actions on a list: add and remove students, send, accept, return.
extension EnrollmentListsController {
    func editableList(_ req: Request) async throws -> EnrollmentList {
        let (list, _, center) = try await find(req)
        try req.authorize(.update, .enrollmentList(group: center.ref))
        guard Self.editable(list) else {
            throw AppError.conflict(EnrollmentWords.Lists.sentCannotChange)
        }
        return list
    }

    func add(req: Request) async throws -> Response {
        let list = try await editableList(req)
        let ids = RegistrySupport.form(req).all("student").compactMap(UUID.init(uuidString:))
        guard !ids.isEmpty else {
            return req.redirect(to: Self.url(try list.requireID()), flash: EnrollmentWords.Lists.tickSomeone)
        }
        let added = try await EnrollmentListService.edit(listID: try list.requireID(), add: ids, remove: [], req: req)
        return req.redirect(to: Self.url(try list.requireID()), flash: EnrollmentWords.Lists.added(added))
    }

    func remove(req: Request) async throws -> Response {
        let list = try await editableList(req)
        guard let sid = req.parameters.get("student").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound() }
        _ = try await EnrollmentListService.edit(listID: try list.requireID(), add: [], remove: [sid], req: req)
        return req.redirect(to: Self.url(try list.requireID()), flash: EnrollmentWords.Lists.removed)
    }

    func send(req: Request) async throws -> Response {
        let list = try await editableList(req)
        do {
            try await EnrollmentListService.send(listID: try list.requireID(), req: req)
        } catch let error as AppError where error.status == .conflict {
            return try await render(req, problem: error.reason, status: .conflict)
        }
        return req.redirect(to: Self.url(try list.requireID()), flash: EnrollmentWords.Lists.sent)
    }

    func accept(req: Request) async throws -> Response {
        let (list, _, center) = try await find(req)
        try req.authorize(.approve, .enrollmentList(group: center.ref))
        do {
            let accepted = try await EnrollmentListService.accept(listID: try list.requireID(), req: req)
            return req.redirect(to: Self.url(try list.requireID()), flash: EnrollmentWords.Lists.accepted(accepted))
        } catch let error as AppError where error.status == .conflict {
            return try await render(req, problem: error.reason, status: .conflict)
        }
    }

    func returnForm(req: Request) async throws -> Response {
        let (list, group, center) = try await find(req)
        try req.authorize(.approve, .enrollmentList(group: center.ref))
        return req.render(try returnPage(list, group).render(await req.pageContext(active: .lists)))
    }

    func returnPage(
        _ list: EnrollmentList, _ group: StudyGroup, values: FormValues = FormValues(),
        errors: FieldErrors = FieldErrors()
    ) throws -> RegistryForm {
        EnrollmentListReturnPage(url: Self.url(try list.requireID()), group: group.name, values: values, errors: errors)
            .form
    }

    func returnList(req: Request) async throws -> Response {
        let (list, group, center) = try await find(req)
        try req.authorize(.approve, .enrollmentList(group: center.ref))
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let comment = errors.required("comment", form["comment"], max: 1000)
        guard errors.isEmpty else {
            return req.render(
                try returnPage(list, group, values: form, errors: errors).render(await req.pageContext(active: .lists)),
                status: .unprocessableEntity)
        }
        try await EnrollmentListService.returnList(listID: try list.requireID(), comment: comment, req: req)
        return req.redirect(to: Self.url(try list.requireID()), flash: EnrollmentWords.Lists.returned)
    }
}
