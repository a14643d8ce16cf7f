import Domain
import Foundation

/// Events by month, as the consolidated plan and the public calendar show them.
public struct EventMonth: Sendable {
    /// «сентябрь 2026».
    public var title: String
    public var events: [EventSummary]
    /// «Сентябрь 2026»: the title as a heading.
    public var heading: String { title.prefix(1).uppercased() + title.dropFirst() }
    /// A month of events.
    public init(title: String, events: [EventSummary]) {
        self.title = title
        self.events = events
    }
}

/// The consolidated plan of the network's events for an academic year by month (`003_256a4293e3c370c5.txt` §3.10),
/// printable and as XLSX.
public struct EventPlanPage: Sendable {
    public var years: [(value: String, title: String)]
    public var year: String
    public var yearTitle: String
    public var months: [EventMonth]

    /// The plan's data.
    public init(years: [(value: String, title: String)], year: String, yearTitle: String, months: [EventMonth]) {
        self.years = years
        self.year = year
        self.yearTitle = yearTitle
        self.months = months
    }

    /// A made-up plan.
    public static let mock = EventPlanPage(
        years: [(MockID.of(0x2305).uuidString.lowercased(), "2026/2027")],
        year: MockID.of(0x2305).uuidString.lowercased(), yearTitle: "2026/2027",
        months: [EventMonth(title: "март 2027", events: [.mock]), EventMonth(title: "апрель 2027", events: [])])

    /// The plan's columns, for the page and the XLSX.
    public static let columns = [
        "№", "Даты", "Время", "Мероприятие", "Вид", "Для кого", "Организатор", "Место",
        "Записано", "Состояние",
    ]

    /// The page's columns: the XLSX's, the hours under the dates and the kind under the title.
    static let pageColumns = ["№", "Даты", "Мероприятие", "Для кого", "Организатор", "Место", "Записано"]

    static func cells(_ number: Int, _ event: EventSummary) -> Node {
        fragment {
            el("td", Attr("data-label", "№")) { String(number) }
            el("td", Attr("data-label", "Даты")) {
                event.dates
                if !event.hours.isEmpty {
                    el("br")
                    event.hours
                }
            }
            el("td", Attr("data-label", "Мероприятие")) {
                el("a", .href(SiteURL.record(.events, event.id).path)) { event.title }
                el("br")
                el("span", .cls("muted")) { event.kind.title }
            }
            el("td", Attr("data-label", "Для кого")) { event.audience.title }
            el("td", Attr("data-label", "Организатор")) { event.organizer }
            el("td", Attr("data-label", "Место")) { event.place.isEmpty ? "—" : event.place }
            el("td", Attr("data-label", "Записано")) {
                event.places
                el("br")
                el("span", .cls("badge badge-\(event.phase.badge)")) { event.phase.title }
            }
        }
    }

    /// One event as a row of the plan.
    public static func row(_ number: Int, _ event: EventSummary) -> [String] {
        [
            String(number), event.dates, event.hours, event.title, event.kind.title, event.audience.title,
            event.organizer, event.place, event.places, event.phase.title,
        ]
    }

    /// The plan as HTML.
    public func render(_ ctx: PageContext) -> String {
        let title = EventWords.planTitle + " на " + yearTitle + " учебный год"
        return Layout.page(
            ctx, title: title,
            crumbs: [Crumb(MenuArea.registry(.events).title, SiteURL.list(.events).path), Crumb(EventWords.planTitle)]
        ) {
            el("h1") { title }
            el("form", .cls("filters no-print"), Attr("method", "get"), Attr("action", SiteURL.eventPlan.path)) {
                UI.selectField("year", "Учебный год", options: years, selected: year, errors: FieldErrors())
                el("button", .type("submit")) { "Показать" }
            }
            el("div", .cls("actions no-print")) {
                el("a", .cls("button"), .href(SiteURL.eventPlanXLSX.with([("year", year)]))) { "Скачать XLSX" }
            }
            // Events are numbered through the year, as a printed plan numbers them.
            let firsts = months.reduce(into: [1]) { $0.append($0[$0.count - 1] + $1.events.count) }
            for (monthIndex, month) in months.enumerated() {
                el("h2") { month.heading }
                if month.events.isEmpty {
                    UI.empty("Мероприятий нет.")
                } else {
                    el("table", .cls("list stack")) {
                        el("thead") { el("tr") { for column in Self.pageColumns { el("th") { column } } } }
                        el("tbody") {
                            for (eventIndex, event) in month.events.enumerated() {
                                el("tr") { Self.cells(firsts[monthIndex] + eventIndex, event) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The public calendar of open events (no login): what is coming, by month, with a way to register and an iCal feed.
public struct PublicCalendarPage: Sendable {
    public var months: [EventMonth]

    /// The calendar's data.
    public init(months: [EventMonth]) { self.months = months }

    /// A made-up calendar.
    public static let mock = PublicCalendarPage(months: [EventMonth(title: "март 2027", events: [.mock])])

    /// The calendar as HTML.
    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: EventWords.calendarTitle) {
            el("h1") { EventWords.calendarTitle }
            el("p", .cls("muted")) {
                "Открытые мероприятия сети: семинары, конференции, конкурсы, смены. Чтобы записаться, войдите в Сетку: "
                    + "родитель записывает ребёнка, педагог — себя. "
                el("a", .href(SiteURL.publicCalendarICS.path)) { "Подписаться в календаре (iCal)" }
            }
            if months.isEmpty { UI.empty("Открытых мероприятий впереди пока нет.") }
            for month in months {
                el("h2") { month.heading }
                el("ul", .cls("event-cards")) {
                    for event in month.events {
                        el("li", .cls("panel")) {
                            el("h3") { event.title }
                            el("p") {
                                [event.dates, event.hours, event.kind.title, event.audience.forWhom]
                                    .filter { !$0.isEmpty }.joined(separator: " · ")
                            }
                            el("p", .cls("muted")) {
                                [event.organizer, event.place].filter { !$0.isEmpty }.joined(separator: ", ")
                            }
                            el("p") {
                                el("span", .cls("badge badge-\(event.phase.badge)")) { event.phase.title }
                                " Записано: " + event.places + " "
                                if event.phase == .open {
                                    el("a", .cls("button primary"), .href(SiteURL.eventRegistrations(event.id).path)) {
                                        "Записаться"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
