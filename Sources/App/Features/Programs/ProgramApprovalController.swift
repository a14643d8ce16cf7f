import Domain
import Fluent
import Vapor
import Views

/// Submitting a programme to the КМЦ and the КМЦ's decision: agree, or return with a comment. Each submission is
/// kept as a version with its decision (issue 3: every version is kept).
struct ProgramApprovalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = routes.grouped("programs", ":id")
        p.post("submit", use: submit)
        p.get("review", use: reviewForm)
        p.post("review", use: review)
    }

    let section = ProgramsSection()

    func find(_ req: Request, _ action: Domain.Action) async throws -> NetworkProgram {
        guard let p = try await NetworkProgram.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(ProgramApprovalWords.notFound)
        }
        try req.authorize(action, try await section.resource(p, on: req.db))
        return p
    }

    func submit(req: Request) async throws -> Response {
        let p = try await find(req, .update)
        guard (ProgramApproval(rawValue: p.approval) ?? .draft).canSubmit, p.status == RecordStatus.active.rawValue
        else {
            throw AppError.conflict(ProgramApprovalWords.cannotSubmit)
        }
        // The КМЦ agrees a programme with the people who teach it (issue 3: teachers from the staff registry).
        guard !(try await p.$teachers.get(on: req.db)).isEmpty else {
            throw AppError.conflict(ProgramApprovalWords.teachersNeeded)
        }
        let previous = (ProgramApproval(rawValue: p.approval) ?? .draft).title
        let snapshot = Audit.encode(try await section.auditFields(p, on: req.db))
        let user = try req.requireUser()
        let expected = p.version
        try await req.db.transaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: NetworkProgram.schema, id: p.requireID(), expected: expected, on: db)
            else {
                throw AppError.conflict(RegistrySupport.conflictMessage)
            }
            let number = try await ProgramVersion.query(on: db).filter(\.$program.$id == p.requireID()).count() + 1
            let v = ProgramVersion()
            v.$program.id = try p.requireID()
            v.number = number
            v.snapshot = snapshot
            v.submittedAt = Date()
            v.submittedBy = user.username
            try await v.create(on: db)
            p.version = expected + 1
            p.approval = ProgramApproval.submitted.rawValue
            try await p.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "program", entityID: p.id, title: p.title,
                municipalityID: p.$organization.value?.$municipality.id, organizationID: p.$organization.id,
                before: [ProgramApprovalWords.field: previous],
                after: [ProgramApprovalWords.field: ProgramApprovalWords.underReview(version: number)])
        }
        return req.redirect(
            to: SiteURL.record(.programs, try p.requireID()).path, flash: ProgramApprovalWords.submitted)
    }

    func page(_ p: NetworkProgram, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm {
        ProgramReviewPage(programID: try p.requireID(), title: p.title, values: values, errors: errors).form
    }

    func reviewForm(req: Request) async throws -> Response {
        let p = try await find(req, .approve)
        guard (ProgramApproval(rawValue: p.approval) ?? .draft).canReview else {
            throw AppError.conflict(ProgramApprovalWords.notWaiting)
        }
        return req.render(try page(p, values: FormValues()).render(await req.pageContext(active: .registry(.programs))))
    }

    func review(req: Request) async throws -> Response {
        let p = try await find(req, .approve)
        guard (ProgramApproval(rawValue: p.approval) ?? .draft).canReview else {
            throw AppError.conflict(ProgramApprovalWords.notWaiting)
        }
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let decision = errors.choice("decision", form["decision"], as: ProgramApproval.self)
        let comment = errors.optional("comment", form["comment"], max: 2000)
        if let d = decision, d != .agreed && d != .returned {
            errors.add("decision", ProgramApprovalWords.decisionFromList)
        }
        if decision == .returned && comment == nil { errors.add("comment", ProgramApprovalWords.commentNeeded) }
        guard errors.isEmpty, let decision else {
            return req.render(
                try page(p, values: form, errors: errors).render(await req.pageContext(active: .registry(.programs))),
                status: .unprocessableEntity)
        }
        let user = try req.requireUser()
        let expected = p.version
        try await req.db.transaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: NetworkProgram.schema, id: p.requireID(), expected: expected, on: db)
            else {
                throw AppError.conflict(RegistrySupport.conflictMessage)
            }
            if let v = try await ProgramVersion.query(on: db).filter(\.$program.$id == p.requireID()).sort(
                \.$number, .descending
            ).first() {
                v.decision = decision.rawValue
                v.comment = comment
                v.decidedAt = Date()
                v.decidedBy = user.username
                try await v.save(on: db)
            }
            p.version = expected + 1
            p.approval = decision.rawValue
            p.reviewComment = decision == .returned ? comment : nil
            try await p.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "program", entityID: p.id, title: p.title,
                municipalityID: p.$organization.value?.$municipality.id, organizationID: p.$organization.id,
                before: [ProgramApprovalWords.field: ProgramApprovalWords.underReview()],
                after: ProgramApprovalWords.decided(decision, comment: comment))
        }
        return req.redirect(
            to: SiteURL.record(.programs, try p.requireID()).path,
            flash: ProgramApprovalWords.decidedFlash(agreed: decision == .agreed))
    }
}
