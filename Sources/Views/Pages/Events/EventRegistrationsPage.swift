import Domain
import Foundation

/// An event's registrations (issue 23, item 1): a parent registers a child, a teacher or a parent themselves; one's own
/// registrations with a way to cancel them; for the organiser, the list of participants with their attendance.
public struct EventRegistrationsPage: Sendable {
    /// A registration of the user's own (themselves or a child).
    public struct Mine: Sendable {
        public var id: UUID
        public var name: String
        public var mayCancel: Bool
        /// A registration of one's own.
        public init(id: UUID, name: String, mayCancel: Bool) {
            self.id = id
            self.name = name
            self.mayCancel = mayCancel
        }
    }

    /// A participant as the organiser sees them.
    public struct Participant: Sendable {
        public var id: UUID
        public var name: String
        public var organization: String
        public var registeredAt: String
        public var attended: Bool?
        /// A participant row.
        public init(id: UUID, name: String, organization: String, registeredAt: String, attended: Bool?) {
            self.id = id
            self.name = name
            self.organization = organization
            self.registeredAt = registeredAt
            self.attended = attended
        }
    }

    public var summary: EventSummary
    /// Whom the user may register now (`who`: «self» or «student:<id>»).
    public var choices: [(value: String, title: String)]
    /// Why no one can be registered now (shown instead of the form), or nil.
    public var closed: String?
    public var mine: [Mine]
    /// Everyone registered, for those who may see them (nil: not shown).
    public var participants: [Participant]?
    public var canMark: Bool
    public var errors: FieldErrors

    /// The page's data.
    public init(
        summary: EventSummary, choices: [(value: String, title: String)], closed: String?, mine: [Mine],
        participants: [Participant]?, canMark: Bool, errors: FieldErrors = FieldErrors()
    ) {
        self.summary = summary
        self.choices = choices
        self.closed = closed
        self.mine = mine
        self.participants = participants
        self.canMark = canMark
        self.errors = errors
    }

    /// A made-up page: a parent of two who registered one of them.
    public static let mock = EventRegistrationsPage(
        summary: .mock, choices: [("student:" + MockID.of(0x2303).uuidString.lowercased(), "Соколова Мария")],
        closed: nil, mine: [Mine(id: MockID.of(0x2304), name: "Соколов Пётр", mayCancel: true)],
        participants: [
            Participant(
                id: MockID.of(0x2304), name: "Соколов Пётр", organization: "МБОУ «СОШ № 3»",
                registeredAt: "01.03.2027", attended: nil)
        ], canMark: true)

    var base: String { SiteURL.eventRegistrations(summary.id).path }

    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String {
        Layout.page(
            ctx, title: "Запись: " + summary.title,
            crumbs: [
                Crumb(MenuArea.registry(.events).title, SiteURL.list(.events).path),
                Crumb(summary.title, SiteURL.record(.events, summary.id).path), Crumb("Запись"),
            ]
        ) {
            el("h1") { summary.title }
            el("p", .cls("muted")) {
                [summary.kind.title, summary.dates, summary.hours, summary.place, summary.audience.forWhom]
                    .filter { !$0.isEmpty }.joined(separator: " · ")
            }
            el("p") {
                "Записано: " + summary.places + " "
                el("span", .cls("badge badge-\(summary.phase.badge)")) { summary.phase.title }
            }
            // A held event takes no registrations: only its participants are left to see.
            if summary.phase != .held { el("h2") { "Записаться" } }
            UI.formError(errors["form"])
            if summary.phase == .held {
            } else if let closed {
                UI.empty(closed)
            } else if choices.isEmpty {
                UI.empty("Записывать некого: все, кого вы можете записать, уже записаны.")
            } else {
                el("form", Attr("method", "post"), Attr("action", base), .cls("panel")) {
                    Layout.csrf(ctx)
                    UI.selectField(
                        "who", "Кого записать", options: choices, selected: choices.count == 1 ? choices[0].value : nil,
                        errors: errors, required: true, includeEmpty: choices.count == 1 ? nil : "Выберите")
                    UI.submit("Записать")
                }
            }
            if !mine.isEmpty {
                el("h2") { "Мои записи" }
                el("ul") {
                    for one in mine {
                        el("li") {
                            one.name + " "
                            if one.mayCancel {
                                el("a", .cls("button"), .href(base + "/\(one.id.uuidString.lowercased())/cancel")) {
                                    "Отменить запись"
                                }
                            }
                        }
                    }
                }
            }
            if let participants { participantsNode(participants, ctx) }
        }
    }

    func participantsNode(_ participants: [Participant], _ ctx: PageContext) -> Node {
        fragment {
            el("h2") { "Участники (\(participants.count))" }
            if participants.isEmpty {
                UI.empty("Пока никто не записан.")
            } else {
                el("form", Attr("method", "post"), Attr("action", SiteURL.eventAttendance(summary.id).path)) {
                    Layout.csrf(ctx)
                    el("table", .cls("list stack")) {
                        el("thead") {
                            el("tr") {
                                el("th") { "№" }
                                el("th") { "Участник" }
                                el("th") { "Организация" }
                                el("th") { "Дата записи" }
                                el("th") { "Присутствие" }
                            }
                        }
                        el("tbody") {
                            for (index, one) in participants.enumerated() {
                                el("tr") {
                                    el("td", Attr("data-label", "№")) { String(index + 1) }
                                    el("td", Attr("data-label", "Участник")) { one.name }
                                    el("td", Attr("data-label", "Организация")) {
                                        one.organization.isEmpty ? "—" : one.organization
                                    }
                                    el("td", Attr("data-label", "Дата записи")) { one.registeredAt }
                                    el("td", Attr("data-label", "Присутствие")) { attendedNode(one) }
                                }
                            }
                        }
                    }
                    if canMark { UI.submit("Сохранить посещаемость") }
                }
            }
        }
    }

    func attendedNode(_ one: Participant) -> Node {
        let label = "Присутствовал: " + one.name
        if canMark {
            return el(
                "input", .type("checkbox"), .name("attended"), .value(one.id.uuidString.lowercased()),
                Attr("aria-label", label), .flag("checked", one.attended == true))
        }
        return .text(one.attended.map(EventWords.yesNo) ?? "не отмечено")
    }
}
