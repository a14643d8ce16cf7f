import Domain
import Foundation

/// One event as lists, the plan and the calendar show it.
public struct EventSummary: Sendable {
    public var id: UUID
    public var title: String
    public var kind: EventKind
    public var audience: EventAudience
    public var dates: String
    public var hours: String
    public var organizer: String
    /// The place, or «онлайн» with the link.
    public var place: String
    public var places: String
    public var phase: EventPhase
    /// A summary row.
    public init(
        id: UUID, title: String, kind: EventKind, audience: EventAudience, dates: String, hours: String,
        organizer: String, place: String, places: String, phase: EventPhase
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.audience = audience
        self.dates = dates
        self.hours = hours
        self.organizer = organizer
        self.place = place
        self.places = places
        self.phase = phase
    }

    /// A made-up event.
    public static let mock = EventSummary(
        id: MockID.of(0x2301), title: "Семинар «Проектная деятельность в сетевых группах»", kind: .seminar,
        audience: .teachers, dates: "12.03.2027", hours: "15:00–17:00", organizer: "МБОУ «Гимназия № 2»",
        place: "Актовый зал", places: "12 из 30", phase: .open)

    var phaseCell: Cell { .tag(phase.title, phase.badge) }
}

/// The events of the municipality (issue 23, item 1): filters by period, kind, audience and organiser.
public struct EventListPage: Sendable {
    public var query: ListQuery
    public var organizations: [(value: String, title: String)]
    public var rows: [EventSummary]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(
        query: ListQuery, organizations: [(value: String, title: String)], rows: [EventSummary], total: Int,
        canCreate: Bool
    ) {
        self.query = query
        self.organizations = organizations
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = EventListPage(
        query: ListQuery(filters: ["when": "upcoming"], sort: "date"),
        organizations: [(MockID.of(0x2302).uuidString.lowercased(), "МБОУ «Гимназия № 2»")], rows: [.mock], total: 1,
        canCreate: true)

    /// Which events the list shows by their dates.
    public static let periods: [(value: String, title: String)] = [
        ("upcoming", "Предстоящие и идущие"), ("past", "Прошедшие"), ("all", "Все"),
    ]

    /// The list's filters (also the API's).
    public func filters() -> [FieldSpec] {
        [
            RegistryWords.Filters.search,
            FieldSpec("when", "Когда", .select(Self.periods, empty: nil)),
            FieldSpec("kind", "Вид", .select(EventKind.allCases.map { ($0.rawValue, $0.title) }, empty: "Все виды")),
            FieldSpec(
                "audience", "Для кого", .select(EventAudience.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec("organization", "Организатор", .select(organizations, empty: "Все организации")),
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        var list = RegistryList(
            title: MenuArea.registry(.events).title, area: .events, query: query, filters: filters(),
            columns: [
                Column("Даты", sort: "date"), Column("Мероприятие"), Column("Вид"), Column("Для кого"),
                Column("Организатор"), Column("Записано"), Column("Состояние"),
            ],
            rows: rows.map {
                [
                    .text([$0.dates, $0.hours].filter { !$0.isEmpty }.joined(separator: ", ")),
                    .link($0.title, SiteURL.record(.events, $0.id).path), .text($0.kind.title),
                    .text($0.audience.title), .text($0.organizer), .text($0.places), $0.phaseCell,
                ]
            },
            total: total, noun: ("мероприятие", "мероприятия", "мероприятий"),
            createTitle: canCreate ? "Добавить мероприятие" : nil,
            emptyText: "Мероприятий по этим условиям нет. Измените фильтры или добавьте мероприятие.")
        list.links = [
            (EventWords.planTitle, SiteURL.eventPlan.path), (EventWords.calendarTitle, SiteURL.publicCalendar.path),
        ]
        return list
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// An event's card: its facts; registration and the list of participants are on its registrations page.
public struct EventCardPage: Sendable {
    public var summary: EventSummary
    public var place: String?
    public var link: String?
    public var registrationUntil: String
    public var isPublic: Bool
    public var details: String?
    public var results: String?
    public var materials: String?

    /// The card's data.
    public init(
        summary: EventSummary, place: String?, link: String?, registrationUntil: String, isPublic: Bool,
        details: String?, results: String?, materials: String?
    ) {
        self.summary = summary
        self.place = place
        self.link = link
        self.registrationUntil = registrationUntil
        self.isPublic = isPublic
        self.details = details
        self.results = results
        self.materials = materials
    }

    /// A made-up card.
    public static let mock = EventCardPage(
        summary: .mock, place: "Актовый зал", link: nil, registrationUntil: "11.03.2027", isPublic: true,
        details: "Опыт сетевых групп: как вести проект с учениками разных школ.", results: nil, materials: nil)

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            (EventWords.Field.kind, summary.kind.title), (EventWords.Field.audience, summary.audience.title),
            (EventWords.Field.dates, summary.dates), (EventWords.Field.hours, summary.hours),
            (EventWords.Field.organization, summary.organizer), (EventWords.Field.place, place ?? ""),
            (EventWords.Field.link, link ?? ""), ("Записано", summary.places),
            (EventWords.Field.until, registrationUntil), ("Состояние", summary.phase.title),
            (EventWords.Field.isPublic, EventWords.yesNo(isPublic)), (EventWords.Field.details, details ?? ""),
            (EventWords.Field.results, results ?? ""), (EventWords.Field.materials, materials ?? ""),
        ]
    }

    /// The card as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryCard(
            title: summary.title, area: .events, status: nil, facts: facts,
            actions: [.link("Запись и участники", SiteURL.eventRegistrations(summary.id).path, primary: true)],
            history: []
        ).render(ctx)
    }
}
