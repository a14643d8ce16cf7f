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
        var version: Int
    }

    static func dto(_ meeting: Meeting, participants: [MeetingParticipant]?, decisions: [MeetingDecisionRecord]?)
        throws -> MeetingDTO
    {
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
            }, version: meeting.version)
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
        return try Self.dto(meeting, participants: participants, decisions: decisions)
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
            .field("version", .integer),
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
            description: "Одно совещание с участниками, явкой и решениями.", responses: [.ok(schema)]),
    ]
}
