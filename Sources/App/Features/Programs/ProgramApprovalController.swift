import Domain
import Fluent
import Vapor
import Views

/// Submitting a programme to the КМЦ and the КМЦ's decision: agree, or return with a comment. Each submission is
/// kept as a version with its decision (issue 3: every version is kept).
struct ProgramApprovalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let programs = routes.grouped("programs", ":id")
        programs.post("submit", use: submit)
        programs.get("review", use: reviewForm)
        programs.post("review", use: review)
    }

    let section = ProgramsSection()

    func find(_ req: Request, _ action: Domain.Action) async throws -> NetworkProgram {
        guard let program = try await NetworkProgram.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(ProgramApprovalWords.notFound)
        }
        try req.authorize(action, try await section.resource(program, on: req.db))
        return program
    }

    func submit(req: Request) async throws -> Response {
        let program = try await find(req, .update)
        guard (ProgramApproval(rawValue: program.approval) ?? .draft).canSubmit,
            program.status == RecordStatus.active.rawValue
        else {
            throw AppError.conflict(ProgramApprovalWords.cannotSubmit)
        }
        // The КМЦ agrees a programme with the people who teach it (issue 3: teachers from the staff registry).
        guard !(try await program.$teachers.get(on: req.db)).isEmpty else {
            throw AppError.conflict(ProgramApprovalWords.teachersNeeded)
        }
        let previous = (ProgramApproval(rawValue: program.approval) ?? .draft).title
        let snapshot = Audit.encode(try await section.auditFields(program, on: req.db))
        let user = try req.requireUser()
        let expected = program.version
        try await req.db.transaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: NetworkProgram.schema, id: program.requireID(), expected: expected, on: db)
            else {
                throw AppError.conflict(RegistrySupport.conflictMessage)
            }
            let number =
                try await ProgramVersion.query(on: db).filter(\.$program.$id == program.requireID()).count() + 1
            let version = ProgramVersion()
            version.$program.id = try program.requireID()
            version.number = number
            version.snapshot = snapshot
            version.submittedAt = Date()
            version.submittedBy = user.username
            try await version.create(on: db)
            program.version = expected + 1
            program.approval = ProgramApproval.submitted.rawValue
            try await program.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "program", entityID: program.id, title: program.title,
                municipalityID: program.$organization.value?.$municipality.id, organizationID: program.$organization.id,
                before: [ProgramApprovalWords.field: previous],
                after: [ProgramApprovalWords.field: ProgramApprovalWords.underReview(version: number)])
        }
        return req.redirect(
            to: SiteURL.record(.programs, try program.requireID()).path, flash: ProgramApprovalWords.submitted)
    }

    func page(_ program: NetworkProgram, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm
    {
        ProgramReviewPage(programID: try program.requireID(), title: program.title, values: values, errors: errors).form
    }

    func reviewForm(req: Request) async throws -> Response {
        let program = try await find(req, .approve)
        guard (ProgramApproval(rawValue: program.approval) ?? .draft).canReview else {
            throw AppError.conflict(ProgramApprovalWords.notWaiting)
        }
        return req.render(
            try page(program, values: FormValues()).render(await req.pageContext(active: .registry(.programs))))
    }

    func review(req: Request) async throws -> Response {
        let program = try await find(req, .approve)
        guard (ProgramApproval(rawValue: program.approval) ?? .draft).canReview else {
            throw AppError.conflict(ProgramApprovalWords.notWaiting)
        }
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let decision = errors.choice("decision", form["decision"], as: ProgramApproval.self)
        let comment = errors.optional("comment", form["comment"], max: 2000)
        if let chosen = decision, chosen != .agreed && chosen != .returned {
            errors.add("decision", ProgramApprovalWords.decisionFromList)
        }
        if decision == .returned && comment == nil { errors.add("comment", ProgramApprovalWords.commentNeeded) }
        guard errors.isEmpty, let decision else {
            return req.render(
                try page(program, values: form, errors: errors).render(
                    await req.pageContext(active: .registry(.programs))),
                status: .unprocessableEntity)
        }
        let user = try req.requireUser()
        let expected = program.version
        try await req.db.transaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: NetworkProgram.schema, id: program.requireID(), expected: expected, on: db)
            else {
                throw AppError.conflict(RegistrySupport.conflictMessage)
            }
            if let latest = try await ProgramVersion.query(on: db).filter(\.$program.$id == program.requireID()).sort(
                \.$number, .descending
            ).first() {
                latest.decision = decision.rawValue
                latest.comment = comment
                latest.decidedAt = Date()
                latest.decidedBy = user.username
                try await latest.save(on: db)
            }
            program.version = expected + 1
            program.approval = decision.rawValue
            program.reviewComment = decision == .returned ? comment : nil
            try await program.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "program", entityID: program.id, title: program.title,
                municipalityID: program.$organization.value?.$municipality.id, organizationID: program.$organization.id,
                before: [ProgramApprovalWords.field: ProgramApprovalWords.underReview()],
                after: ProgramApprovalWords.decided(decision, comment: comment))
        }
        return req.redirect(
            to: SiteURL.record(.programs, try program.requireID()).path,
            flash: ProgramApprovalWords.decidedFlash(agreed: decision == .agreed))
    }
}
