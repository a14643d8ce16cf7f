import Domain
import Fluent
import Vapor
import Views

/// Technical assignments as JSON (issue 22, items 4 and 8): the list the user may read, one with its results and their
/// plan items, and a new one drafted or issued by the КМЦ.
struct AssignmentAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assignments", use: list)
        routes.get("assignments", ":id", use: one)
        routes.post("assignments", use: create)
        routes.put("assignments", ":id", use: update)
    }

    struct AssignmentDTO: Content {
        struct Result: Content {
            var kind: String
            var title: String
            var dueOn: String
            var planItemId: UUID?
            var status: String?
        }
        var id: UUID
        var organizationId: UUID
        var organization: String
        var title: String
        var status: String
        var startsOn: String
        var endsOn: String
        var basis: String?
        var goals: String
        var content: String
        var expectedResults: String
        var financing: String?
        var planId: UUID?
        var results: [Result]
        var version: Int
    }

    static func dto(_ assignment: TechnicalAssignment, items: [PlanItem]) throws -> AssignmentDTO {
        let input = assignment.input
        return AssignmentDTO(
            id: try assignment.requireID(), organizationId: assignment.$organization.id,
            organization: assignment.organization.shortName, title: assignment.title, status: assignment.status,
            startsOn: input.startsOn.iso, endsOn: input.endsOn.iso, basis: input.basis, goals: input.goals,
            content: input.content, expectedResults: input.results, financing: input.financing,
            planId: assignment.$plan.id,
            results: input.deliverables.enumerated().map { index, planned in
                let item = items.first { $0.$plan.id == assignment.$plan.id && $0.position == index }
                return .init(
                    kind: planned.kind.rawValue, title: planned.title, dueOn: planned.dueOn.iso, planItemId: item?.id,
                    status: item?.status)
            }, version: assignment.version)
    }

    static let choices: [String: [String]] = ["status": AssignmentStatus.allCases.map(\.rawValue)]

    func list(req: Request) async throws -> PageDTO<AssignmentDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, Self.choices)
        let visible = try AssignmentWrites.visible(req, municipalityID: municipalityID)
        let query = RegistrySupport.listQuery(req, filters: ["status"], sorts: ["starts"], defaultSort: "starts")
        var builder = TechnicalAssignment.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let own = visible.own {
            builder = builder.filter(\.$organization.$id ~~ own).filter(\.$status == AssignmentStatus.issued.rawValue)
        }
        if let status = query.filters["status"] { builder = builder.filter(\.$status == status) }
        let total = try await builder.copy().count()
        let rows = try await builder.sort(\.$startsOn, query.descending ? .descending : .ascending).sort(\.$id)
            .range(((query.page - 1) * query.per)..<(query.page * query.per)).with(\.$organization).all()
        let items = try await PlanItem.query(on: req.db).filter(\.$plan.$id ~~ rows.compactMap { $0.$plan.id }).all()
        return PageDTO(
            items: try rows.map { try Self.dto($0, items: items) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> AssignmentDTO {
        let assignment = try await AssignmentWrites.assignment(req, .read)
        return try await Self.full(req, assignment)
    }

    static func full(_ req: Request, _ assignment: TechnicalAssignment) async throws -> AssignmentDTO {
        var items: [PlanItem] = []
        if let plan = assignment.$plan.id {
            items = try await PlanItem.query(on: req.db).filter(\.$plan.$id == plan).all()
        }
        return try dto(assignment, items: items)
    }

    struct NewAssignment: Content {
        var organizationId: UUID?
        var title: String?
        var basis: String?
        var goals: String?
        var content: String?
        var expectedResults: String?
        var financing: String?
        var startsOn: String?
        var endsOn: String?
        var results: String?
        var issue: Bool?
        /// The version read (only to change one).
        var version: Int?
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let sent = try req.content.decode(NewAssignment.self)
        let organization = try await PlansController.owners(municipalityID, on: req.db)
            .first { $0.id == sent.organizationId }
        try req.authorize(
            .create,
            .assignment(
                organization: organization?.ref ?? OrgRef(id: UUID(), municipalityID: municipalityID), issued: false))
        var errors = FieldErrors()
        if organization == nil { errors.add("organizationId", AssignmentWords.chooseOrganization) }
        let input = Self.input(sent, errors: &errors)
        guard let input, let organization, errors.isEmpty else { throw Self.refusal(errors) }
        let assignment = try await AssignmentWrites.create(
            req, input, organization: organization, issue: sent.issue ?? false)
        return try await Self.full(req, assignment).encodeResponse(status: .created, for: req)
    }

    /// The body's fields checked as the form's.
    static func input(_ sent: NewAssignment, errors: inout FieldErrors) -> AssignmentInput? {
        let fields: [String: String?] = [
            "title": sent.title, "basis": sent.basis, "goals": sent.goals, "content": sent.content,
            "results": sent.expectedResults, "financing": sent.financing, "startsOn": sent.startsOn,
            "endsOn": sent.endsOn, "deliverables": sent.results,
        ]
        return AssignmentInput.check({ fields[$0] ?? nil }, errors: &errors)
    }

    /// A 422 with the form's names as the API's body calls them.
    static func refusal(_ errors: FieldErrors) -> AppError {
        let names = ["deliverables": "results", "results": "expectedResults"]
        var sentNames = FieldErrors()
        for (field, message) in errors.messages { sentNames.add(names[field] ?? field, message) }
        return AppError.validation(ValidationFailure(fields: sentNames))
    }

    /// A draft changed under its `version` (every field as on the form), and issued with `issue: true`; an issued one
    /// is final (409).
    func update(req: Request) async throws -> AssignmentDTO {
        let assignment = try await AssignmentWrites.assignment(req, .update)
        // An issued one is final whatever the body says.
        guard assignment.assignmentStatus == .draft else { throw AppError.conflict(AssignmentWords.locked) }
        let sent = try req.content.decode(NewAssignment.self)
        var errors = FieldErrors()
        if sent.version == nil { errors.add("version", AssignmentWords.versionRequired) }
        let input = Self.input(sent, errors: &errors)
        guard let input, let version = sent.version, errors.isEmpty else { throw Self.refusal(errors) }
        switch try await AssignmentWrites.update(req, assignment, input, issue: sent.issue ?? false, expected: version)
        {
        case .saved: return try await Self.full(req, try await AssignmentWrites.assignment(req, .read))
        case .stale: throw AppError.conflict(AssignmentWords.changed)
        case .locked: throw AppError.conflict(AssignmentWords.locked)
        }
    }
}
