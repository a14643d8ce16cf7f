import Domain
import Foundation

/// A student's databank card: why they are in it, their achievements over the years, the network courses taken, the
/// mentor and the support received.
public struct GiftedCardPage: Sendable {
    /// An achievement of the student.
    public struct Achievement: Sendable {
        public var year: String
        public var edition: String
        public var subject: String
        public var result: String
        /// An achievement's line.
        public init(year: String, edition: String, subject: String, result: String) {
            self.year = year
            self.edition = edition
            self.subject = subject
            self.result = result
        }
    }

    /// A network course the student took.
    public struct Course: Sendable {
        public var year: String
        public var program: String
        public var group: String
        public var status: String
        /// A course's line.
        public init(year: String, program: String, group: String, status: String) {
            self.year = year
            self.program = program
            self.group = group
            self.status = status
        }
    }

    public var studentID: UUID
    public var name: String
    public var school: String
    public var grade: Int
    public var basis: [String]
    public var achievements: [Achievement]
    public var courses: [Course]
    /// The support received, newest first.
    public var support: [SupportLine]
    /// The student's individual routes by year: «2026/2027 — выполнено 1 из 4» and the route's page.
    public var routes: [(title: String, url: String)]
    /// The mentor named in the newest route that names one, with its year: «Петрова Нина Сергеевна (2026/2027)».
    public var mentor: String?
    /// The КМЦ's decision may be removed by the reader.
    public var canRemoveDecision: Bool

    /// The card's data.
    public init(
        studentID: UUID, name: String, school: String, grade: Int, basis: [String], achievements: [Achievement],
        courses: [Course], support: [SupportLine] = [], routes: [(title: String, url: String)] = [],
        mentor: String? = nil, canRemoveDecision: Bool
    ) {
        self.studentID = studentID
        self.name = name
        self.school = school
        self.grade = grade
        self.basis = basis
        self.achievements = achievements
        self.courses = courses
        self.support = support
        self.routes = routes
        self.mentor = mentor
        self.canRemoveDecision = canRemoveDecision
    }

    /// A made-up card.
    public static let mock = GiftedCardPage(
        studentID: MockID.of(0x2191), name: "Лебедева Ольга Ивановна", school: "МБОУ «СОШ № 1»", grade: 10,
        basis: ["по достижениям", "по решению КМЦ: призёр регионального конкурса (kmc, 12.12.2025)"],
        achievements: [
            Achievement(
                year: "2025/2026", edition: "Всероссийская олимпиада школьников — муниципальный этап, 2025/2026",
                subject: "математика", result: "победитель, 48 баллов")
        ],
        courses: [
            Course(year: "2025/2026", program: "Олимпиадная математика", group: "Математика-10", status: "учится")
        ],
        support: [SupportLine.mock], routes: [("2026/2027 — выполнено 1 из 4", "/routes/x")],
        mentor: "Петрова Нина Сергеевна (2026/2027)", canRemoveDecision: true)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(
            ctx, title: name,
            crumbs: [Crumb(MenuArea.registry(.gifted).title, SiteURL.list(.gifted).path), Crumb(name)]
        ) {
            el("h1") { name }
            if canRemoveDecision {
                el("div", .cls("actions")) {
                    el("a", .cls("button"), .href(GiftedPaths.decisionDelete(studentID))) { "Снять решение КМЦ" }
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (label, value) in [
                        ("Школа", school), ("Класс", String(grade)), ("В банке данных", basis.joined(separator: "; ")),
                        ("Наставник", mentor ?? "не назначен: его называет индивидуальный маршрут"),
                        (
                            "Лауреат, стипендиат",
                            support.filter { $0.status == .awarded }.map(\.mark).joined(separator: "; ")
                        ),
                    ] where !value.isEmpty {
                        el("dt") { label }
                        el("dd") { value }
                    }
                }
            }
            el("h2") { "Достижения по годам" }
            if achievements.isEmpty { UI.empty("Достижений нет.") }
            el("table", .cls("list")) {
                el("thead") {
                    el("tr") {
                        for column in ["Учебный год", "Олимпиада или конкурс", "Предмет или номинация", "Результат"] {
                            el("th") { column }
                        }
                    }
                }
                el("tbody") {
                    for item in achievements {
                        el("tr") {
                            el("td") { item.year }
                            el("td") { item.edition }
                            el("td") { item.subject.isEmpty ? "—" : item.subject }
                            el("td") { item.result }
                        }
                    }
                }
            }
            el("h2") { "Курсы сети" }
            if courses.isEmpty {
                UI.empty("Сетевых курсов нет.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for column in ["Учебный год", "Программа", "Группа", "Состояние"] { el("th") { column } }
                        }
                    }
                    el("tbody") {
                        for course in courses {
                            el("tr") {
                                el("td") { course.year }
                                el("td") { course.program }
                                el("td") { course.group }
                                el("td") { course.status }
                            }
                        }
                    }
                }
            }
            el("h2") { "Индивидуальный маршрут" }
            if routes.isEmpty {
                UI.empty("Маршрута нет: его составляет школа обучающегося.")
            } else {
                el("ul") { for route in routes { el("li") { el("a", .href(route.url)) { route.title } } } }
            }
            el("h2") { "Меры поддержки" }
            if support.isEmpty {
                UI.empty("Мер поддержки не назначалось.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for column in ["Учебный год", "Мера", "Сумма", "Основание", "Приказ"] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for line in support {
                            el("tr") {
                                el("td") { line.year }
                                el("td") {
                                    el("a", .href(SiteURL.record(.support, line.id).path)) {
                                        line.details.isEmpty ? line.kind.title : "\(line.kind.title) (\(line.details))"
                                    }
                                }
                                el("td") { line.sum }
                                el("td") { line.basis }
                                el("td") { line.status == .awarded ? line.decree : line.status.title }
                            }
                        }
                    }
                }
            }
        }
    }
}
