import Domain
import Foundation

/// «Мои дети»: what a guardian sees of each child — school, grade, network courses, consent — and what they can do.
public struct ChildrenPage: Sendable {
    public struct Child: Sendable {
        public var name: String
        public var facts: [(String, String)]
        public var courses: RegistryCard.Section
        public var consent: String
        public var consentWithdrawn: Bool
        /// Where the child's record continues: the week, progress and applications.
        public var links: [(title: String, url: String)]
        public var actions: [(title: String, url: String)]
        /// The child's achievements in olympiads and contests.
        public var achievements: RegistryCard.Section?
        public init(
            name: String, facts: [(String, String)], courses: RegistryCard.Section, consent: String,
            consentWithdrawn: Bool, links: [(title: String, url: String)] = [],
            actions: [(title: String, url: String)], achievements: RegistryCard.Section? = nil
        ) {
            self.achievements = achievements
            self.links = links
            self.name = name
            self.facts = facts
            self.courses = courses
            self.consent = consent
            self.consentWithdrawn = consentWithdrawn
            self.actions = actions
        }
    }
    public var children: [Child]
    public init(children: [Child]) { self.children = children }

    public static let mock = ChildrenPage(children: [
        Child(
            name: "Ёлкин Артём Ильич", facts: [("Школа", "МБОУ «СОШ № 1»"), ("Класс", "10А")],
            courses: RegistryCard.Section(
                title: "Сетевые курсы", columns: ["Курс"], rows: [[.text("Математика")]], emptyText: ""),
            consent: "дано 01.09.2025", consentWithdrawn: false,
            links: StudentRecordLinks.links(studentID: MockID.of(0x1901), applicationsURL: SiteURL.applications.path),
            actions: [("Отозвать согласие…", "/children/x/consent")])
    ])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Мои дети", crumbs: [Crumb("Мои дети")]) {
            el("h1") { "Мои дети" }
            if children.isEmpty {
                UI.empty(
                    "К вашей учётной записи не привязан ни один ребёнок. Введите код приглашения, который выдала школа."
                )
            }
            for child in children {
                el("section", .cls("panel")) {
                    el("h2") { child.name }
                    el("dl", .cls("facts")) {
                        for (label, value) in child.facts {
                            el("dt") { label }
                            el("dd") { value }
                        }
                        el("dt") { "Согласие на обработку персональных данных" }
                        el("dd") {
                            if child.consentWithdrawn {
                                el("span", .cls("badge badge-expired")) { child.consent }
                            } else {
                                child.consent
                            }
                        }
                    }
                    if !child.links.isEmpty {
                        el("ul", .cls("record-links")) {
                            for link in child.links { el("li") { el("a", .href(link.url)) { link.title } } }
                        }
                    }
                    child.courses.node
                    if let achievements = child.achievements { achievements.node }
                    if !child.actions.isEmpty {
                        el("div", .cls("actions")) {
                            for action in child.actions { el("a", .cls("button"), .href(action.url)) { action.title } }
                        }
                    }
                }
            }
            el("p") { el("a", .href(SiteURL.invite.path)) { "У меня есть код приглашения для ещё одного ребёнка" } }
        }
    }
}
