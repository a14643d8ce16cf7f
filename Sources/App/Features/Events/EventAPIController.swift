import Domain
import Fluent
import Vapor
import Views

/// Events as JSON (issue 23, items 1 and 7): the municipality's list as the page filters it, one event, a new one by
/// the page's checks; an event's registrations (all of them for its organiser's side, one's own otherwise) and a
/// registration — one's child (`studentId`) or oneself — under the same capacity guarantee as the page.
struct EventAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("events", use: list)
        routes.post("events", use: create)
        routes.get("events", ":id", use: one)
        routes.get("events", ":id", "registrations", use: registrations)
        routes.post("events", ":id", "registrations", use: register)
        routes.delete("events", ":id", "registrations", ":registration", use: cancel)
    }

    static func dtos(_ events: [Event], req: Request) async throws -> [EventDTO] {
        let summaries = try await EventSummaries.make(events, today: try await PlanBoard.today(req), on: req.db)
        return try zip(events, summaries).map { try EventDTO($0, summary: $1) }
    }

    func list(req: Request) async throws -> PageDTO<EventDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .event(organizer: OrgRef(id: UUID(), municipalityID: municipalityID)))
        try RegistrySupport.checkChoices(req, EventsSection.choices)
        let query = EventsSection.listQuery(req)
        let (rows, total) = try await EventsSection.query(
            query, municipalityID: municipalityID, today: try await PlanBoard.today(req), on: req.db)
        return PageDTO(
            items: try await Self.dtos(rows, req: req),
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> EventDTO {
        let event = try await RegistryAPIController().one(EventsSection(), req)
        return try await Self.dtos([event], req: req)[0]
    }

    struct Body: Content {
        var title: String?
        var kind: String?
        var audience: String?
        var organizationId: String?
        var startsOn: String?
        var endsOn: String?
        var startsAt: String?
        var endsAt: String?
        var place: String?
        var link: String?
        var capacity: Int?
        var registrationUntil: String?
        var isPublic: Bool?
        var details: String?
        var results: String?
        var materials: String?
    }

    /// The page form's checks and write: 422 naming each field (the body's names), 403 for an organisation the user
    /// may not hold an event of.
    func create(req: Request) async throws -> Response {
        let body = try req.content.decode(Body.self)
        let form = FormValues(single: [
            "title": body.title ?? "", "kind": body.kind ?? "", "audience": body.audience ?? "",
            "organization": body.organizationId ?? "", "startsOn": body.startsOn ?? "", "endsOn": body.endsOn ?? "",
            "startsAt": body.startsAt ?? "", "endsAt": body.endsAt ?? "", "place": body.place ?? "",
            "link": body.link ?? "", "capacity": body.capacity.map(String.init) ?? "",
            "registrationUntil": body.registrationUntil ?? "",
            "isPublic": body.isPublic.map { $0 ? "yes" : "no" } ?? "", "details": body.details ?? "",
            "results": body.results ?? "", "materials": body.materials ?? "",
        ])
        let (record, errors) = try await RegistryController(section: EventsSection()).insert(form, req: req)
        guard let record else {
            throw AppError.validation(ValidationFailure(fields: errors.renamed(["organization": "organizationId"])))
        }
        return try await Self.dtos([record], req: req)[0].encodeResponse(status: .created, for: req)
    }

    func registrations(req: Request) async throws -> [RegistrationDTO] {
        let event = try await EventRegistrationsController.event(req)
        return try await EventRegistrationsController.visible(event, req: req).rows.map(RegistrationDTO.init)
    }

    struct Registration: Content {
        var studentId: String?
    }

    /// A registration: the child or own student record named by `studentId`, or oneself without it; 201, or 409 with
    /// the reason (full, closed, already registered), 403 for someone the user may not register.
    func register(req: Request) async throws -> Response {
        let event = try await EventRegistrationsController.event(req)
        let body = try req.content.decode(Registration.self)
        let people = try await EventRegistrations.people(for: event, req: req)
        let wanted: EventRegistrant
        if let raw = body.studentId, !raw.isEmpty {
            guard let id = UUID(uuidString: raw) else {
                var errors = FieldErrors()
                errors.add("studentId", EventWords.Check.choosePerson)
                throw AppError.validation(ValidationFailure(fields: errors))
            }
            wanted = .student(id)
        } else {
            wanted = .user(try req.requireUser().userID)
        }
        do {
            if let refusal = try EventRegistrations.refusal(
                wanted, for: event, req: req, today: try await PlanBoard.today(req))
            {
                throw refusal
            }
            guard let person = people.first(where: { $0.registrant == wanted }) else {
                throw EventRegistrationRefusal.notYours
            }
            let row = try await EventRegistrations.register(person, event: event, req: req)
            return try await RegistrationDTO(row).encodeResponse(status: .created, for: req)
        } catch let refusal as EventRegistrationRefusal {
            switch refusal {
            case .notYours: throw AppError(status: .forbidden, code: "forbidden", reason: EventWords.refusal(refusal))
            case .otherAudience:
                throw AppError(
                    status: .unprocessableEntity, code: "validation", reason: EventWords.refusal(refusal))
            default: throw AppError.conflict(EventWords.refusal(refusal))
            }
        }
    }

    /// A registration cancelled by the page's rule: one's own before the event starts, the organiser's side until it
    /// ends; 204, the place given back.
    func cancel(req: Request) async throws -> HTTPStatus {
        let (event, registration) = try await EventRegistrationsController.cancellable(req)
        // Cancelled by another request a moment ago: gone, as if never found.
        guard try await EventRegistrations.cancel(registration, event: event, req: req) else {
            throw AppError.notFound()
        }
        return .noContent
    }
}
