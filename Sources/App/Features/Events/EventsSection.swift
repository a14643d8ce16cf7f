import Domain
import Fluent
import Vapor
import Views

/// Events of the network (issue 23, item 1): the municipality's list by period, kind, audience and organiser; a card;
/// held by those who run the municipality for any organisation, by a centre's head or a school's administration for
/// their own. Archiving cancels one.
struct EventsSection: RegistrySection {
    typealias Record = Event
    let area = Registry.events
    let entityType = "event"
    let noun = EventWords.noun
    let newTitle = EventWords.newTitle
    let archiveConsequence = EventWords.archiveConsequence
    /// The card says the event's phase («Идёт запись», «Проведено», «Отменено») among its facts.
    let showsStatus = false

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["when", "kind", "audience", "organization"], sorts: ["date"], defaultSort: "date",
            defaultFilters: ["when": "upcoming"], search: true)
    }

    static let choices: [String: [String]] = [
        "when": EventListPage.periods.map(\.value), "kind": EventKind.allCases.map(\.rawValue),
        "audience": EventAudience.allCases.map(\.rawValue),
    ]

    /// The events of the list's filters, a page of them (shared with the API).
    static func query(_ query: ListQuery, municipalityID: UUID, today: CivilDay, on db: any Database) async throws
        -> ([Event], Int)
    {
        var builder = Event.query(on: db).filter(\.$municipality.$id == municipalityID)
        switch query.filters["when"] {
        case "upcoming": builder = builder.filter(\.$endsOn >= today.number)
        case "past": builder = builder.filter(\.$endsOn < today.number)
        default: break
        }
        for (key, field) in [("kind", \Event.$kind), ("audience", \Event.$audience)] {
            if let value = query.filters[key] { builder = builder.filter(field == value) }
        }
        if let organization = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$organization.$id == organization)
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        // Past events newest first unless told otherwise; the rest soonest first.
        let descending = query.descending != (query.filters["when"] == "past")
        return try await builder.sort(\.$startsOn, descending ? .descending : .ascending)
            .sort(\.$startsAt, descending ? .descending : .ascending).sort(\.$id).paged(query)
    }

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .event(organizer: OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = Self.listQuery(req)
        let today = try await PlanBoard.today(req)
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, today: today, on: req.db)
        // The municipality's organisations read once: the filter's options, the organisers' names, who may hold one.
        let options = try await RegistrySupport.organizationOptions(municipalityID, on: req.db)
        let names = Dictionary(options.map { (UUID(uuidString: $0.value)!, $0.title) }) { first, _ in first }
        let summaries = try await EventSummaries.make(rows, today: today, names: names, on: req.db)
        return EventListPage(
            query: query, organizations: options, rows: summaries, total: total,
            canCreate: !Self.holders(req, municipalityID: municipalityID, of: options).isEmpty
        ).list
    }

    /// The organisations the user may hold an event of, as options of the form.
    static func holders(_ req: Request, municipalityID: UUID) async throws -> [(value: String, title: String)] {
        holders(
            req, municipalityID: municipalityID,
            of: try await RegistrySupport.organizationOptions(
                municipalityID, on: req.db))
    }

    static func holders(_ req: Request, municipalityID: UUID, of options: [(value: String, title: String)])
        -> [(value: String, title: String)]
    {
        options.filter { option in
            guard let id = UUID(uuidString: option.value) else { return false }
            return req.can(.create, .event(organizer: OrgRef(id: id, municipalityID: municipalityID)))
        }
    }

    func resource(_ record: Event, on db: any Database) async throws -> Resource {
        .event(organizer: OrgRef(id: record.$organization.id, municipalityID: record.$municipality.id))
    }
    func newResource(_ req: Request) throws -> Resource {
        // Any organisation of the user's municipality: the form's choice is checked again once made.
        let municipalityID = try RegistrySupport.municipality(req)
        let orgs = try req.requireUser().actor.activeGrants(at: Date())
            .filter { $0.scope.municipalityID == municipalityID }.compactMap(\.scope.organizationID)
        let holding = orgs.first { req.can(.create, .event(organizer: OrgRef(id: $0, municipalityID: municipalityID))) }
        return .event(organizer: OrgRef(id: holding ?? orgs.first ?? UUID(), municipalityID: municipalityID))
    }
    func title(_ record: Event) -> String { record.title }
    func scope(_ record: Event) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$organization.id)
    }

    func card(_ record: Event, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let today = try await PlanBoard.today(req)
        let summary = try await EventSummaries.make([record], today: today, on: req.db)[0]
        let page = EventCardPage(
            summary: summary, place: record.place, link: record.link,
            registrationUntil: record.window.lastDay.formatted, isPublic: record.isPublic, details: record.details,
            results: record.results, materials: record.materials)
        return (page.facts, [], record.isCancelled ? [EventWords.cancelledWarning] : [])
    }

    func extraActions(_ record: Event, req: Request) async throws -> [RegistryCard.Action] {
        [.link(EventWords.registrationsAction, SiteURL.eventRegistrations(try record.requireID()).path, primary: false)]
    }

    func fields(_ req: Request, record: Event?) async throws -> [FieldSpec] {
        let municipalityID = try record?.$municipality.id ?? RegistrySupport.municipality(req)
        var options = try await Self.holders(req, municipalityID: municipalityID)
        if let record, !options.contains(where: { $0.value == record.$organization.id.uuidString.lowercased() }) {
            options.append((record.$organization.id.uuidString.lowercased(), try await Self.organizer(record, req)))
        }
        return EventFormPage(organizations: options).fields
    }

    static func organizer(_ record: Event, _ req: Request) async throws -> String {
        try await Organization.find(record.$organization.id, on: req.db)?.shortName ?? ""
    }

    func newValues(_ req: Request) async throws -> FormValues {
        let options = try await Self.holders(req, municipalityID: try RegistrySupport.municipality(req))
        return FormValues(single: [
            "isPublic": "yes", "organization": options.count == 1 ? options[0].value : "",
        ])
    }

    func values(_ record: Event, req: Request) async throws -> FormValues {
        FormValues(single: [
            "title": record.title, "kind": record.kind, "audience": record.audience,
            "organization": record.$organization.id.uuidString.lowercased(), "startsOn": record.firstDay.formatted,
            "endsOn": record.endsOn == record.startsOn ? "" : record.lastDay.formatted,
            "startsAt": record.startsAt.map { ClockTime(minutes: $0).formatted } ?? "",
            "endsAt": record.endsAt.map { ClockTime(minutes: $0).formatted } ?? "", "place": record.place ?? "",
            "link": record.link ?? "", "capacity": record.capacity.map(String.init) ?? "",
            "registrationUntil": record.registrationUntil.map { CivilDay(number: $0).formatted } ?? "",
            "isPublic": record.isPublic ? "yes" : "no", "details": record.details ?? "",
            "results": record.results ?? "", "materials": record.materials ?? "",
        ])
    }

    func apply(_ form: FormValues, to record: Event, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        guard let input = try await EventInput.read(form, record: isNew ? nil : record, req: req, errors: &errors),
            errors.isEmpty
        else { return nil }
        input.apply(to: record, municipalityID: municipalityID)
        if isNew { record.registeredCount = 0 }
        // Places taken while the form was filled: checked again inside the save, which holds the event's row.
        let (id, capacity) = (record.id, input.capacity)
        return { db in
            guard let id, let capacity, let now = try await Event.find(id, on: db), now.registeredCount > capacity
            else { return }
            throw AppError.conflict(EventWords.Check.capacityBelowTaken)
        }
    }

    func auditFields(_ record: Event, on db: any Database) async throws -> [String: String] {
        typealias F = EventWords.Field
        return [
            F.title: record.title, F.kind: record.eventKind.title, F.audience: record.eventAudience.title,
            F.organization: try await Organization.find(record.$organization.id, on: db)?.shortName ?? "",
            F.dates: EventWords.dates(record.firstDay, record.lastDay),
            F.hours: EventWords.hours(
                record.startsAt.map(ClockTime.init(minutes:)), record.endsAt.map(ClockTime.init(minutes:))),
            F.place: record.place ?? "", F.link: record.link ?? "", F.capacity: record.capacity.map(String.init) ?? "",
            F.until: record.window.lastDay.formatted, F.isPublic: EventWords.yesNo(record.isPublic),
            F.details: record.details ?? "", F.results: record.results ?? "", F.materials: record.materials ?? "",
        ]
    }
}
