import Domain
import Fluent
import Vapor
import Views

/// The writes of a technical assignment, shared by its pages and its API (issue 22, item 4): a draft made or changed,
/// and the assignment issued — its results become items of the organisation's plan, each needing evidence. Claimed by
/// version and audited.
enum AssignmentWrites {
    enum Outcome {
        case saved(AssignmentStatus)
        case stale
        case locked
    }

    /// The assignment of the path's id with its organisation, authorised for `action`.
    static func assignment(_ req: Request, _ action: Domain.Action) async throws -> TechnicalAssignment {
        guard
            let assignment = try await TechnicalAssignment.query(on: req.db).filter(\.$id == req.idParameter())
                .with(\.$organization).first()
        else { throw AppError.notFound(RegistryWords.notFound(AssignmentWords.noun)) }
        try req.authorize(action, assignment.resource)
        return assignment
    }

    /// Whose assignments the user reads: every one of the municipality (`own` nil), or the issued ones of their own
    /// organisations; forbidden when none.
    static func visible(_ req: Request, municipalityID: UUID) throws -> (own: [UUID]?, probe: OrgRef) {
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        if req.can(.read, .assignment(organization: probe, issued: false)) { return (nil, probe) }
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID).filter {
            req.can(.read, .assignment(organization: OrgRef(id: $0, municipalityID: municipalityID), issued: true))
        }
        guard !own.isEmpty else { throw AppError.forbidden }
        return (own, probe)
    }

    static func create(_ req: Request, _ input: AssignmentInput, organization: Organization, issue: Bool) async throws
        -> TechnicalAssignment
    {
        let user = try req.requireUser().username
        let id = UUID()
        try await req.application.writeTransaction { db in
            // Made inside the transaction: a PostgreSQL retry creates a fresh one (and a fresh plan).
            let assignment = make(id, input, organization: organization, user: user)
            if issue { try await Self.issue(assignment, user: user, req: req, on: db) }
            try await assignment.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "technical_assignment", entityID: id,
                title: assignment.title, municipalityID: assignment.$municipality.id,
                organizationID: assignment.$organization.id,
                after: AssignmentWords.audit(assignment.input, status: assignment.assignmentStatus))
        }
        return try await assignment(id, on: req.db)
    }

    static func make(_ id: UUID, _ input: AssignmentInput, organization: Organization, user: String)
        -> TechnicalAssignment
    {
        let assignment = TechnicalAssignment()
        assignment.id = id
        assignment.$municipality.id = organization.$municipality.id
        assignment.$organization.id = organization.id!
        assignment.apply(input)
        assignment.status = AssignmentStatus.draft.rawValue
        (assignment.createdBy, assignment.createdAt, assignment.updatedBy, assignment.updatedAt) =
            (user, Date(), user, Date())
        assignment.version = 1
        return assignment
    }

    /// An assignment with its organisation, unchecked (the caller has authorised it).
    static func assignment(_ id: UUID, on db: any Database) async throws -> TechnicalAssignment {
        guard
            let assignment = try await TechnicalAssignment.query(on: db).filter(\.$id == id).with(\.$organization)
                .first()
        else { throw AppError.notFound(RegistryWords.notFound(AssignmentWords.noun)) }
        return assignment
    }

    /// Changes a draft under the version it was read at (and issues it when asked).
    static func update(
        _ req: Request, _ assignment: TechnicalAssignment, _ input: AssignmentInput, issue: Bool, expected: Int
    ) async throws -> Outcome {
        guard assignment.assignmentStatus == .draft else { return .locked }
        let user = try req.requireUser().username
        let before = AssignmentWords.audit(assignment.input, status: assignment.assignmentStatus)
        do {
            try await req.application.writeTransaction { db in
                // Set inside the transaction: a PostgreSQL retry writes them again.
                assignment.apply(input)
                (assignment.updatedBy, assignment.updatedAt) = (user, Date())
                guard
                    try await RegistrySupport.claimVersion(
                        table: TechnicalAssignment.schema, id: assignment.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(AssignmentWords.changed) }
                assignment.version = expected + 1
                if issue { try await Self.issue(assignment, user: user, req: req, on: db) }
                try await assignment.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "technical_assignment", entityID: assignment.id,
                    title: assignment.title, municipalityID: assignment.$municipality.id,
                    organizationID: assignment.$organization.id, before: before,
                    after: AssignmentWords.audit(assignment.input, status: assignment.assignmentStatus))
            }
        } catch let error as AppError where error.status == .conflict {
            return .stale
        }
        return .saved(assignment.assignmentStatus)
    }

    /// Issues the assignment: its results become the items of a plan of the organisation (one per assignment), each
    /// done only with evidence.
    static func issue(_ assignment: TechnicalAssignment, user: String, req: Request?, on db: any Database) async throws
    {
        let id = try assignment.requireID()
        let plan = Plan()
        plan.id = UUID()
        plan.$municipality.id = assignment.$municipality.id
        plan.$organization.id = assignment.$organization.id
        plan.ownerKey = Plan.ownerKey(assignment.$organization.id)
        plan.templateKey = planKey(id)
        plan.title = AssignmentWords.plan(assignment.title)
        plan.year = assignment.input.startsOn.ymd.year
        (plan.createdBy, plan.createdAt, plan.updatedBy, plan.updatedAt) = (user, Date(), user, Date())
        plan.version = 1
        try await plan.create(on: db)
        let items = assignment.planned.enumerated().map { position, planned in
            let item = PlanItem()
            item.id = UUID()
            item.$plan.id = plan.id!
            item.$municipality.id = assignment.$municipality.id
            item.$organization.id = assignment.$organization.id
            item.side = PlanItemDraft.Side.center.rawValue
            item.section = AssignmentWords.resultsSection
            item.number = String(position + 1)
            item.position = position
            item.measure = planned.kind.title + ": " + planned.title
            item.deadline = MeetingWords.until(planned.dueOn.formatted)
            item.dueOn = planned.dueOn.number
            item.evidenceRequired = true
            item.status = PlanItemStatus.notStarted.rawValue
            (item.updatedBy, item.updatedAt, item.version) = (user, Date(), 1)
            return item
        }
        try await items.create(on: db)
        if let req {
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "plan", entityID: plan.id, title: plan.title,
                municipalityID: plan.$municipality.id, organizationID: plan.$organization.id,
                after: [AssignmentWords.Field.deliverables: assignment.planned.map(\.line).joined(separator: "\n")])
        }
        assignment.$plan.id = plan.id
        assignment.status = AssignmentStatus.issued.rawValue
        assignment.issuedAt = Date()
        assignment.issuedBy = user
    }

    /// The plan of an assignment's results: one per assignment.
    static func planKey(_ id: UUID) -> String { "assignment-" + id.uuidString.lowercased() }
}
