import Domain
import Fluent
import Vapor
import Views

/// The КМЦ's meetings as JSON (issue 22, items 6 and 8): the list, newest first, and one with its participants and
/// decisions — for those the policy lets read them.
struct MeetingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("meetings", use: list)
        routes.get("meetings", ":id", use: one)
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
        let meeting = try await MeetingsController.meeting(req, .read)
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
}

/// The meetings' API description.
extension MeetingAPIController {
    static let schema = OpenAPISchema.named(
        "Meeting",
        .object([
            .field("id", .uuid), .field("date", .date, "Дата совещания."), .field("title", .string),
            .field("agenda", .string, "Повестка."), .field("status", .oneOf(MeetingStatus.allCases.map(\.rawValue))),
            .optional("minutes", .string, "Протокол."),
            .optional(
                "participants",
                .array(
                    .object([
                        .field("kmcMemberId", .uuid), .field("name", .string),
                        .optional("present", .boolean, "Присутствовал (у проведённого совещания)."),
                    ])), "Участники из состава КМЦ (у одного совещания)."),
            .optional(
                "decisions",
                .array(
                    .object([
                        .field("text", .string), .optional("responsible", .string), .optional("dueOn", .date),
                        .optional("planItemId", .uuid, "Пункт плана решений КМЦ."),
                    ])), "Решения (у одного совещания)."),
            .optional("hearings", .array(hearingSchema), "Заслушанные ресурсные центры (у одного совещания)."),
            .field("version", .integer),
        ]))

    static let hearingSchema = OpenAPISchema.named(
        "DesignationHearing",
        .object([
            .field("centerId", .uuid, "Назначение ресурсного центра (центр в учебном году)."),
            .field("organization", .string), .field("year", .string, "Учебный год, например 2025/2026."),
            .field("decision", .oneOf(DesignationDecision.allCases.map(\.rawValue))),
            .optional("reasoning", .string, "Обоснование."),
            .optional("nextCenterId", .uuid, "Назначение на следующий учебный год (при сохранении статуса)."),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/meetings", id: "listMeetings", area: .governance, summary: "Совещания КМЦ",
            description: "Совещания координационно-методического центра: дата, тема, повестка, состояние, протокол.",
            list: APIParameter.list(
                sorts: ["date"],
                filters: [APIParameter("status", "Состояние.", values: MeetingStatus.allCases.map(\.rawValue))]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .GET, "/meetings/{id}", id: "getMeeting", area: .governance, summary: "Совещание КМЦ",
            description: "Одно совещание с участниками, явкой, решениями и заслушанными центрами.",
            responses: [.ok(schema)]),
        APIOperation(
            .POST, "/meetings/{id}/hearings", id: "hearCenter", area: .governance,
            summary: "Решение о статусе ресурсного центра",
            description: """
                Проведённое совещание заслушивает центр в учебном году: `keep` — статус сохраняется, центр назначается \
                на следующий учебный год (если он есть в справочнике); `change` — меняются функции и направления \
                (обоснование обязательно); `end` — деятельность прекращается досрочно, центр переводится в архив \
                (обоснование обязательно). Центр заслушивается на совещании один раз. Непроведённое совещание или \
                назначение центра, изменённое тем временем, — 409; неверное поле — 422 с полем.
                """,
            body: APIBody(
                schema: .object([
                    .field("centerId", OpenAPISchema.string.nullable, "Назначение ресурсного центра."),
                    .field("decision", OpenAPISchema.string.nullable, "keep, change или end."),
                    .optional("reasoning", OpenAPISchema.string.nullable, "Обоснование."),
                ])),
            responses: [.created(hearingSchema, "Решение записано.")], errors: [.conflict]),
    ]
}
