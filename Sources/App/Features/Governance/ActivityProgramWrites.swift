import Domain
import Fluent
import Vapor
import Views

/// The writes of an activity programme, shared by its pages and its API (issue 22, item 3): a draft saved, the
/// programme approved and submitted (a version kept), agreed — its work plan made the centre's plan — or returned with
/// a comment. Each is claimed by the version it was read at and audited.
enum ActivityProgramWrites {
    /// What happened to a write, or why not.
    enum Outcome {
        case saved(ActivityProgramStatus)
        case invalid(FieldErrors)
        case stale
        case locked
    }

    static let planTemplateKey = "activity-program"

    /// The programme of a designation started: an empty draft, or the one already there (`created` false).
    static func start(_ req: Request, center: ResourceCenter) async throws -> (id: UUID, created: Bool) {
        let centerID = try center.requireID()
        let id = UUID()
        return try await Designations.once(
            id,
            existing: {
                try await ActivityProgram.query(on: req.db).filter(\.$center.$id == centerID).first()?.requireID()
            },
            write: {
                let municipalityID = center.organization.$municipality.id
                let user = try req.requireUser().username
                let startYear = CivilDay(
                    center.academicYear.startsOn, timeZone: try await RegistrySupport.zone(req)
                ).ymd.year
                try await req.application.writeTransaction { db in
                    // Made inside the transaction: a PostgreSQL retry creates a fresh one.
                    let program = ActivityProgram()
                    program.id = id
                    program.$municipality.id = municipalityID
                    program.$organization.id = center.$organization.id
                    program.$center.id = centerID
                    program.startYear = startYear
                    program.status = ActivityProgramStatus.draft.rawValue
                    program.content = ActivityProgram.encode(ActivityProgramContent())
                    (program.createdBy, program.createdAt, program.updatedBy, program.updatedAt) =
                        (user, Date(), user, Date())
                    program.version = 1
                    try await program.create(on: db)
                    try await Audit.record(
                        on: db, req: req, action: .create, entityType: "activity_program", entityID: id,
                        title: ActivityProgramWords.heading(center.organization.shortName, startYear: startYear),
                        municipalityID: municipalityID, organizationID: center.$organization.id,
                        after: [ActivityProgramWords.Audit.status: ActivityProgramStatus.draft.title])
                }
            })
    }

    /// The programme of the path's id with its organisation, authorised for `action`.
    static func program(_ req: Request, _ action: Domain.Action) async throws -> ActivityProgram {
        guard
            let program = try await ActivityProgram.query(on: req.db).filter(\.$id == req.idParameter())
                .with(\.$organization).first()
        else { throw AppError.notFound(RegistryWords.notFound(ActivityProgramWords.noun)) }
        try req.authorize(action, program.resource)
        return program
    }

    /// Checks and writes the sections (`submitting`: every section needed, and a version kept).
    static func write(
        _ req: Request, _ program: ActivityProgram, fields: (String) -> String?, submitting: Bool, expected: Int
    ) async throws -> Outcome {
        guard program.programStatus.isOpen else { return .locked }
        var errors = FieldErrors()
        let content = ActivityProgramContent.check(
            fields, startYear: program.startYear, submitting: submitting, errors: &errors)
        guard errors.isEmpty else { return .invalid(errors) }
        let before = ActivityProgramWords.audit(program.body, status: program.programStatus)
        let user = try req.requireUser().username
        let encoded = ActivityProgram.encode(content)
        let status = submitting ? ActivityProgramStatus.submitted : program.programStatus
        // Set inside the transaction: a PostgreSQL retry after a serialisation failure writes them again.
        let change: @Sendable (ActivityProgram) -> Void = { program in
            program.content = encoded
            program.updatedBy = user
            program.updatedAt = Date()
            program.status = status.rawValue
            if submitting { program.submittedAt = Date() }
        }
        let after = ActivityProgramWords.audit(content, status: status)
        let saved = try await commit(req, program, expected: expected, before: before, after: after, change: change) {
            db in
            guard submitting else { return }
            let count = try await ActivityProgramVersion.query(on: db).filter(\.$program.$id == program.requireID())
                .count()
            let version = ActivityProgramVersion()
            version.$program.id = try program.requireID()
            version.number = count + 1
            version.content = program.content
            version.submittedBy = user
            version.submittedAt = Date()
            version.status = ActivityProgramStatus.submitted.rawValue
            try await version.create(on: db)
        }
        return saved ? .saved(status) : .stale
    }

