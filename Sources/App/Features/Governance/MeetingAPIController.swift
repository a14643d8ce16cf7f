import Domain
import Fluent
import Vapor
import Views

/// The КМЦ's meetings as JSON (issue 22, items 6 and 8): the list, newest first, and one with its participants and
/// decisions — for those the policy lets read them; a meeting planned, changed (held, with its minutes, attendance and
/// decisions) and its hearings of centres — by the page's checks.
struct MeetingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("meetings", use: list)
        routes.get("meetings", ":id", use: one)
        routes.post("meetings", use: create)
        routes.put("meetings", ":id", use: update)
        routes.post("meetings", ":id", "hearings", use: hear)
    }

    struct MeetingDTO: Content {
        struct Participant: Content {
            var kmcMemberId: UUID
            var name: String
            var present: Bool?
        }
        struct Decision: Content {
            var text: String
            var responsible: String?
            var dueOn: String?
            var planItemId: UUID?
        }
        var id: UUID
        var date: String
        var title: String
        var agenda: String
        var status: String
        var minutes: String?
        var participants: [Participant]?
        var decisions: [Decision]?
        var hearings: [Hearing]?
        var version: Int
    }

    struct Hearing: Content {
        var centerId: UUID
        var organization: String
        var year: String
        var decision: String
        var reasoning: String?
        var nextCenterId: UUID?

        init(_ row: HearingRow) {
            centerId = row.centerID
            organization = row.center
            year = row.year
            decision = row.decision.rawValue
            reasoning = row.reasoning.isEmpty ? nil : row.reasoning
            nextCenterId = row.carried?.id
        }
    }

    static func dto(
        _ meeting: Meeting, participants: [MeetingParticipant]?, decisions: [MeetingDecisionRecord]?,
        hearings: [HearingRow]? = nil
    ) throws -> MeetingDTO {
        MeetingDTO(
            id: try meeting.requireID(), date: meeting.day.iso, title: meeting.title, agenda: meeting.agenda,
            status: meeting.status, minutes: meeting.minutes,
            participants: participants?.map {
                .init(
                    kmcMemberId: $0.$member.id, name: $0.member.fullName,
                    present: meeting.meetingStatus == .held ? $0.present : nil)
            },
            decisions: decisions?.map {
                .init(
                    text: $0.text, responsible: $0.responsible, dueOn: $0.decision.dueOn?.iso,
                    planItemId: $0.$planItem.id)
            }, hearings: hearings?.map(Hearing.init), version: meeting.version)
    }

    static let choices: [String: [String]] = ["status": MeetingStatus.allCases.map(\.rawValue)]

    func list(req: Request) async throws -> PageDTO<MeetingDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .meeting(municipalityID: municipalityID))
        try RegistrySupport.checkChoices(req, Self.choices)
        let query = RegistrySupport.listQuery(req, filters: ["status"], sorts: ["date"], defaultSort: "date")
        var builder = Meeting.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let status = query.filters["status"] { builder = builder.filter(\.$status == status) }
        let total = try await builder.copy().count()
        let rows = try await builder.sort(\.$heldOn, query.descending ? .descending : .ascending).sort(\.$id)
            .range(((query.page - 1) * query.per)..<(query.page * query.per)).all()
        return PageDTO(
            items: try rows.map { try Self.dto($0, participants: nil, decisions: nil) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> MeetingDTO {
        try await detail(req, try await MeetingsController.meeting(req, .read))
    }

    /// One meeting with its participants, decisions and hearings.
    func detail(_ req: Request, _ meeting: Meeting) async throws -> MeetingDTO {
        let id = try meeting.requireID()
        let participants = try await MeetingParticipant.query(on: req.db).filter(\.$meeting.$id == id)
            .with(\.$member).all().sorted { $0.member.sortKey < $1.member.sortKey }
        let decisions = try await MeetingDecisionRecord.query(on: req.db).filter(\.$meeting.$id == id)
            .sort(\.$position).all()
        return try Self.dto(
            meeting, participants: participants, decisions: decisions,
            hearings: try await DesignationHearings.rows(meetingID: id, on: req.db))
    }

    struct NewHearing: Content {
        var centerId: String?
        var decision: String?
        var reasoning: String?
    }

    /// A centre's year heard at the held meeting, its decision recorded on the designation.
    func hear(req: Request) async throws -> Response {
        let meeting = try await MeetingsController.meeting(req, .update)
        let sent = try req.content.decode(NewHearing.self)
        switch try await DesignationHearings.record(
            req, meeting, center: sent.centerId, decision: sent.decision, reasoning: sent.reasoning)
        {
        case .saved(let hearing, _):
            let row = try await DesignationHearings.rows(meetingID: meeting.requireID(), on: req.db)
                .first { $0.centerID == hearing.$center.id }
            guard let row else { throw AppError.notFound() }
            return try await Hearing(row).encodeResponse(status: .created, for: req)
        case .invalid(let errors):
            var sentNames = FieldErrors()
            for (field, message) in errors.messages { sentNames.add(field == "center" ? "centerId" : field, message) }
            throw AppError.validation(ValidationFailure(fields: sentNames))
        }
    }

    struct Body: Content {
        struct Decision: Content {
            var text: String?
            var responsible: String?
            var dueOn: String?

            init(text: String?, responsible: String? = nil, dueOn: String? = nil) {
                (self.text, self.responsible, self.dueOn) = (text, responsible, dueOn)
            }
        }
        var date: String?
        var title: String?
        var agenda: String?
        var status: String?
        var minutes: String?
        var members: [String]?
        var present: [String]?
        /// Decisions to add (those the meeting has stay as they are).
        var newDecisions: [Decision]?
        var version: Int?

        init(
            date: String?, title: String?, agenda: String?, status: String? = nil, minutes: String? = nil,
            members: [String]?, present: [String]? = nil, newDecisions: [Decision]? = nil, version: Int? = nil
        ) {
            (self.date, self.title, self.agenda, self.status, self.minutes) = (date, title, agenda, status, minutes)
            (self.members, self.present, self.newDecisions, self.version) = (members, present, newDecisions, version)
        }
    }

    /// The body as the meeting's form would send it, so that one check reads both (an omitted `status` keeps the
    /// meeting's); a decision whose text is missing, or whose part would break the form's line (a «;», a line break,
    /// a hidden control character), is refused by its number under `newDecisions`.
    static func values(_ body: Body, editing: Meeting? = nil) throws -> FormValues {
        var errors = FieldErrors()
        let lines = (body.newDecisions ?? []).map { decision in
            [
                decision.text ?? "", decision.responsible ?? "",
                decision.dueOn.flatMap(CivilDay.parse)?.formatted ?? decision.dueOn ?? "",
            ]
        }
        for (number, parts) in lines.enumerated() {
            if parts[0].trimmingCharacters(in: .whitespaces).isEmpty {
                errors.add("newDecisions", MeetingWords.decisionText(number + 1))
            } else if parts.contains(where: {
                $0.contains(";") || $0.contains(where: \.isNewline) || FieldErrors.hasHiddenControls($0)
            }) {
                errors.add("newDecisions", MeetingWords.decisionPart(number + 1))
            }
        }
        guard errors.isEmpty else { throw AppError.validation(ValidationFailure(fields: errors)) }
        var values: [String: [String]] = [
            "day": [body.date ?? ""], "title": [body.title ?? ""], "agenda": [body.agenda ?? ""],
            "minutes": [body.minutes ?? ""], "members": body.members ?? [], "present": body.present ?? [],
            "decisions": [
                lines.map { parts in
                    var kept = parts
                    while kept.count > 1, kept.last == "" { kept.removeLast() }
                    return kept.joined(separator: "; ")
                }.joined(separator: "\n")
            ],
        ]
        if let status = body.status ?? editing?.status { values["status"] = [status] }
        return FormValues(values)
    }

    /// The web form's names as the API's body calls them.
    static func refusal(_ errors: FieldErrors) -> AppError {
        var sentNames = FieldErrors()
        for (field, message) in errors.messages {
            sentNames.add(["day": "date", "decisions": "newDecisions"][field] ?? field, message)
        }
        return AppError.validation(ValidationFailure(fields: sentNames))
    }

    /// A meeting planned: 201 with it.
    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .meeting(municipalityID: municipalityID))
        let values = try Self.values(try req.content.decode(Body.self))
        let (input, errors) = try await MeetingsController.read(
            req, values, editing: nil, municipalityID: municipalityID)
        guard let input else { throw Self.refusal(errors) }
        let meeting = try await MeetingsController.insert(input, municipalityID: municipalityID, req: req)
        return try await detail(req, meeting).encodeResponse(status: .created, for: req)
    }

    /// A meeting changed under its `version`: held with minutes and attendance, its new decisions made plan items.
    func update(req: Request) async throws -> MeetingDTO {
        let meeting = try await MeetingsController.meeting(req, .update)
        let body = try req.content.decode(Body.self)
        let version = try RegistrySupport.version(body.version, missing: MeetingWords.versionRequired)
        let (input, errors) = try await MeetingsController.read(
            req, try Self.values(body, editing: meeting), editing: meeting, municipalityID: meeting.$municipality.id)
        guard let input else { throw Self.refusal(errors) }
        try await MeetingsController.commit(meeting, input, expected: version, req: req)
        return try await detail(req, try await MeetingsController.meeting(req, .read))
    }
}
