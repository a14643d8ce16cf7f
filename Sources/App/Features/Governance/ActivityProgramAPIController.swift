import Domain
import Fluent
import Vapor
import Views

/// Resource centres' activity programmes as JSON (issue 22, items 3 and 8): the list the user may read, one with its
/// sections, work plan, working group and versions; a draft saved or submitted; a decision on a submitted one.
struct ActivityProgramAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("activity-programs", use: list)
        routes.get("activity-programs", ":id", use: one)
        routes.post("activity-programs", use: start)
        routes.put("activity-programs", ":id", use: update)
        routes.post("activity-programs", ":id", "decision", use: decide)
    }

    struct ProgramDTO: Content {
        struct Row: Content {
            var activity: String
            var dates: String
            var dueOn: String?
            var startsOn: String?
            var responsible: String
            var partners: String?
        }
        struct Member: Content {
            var name: String
            var position: String
        }
        struct Version: Content {
            var number: Int
            var submittedAt: Date
            var submittedBy: String
            var status: String
            var comment: String?
        }
        var id: UUID
        var organizationId: UUID
        var organization: String
        var resourceCenterId: UUID
        var academicYear: String
        var status: String
        var returnComment: String?
        var submittedAt: Date?
        var planId: UUID?
        var sections: [String: String]?
        var workPlan: [Row]?
        var workingGroup: [Member]?
        var versions: [Version]?
        var version: Int
    }

    static func dto(_ program: ActivityProgram, versions: [ActivityProgramVersion]?) throws -> ProgramDTO {
        let content = versions == nil ? nil : program.body
        return ProgramDTO(
            id: try program.requireID(), organizationId: program.$organization.id,
            organization: program.organization.shortName, resourceCenterId: program.$center.id,
            academicYear: "\(program.startYear)/\(program.startYear + 1)", status: program.status,
            returnComment: program.returnComment, submittedAt: program.submittedAt, planId: program.$plan.id,
            sections: content?.texts,
            workPlan: content?.rows.map {
                .init(
                    activity: $0.activity, dates: $0.dates, dueOn: $0.dueOn?.iso, startsOn: $0.startsOn?.iso,
                    responsible: $0.responsible, partners: $0.partners)
            }, workingGroup: content?.group.map { .init(name: $0.name, position: $0.position) },
            versions: versions?.map {
                .init(
                    number: $0.number, submittedAt: $0.submittedAt, submittedBy: $0.submittedBy, status: $0.status,
                    comment: $0.comment)
            }, version: program.version)
    }

    static let choices: [String: [String]] = ["status": ActivityProgramStatus.allCases.map(\.rawValue)]

    func list(req: Request) async throws -> PageDTO<ProgramDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, Self.choices)
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "year"], sorts: ["organization"],
            defaultSort: "organization")
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        let everyone = req.can(.read, .activityProgram(center: OrgRef(id: UUID(), municipalityID: municipalityID)))
        let mine = own.filter {
            req.can(.read, .activityProgram(center: OrgRef(id: $0, municipalityID: municipalityID)))
        }
        guard everyone || !mine.isEmpty else { throw AppError.forbidden }
        var builder = ActivityProgram.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if !everyone { builder = builder.filter(\.$organization.$id ~~ mine) }
        if let status = query.filters["status"] { builder = builder.filter(\.$status == status) }
        if let raw = query.filters["year"] {
            guard let year = Int(raw.prefix(4)) else {
                throw AppError.badParameters(["year": ActivityProgramWords.yearExpected])
            }
            builder = builder.filter(\.$startYear == year)
        }
        let total = try await builder.copy().count()
        let rows = try await builder.join(
            Organization.self, on: \ActivityProgram.$organization.$id == \Organization.$id
        )
        .sort(\.$startYear, .descending)
        .sort(Organization.self, \.$sortKey, query.descending ? .descending : .ascending).sort(\.$id)
        .range(((query.page - 1) * query.per)..<(query.page * query.per)).with(\.$organization).all()
        return PageDTO(
            items: try rows.map { try Self.dto($0, versions: nil) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    struct NewProgram: Content {
        var resourceCenterId: String?
    }

    /// Starts the designation's programme (201, an empty draft), or answers with the one it has (200).
    func start(req: Request) async throws -> Response {
        let sent = try req.content.decode(NewProgram.self)
        let center = try await Designations.sent(sent.resourceCenterId, req) { .activityProgram(center: $0) }
        let (id, created) = try await ActivityProgramWrites.start(req, center: center)
        guard
            let program = try await ActivityProgram.query(on: req.db).filter(\.$id == id).with(\.$organization).first()
        else { throw AppError.notFound() }
        return try await Self.full(req, program).encodeResponse(status: created ? .created : .ok, for: req)
    }

    func one(req: Request) async throws -> ProgramDTO {
        let program = try await ActivityProgramWrites.program(req, .read)
        return try await Self.full(req, program)
    }

    static func full(_ req: Request, _ program: ActivityProgram) async throws -> ProgramDTO {
        let versions = try await ActivityProgramVersion.query(on: req.db)
            .filter(\.$program.$id == program.requireID()).sort(\.$number).all()
        return try dto(program, versions: versions)
    }

    struct ProgramChange: Content {
        var sections: [String: String]?
        var workPlan: String?
        var workingGroup: String?
        var submit: Bool?
        var version: Int?
    }

    /// The `version` a write is claimed at, or a 422 on it (`missing` says of what).
    func update(req: Request) async throws -> ProgramDTO {
        let program = try await ActivityProgramWrites.program(req, .update)
        let change = try req.content.decode(ProgramChange.self)
        let expected = try RegistrySupport.version(change.version, missing: ActivityProgramWords.versionRequired)
        // What is sent replaces what is kept, field by field; what is not sent stays.
        var fields = program.body.fields
        for (key, value) in change.sections ?? [:]
        where ActivityProgramSection.texts.contains(where: { $0.rawValue == key }) {
            fields[key] = value
        }
        if let plan = change.workPlan { fields[ActivityProgramSection.workPlan.rawValue] = plan }
        if let group = change.workingGroup { fields[ActivityProgramContent.groupField] = group }
        let outcome = try await ActivityProgramWrites.write(
            req, program, fields: { fields[$0] }, submitting: change.submit ?? false, expected: expected)
        return try await Self.answer(req, outcome)
    }

    struct Decision: Content {
        var decision: String?
        var comment: String?
        var version: Int?
    }

    func decide(req: Request) async throws -> ProgramDTO {
        let program = try await ActivityProgramWrites.program(req, .approve)
        let decision = try req.content.decode(Decision.self)
        guard let agree = decision.decision.flatMap({ ["agree": true, "return": false][$0] }) else {
            throw AppError.badParameters(["decision": ActivityProgramWords.decisionExpected])
        }
        let expected = try RegistrySupport.version(decision.version, missing: ActivityProgramWords.versionRequired)
        let outcome = try await ActivityProgramWrites.decide(
            req, program, agree: agree, comment: decision.comment, expected: expected)
        return try await Self.answer(req, outcome)
    }

    static func answer(_ req: Request, _ outcome: ActivityProgramWrites.Outcome) async throws -> ProgramDTO {
        switch outcome {
        case .saved: return try await full(req, try await ActivityProgramWrites.program(req, .read))
        case .invalid(let errors):
            // The form's names as the API's body calls them.
            let names = [ActivityProgramContent.groupField: "workingGroup"]
            var sentNames = FieldErrors()
            for (field, message) in errors.messages { sentNames.add(names[field] ?? field, message) }
            throw AppError.validation(ValidationFailure(fields: sentNames))
        case .stale: throw AppError.conflict(ActivityProgramWords.changed)
        case .locked: throw AppError.conflict(ActivityProgramWords.locked)
        }
    }
}