    /// Agrees a submitted programme — its work plan becomes the centre's plan for the year — or returns it with a
    /// comment (required) for the centre to correct.
    static func decide(
        _ req: Request, _ program: ActivityProgram, agree: Bool, comment: String?, expected: Int
    ) async throws -> Outcome {
        guard program.programStatus == .submitted else { return .locked }
        var errors = FieldErrors()
        let comment = errors.optional("comment", comment, max: 2000)
        if !agree && comment == nil { errors.add("comment", ActivityProgramWords.commentRequired) }
        guard errors.isEmpty else { return .invalid(errors) }
        let user = try req.requireUser().username
        let status: ActivityProgramStatus = agree ? .agreed : .returned
        let before = [ActivityProgramWords.Audit.status: program.programStatus.title]
        let change: @Sendable (ActivityProgram) -> Void = { program in
            program.status = status.rawValue
            program.returnComment = agree ? nil : comment
            program.decidedAt = Date()
            program.decidedBy = user
        }
        var after = [ActivityProgramWords.Audit.status: status.title]
        if let comment { after[ActivityProgramWords.Audit.comment] = comment }
        let saved = try await commit(req, program, expected: expected, before: before, after: after, change: change) {
            db in
            if let version = try await ActivityProgramVersion.query(on: db)
                .filter(\.$program.$id == program.requireID()).sort(\.$number, .descending).first()
            {
                version.status = status.rawValue
                version.comment = comment
                version.decidedBy = user
                version.decidedAt = Date()
                try await version.save(on: db)
            }
            if agree {
                program.$plan.id = try await makePlan(program, user: user, on: db)
                try await program.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .create, entityType: "plan", entityID: program.$plan.id,
                    title: ActivityProgramWords.plan(program.startYear) + " — " + program.organization.shortName,
                    municipalityID: program.$municipality.id, organizationID: program.$organization.id,
                    after: [ActivityProgramWords.Audit.plan: String(program.body.rows.count)])
            }
        }
        return saved ? .saved(status) : .stale
    }

    /// The agreed work plan as the centre's plan for the academic year: each row an item of the centre's side, due
    /// on the day its dates make (or keeping their words when they make none).
    static func makePlan(_ program: ActivityProgram, user: String, on db: any Database) async throws -> UUID {
        let plan = Plan()
        plan.id = UUID()
        plan.$municipality.id = program.$municipality.id
        plan.$organization.id = program.$organization.id
        plan.ownerKey = Plan.ownerKey(program.$organization.id)
        plan.templateKey = planTemplateKey
        plan.title = ActivityProgramWords.plan(program.startYear)
        plan.year = program.startYear
        plan.createdBy = user
        plan.createdAt = Date()
        plan.updatedBy = user
        plan.updatedAt = Date()
        plan.version = 1
        try await plan.create(on: db)
        let items = program.body.rows.enumerated().map { position, row in
            let item = PlanItem()
            item.id = UUID()
            item.$plan.id = plan.id!
            item.$municipality.id = program.$municipality.id
            item.$organization.id = program.$organization.id
            item.side = PlanItemDraft.Side.center.rawValue
            item.section = ActivityProgramSection.workPlan.title
            item.number = String(position + 1)
            item.position = position
            item.measure = row.partners.map { ActivityProgramWords.withPartners(row.activity, $0) } ?? row.activity
            item.deadline = row.dates
            item.dueOn = row.dueOn?.number
            item.startsOn = row.startsOn?.number
            item.evidenceRequired = false
            item.status = PlanItemStatus.notStarted.rawValue
            item.responsible = row.responsible
            item.updatedBy = user
            item.updatedAt = Date()
            item.version = 1
            return item
        }
        try await items.create(on: db)
        return plan.id!
    }

    /// Writes the programme under the version it was read at — `change` made to it inside the transaction, so that a
    /// retry writes it again —, with `also` in the same transaction, audited; false when someone saved since.
    static func commit(
        _ req: Request, _ program: ActivityProgram, expected: Int, before: [String: String], after: [String: String],
        change: @escaping @Sendable (ActivityProgram) -> Void,
        also: @escaping @Sendable (any Database) async throws -> Void
    ) async throws -> Bool {
        do {
            try await req.application.writeTransaction { db in
                change(program)
                guard
                    try await RegistrySupport.claimVersion(
                        table: ActivityProgram.schema, id: program.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(ActivityProgramWords.changed) }
                program.version = expected + 1
                try await program.save(on: db)
                try await also(db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "activity_program", entityID: program.id,
                    title: ActivityProgramWords.heading(program.organization.shortName, startYear: program.startYear),
                    municipalityID: program.$municipality.id, organizationID: program.$organization.id,
                    before: before, after: after)
            }
        } catch let error as AppError where error.status == .conflict {
            return false
        } catch  where EnrollmentService.isUniqueViolation(error) {
            // The centre's plan for the year was made by another agreement at the same moment.
            return false
        }
        return true
    }
}
