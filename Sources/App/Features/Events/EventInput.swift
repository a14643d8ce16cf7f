import Domain
import Fluent
import Vapor
import Views

/// An event's form read and checked — one place for the page and the API.
struct EventInput {
    var title: String
    var kind: EventKind
    var audience: EventAudience
    var organizationID: UUID
    var startsOn: CivilDay
    var endsOn: CivilDay
    var startsAt: ClockTime?
    var endsAt: ClockTime?
    var place: String?
    var link: String?
    var capacity: Int?
    var registrationUntil: CivilDay?
    var isPublic: Bool
    var details: String?
    var results: String?
    var materials: String?

    /// The form checked; nil with `errors` beside the fields when a check fails. `record`: the event being changed.
    static func read(_ form: FormValues, record: Event?, req: Request, errors: inout FieldErrors) async throws
        -> EventInput?
    {
        typealias Check = EventWords.Check
        let municipalityID = try record?.$municipality.id ?? RegistrySupport.municipality(req)
        let title = errors.required("title", form["title"], max: 300)
        let kind = errors.choice("kind", form["kind"], as: EventKind.self)
        let audience = errors.choice("audience", form["audience"], as: EventAudience.self)
        let organization = form["organization"].flatMap(UUID.init(uuidString:))
        let mayHold = try await EventsSection.holders(req, municipalityID: municipalityID).map(\.value)
        let kept = record.map { $0.$organization.id == organization } ?? false
        if organization == nil || !(kept || mayHold.contains(organization!.uuidString.lowercased())) {
            errors.add("organization", Check.chooseOrganization)
        }
        let startsOn = errors.day("startsOn", form["startsOn"], required: true)
        let endsOn = errors.day("endsOn", form["endsOn"], required: false) ?? startsOn
        if let startsOn, let endsOn {
            if endsOn < startsOn { errors.add("endsOn", Check.endBeforeStart) }
            if endsOn.number - startsOn.number > 92 { errors.add("endsOn", Check.tooLong) }
        }
        let startsAt = errors.clock("startsAt", form["startsAt"], required: false)
        let endsAt = errors.clock("endsAt", form["endsAt"], required: false)
        if let endsAt {
            if startsAt == nil && (form["startsAt"] ?? "").trimmedSpaces.isEmpty {
                errors.add("startsAt", Check.endTimeWithoutStart)
            } else if let startsAt, endsAt <= startsAt {
                errors.add("endsAt", Check.endTimeBeforeStart)
            }
        }
        let place = errors.optional("place", form["place"], max: 300)
        let link = errors.optional("link", form["link"], max: 500)
        if let link, !Self.isWebLink(link) {
            errors.add("link", Check.linkShape)
        }
        if place == nil && link == nil && errors["place"] == nil && errors["link"] == nil {
            errors.add("place", Check.placeOrLink)
        }
        let capacity = errors.integer("capacity", form["capacity"], range: 1...100_000, required: false)
        if let capacity, let record, capacity < record.registeredCount {
            errors.add("capacity", Check.capacityBelowTaken)
        }
        let until = errors.day("registrationUntil", form["registrationUntil"], required: false)
        if let until, let startsOn, until >= startsOn { errors.add("registrationUntil", Check.untilAfterStart) }
        if let record, record.registeredCount > 0, let audience, audience.rawValue != record.audience {
            errors.add("audience", Check.audienceKept)
        }
        let isPublic = form["isPublic"] == "yes"
        if form["isPublic"] != "yes" && form["isPublic"] != "no" {
            errors.add("isPublic", EventWords.Check.choosePublic)
        }
        let details = errors.optional("details", form["details"], max: 4000)
        let results = errors.optional("results", form["results"], max: 8000)
        let materials = errors.optional("materials", form["materials"], max: 4000)
        guard errors.isEmpty, let kind, let audience, let organization, let startsOn, let endsOn else { return nil }
        return EventInput(
            title: title, kind: kind, audience: audience, organizationID: organization, startsOn: startsOn,
            endsOn: endsOn, startsAt: startsAt, endsAt: endsAt, place: place, link: link, capacity: capacity,
            registrationUntil: until, isPublic: isPublic, details: details, results: results, materials: materials)
    }

    /// An http(s) address with a host and no spaces.
    static func isWebLink(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text),
            let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", let host = url.host,
            !host.isEmpty
        else { return false }
        return true
    }

    func apply(to record: Event, municipalityID: UUID) {
        record.$municipality.id = municipalityID
        record.$organization.id = organizationID
        record.title = title
        record.kind = kind.rawValue
        record.audience = audience.rawValue
        record.startsOn = startsOn.number
        record.endsOn = endsOn.number
        record.startsAt = startsAt?.minutes
        record.endsAt = endsAt?.minutes
        record.place = place
        record.link = link
        record.capacity = capacity
        record.registrationUntil = registrationUntil?.number
        record.isPublic = isPublic
        record.details = details
        record.results = results
        record.materials = materials
        record.searchKey = TextKey.search(title)
    }
}

/// Events as lists, the plan and the calendar show them: their organisers' names read in one statement.
enum EventSummaries {
    /// `names`: organisations' names already read (those missing from it are read here).
    static func make(_ events: [Event], today: CivilDay, names known: [UUID: String] = [:], on db: any Database)
        async throws -> [EventSummary]
    {
        let missing = Set(events.map(\.$organization.id)).subtracting(known.keys)
        var names = known
        if !missing.isEmpty {
            for org in try await Organization.query(on: db).filter(\.$id ~~ missing).all() {
                names[org.id!] = org.shortName
            }
        }
        return try events.map { event in
            EventSummary(
                id: try event.requireID(), title: event.title, kind: event.eventKind, audience: event.eventAudience,
                dates: EventWords.dates(event.firstDay, event.lastDay),
                hours: EventWords.hours(
                    event.startsAt.map(ClockTime.init(minutes:)), event.endsAt.map(ClockTime.init(minutes:))),
                organizer: names[event.$organization.id] ?? "",
                place: event.place ?? (event.link == nil ? "" : EventWords.online),
                places: EventWords.places(taken: event.registeredCount, capacity: event.capacity),
                phase: EventPhase.of(
                    event.window, endsOn: event.lastDay, capacity: event.capacity, taken: event.registeredCount,
                    today: today))
        }
    }
}
