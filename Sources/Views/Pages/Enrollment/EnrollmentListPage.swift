import Domain
import Foundation

/// A КМЦ list for a group: its students, the search to add more (bulk, by school and grade), and the actions of
/// the coordinator (send) and of the centre (accept, return with a comment).
public struct EnrollmentListPage: Sendable {
    public struct Item: Sendable {
        public var name: String, school: String, grade: String, note: String?, removeURL: String?
        public init(name: String, school: String, grade: String, note: String?, removeURL: String?) {
            self.name = name
            self.school = school
            self.grade = grade
            self.note = note
            self.removeURL = removeURL
        }
    }
    public struct Candidate: Sendable {
        public var id: String, name: String, school: String, grade: String, note: String?
        public init(id: String, name: String, school: String, grade: String, note: String?) {
            self.id = id
            self.name = name
            self.school = school
            self.grade = grade
            self.note = note
        }
    }
    public var url: String
    public var title: String
    public var facts: [(String, String)]
    public var warnings: [String]
    public var items: [Item]
    public var editable: Bool
    public var canSend: Bool
    public var canDecide: Bool
    public var query: ListQuery
    public var schools: [(value: String, title: String)]
    public var candidates: [Candidate]
    public var candidatesTotal: Int

    public init(
        url: String, title: String, facts: [(String, String)], warnings: [String], items: [Item], editable: Bool,
        canSend: Bool,
        canDecide: Bool, query: ListQuery, schools: [(value: String, title: String)], candidates: [Candidate],
        candidatesTotal: Int
    ) {
        self.url = url
        self.title = title
        self.facts = facts
        self.warnings = warnings
        self.items = items
        self.editable = editable
        self.canSend = canSend
        self.canDecide = canDecide
        self.query = query
        self.schools = schools
        self.candidates = candidates
        self.candidatesTotal = candidatesTotal
    }

    public static let mock = EnrollmentListPage(
        url: "/lists/00000000-0000-0000-0000-000000000001", title: "Список КМЦ — Информатика-10",
        facts: [("Группа", "Информатика-10"), ("Свободных мест", "3"), ("Состояние", "черновик")],
        warnings: ["Мест меньше, чем учащихся в списке: 4 на 3 места."],
        items: [
            Item(
                name: "Ёлкин Артём Ильич", school: "СОШ № 1", grade: "10А", note: nil,
                removeURL: "/lists/00000000-0000-0000-0000-000000000001/items/1/remove")
        ],
        editable: true, canSend: true, canDecide: false,
        query: ListQuery(filters: ["school": "", "grade": "10"], sort: "name"),
        schools: [(value: "00000000-0000-0000-0000-0000000000a1", title: "СОШ № 1")],
        candidates: [
            Candidate(
                id: "00000000-0000-0000-0000-0000000000b1", name: "Берестова Алина Игоревна", school: "СОШ № 1",
                grade: "10А", note: "уже в списке")
        ],
        candidatesTotal: 1)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: [Crumb("Списки КМЦ", SiteURL.lists.path), Crumb(title)]) {
            el("h1") { title }
            for w in warnings { el("div", .cls("warning"), Attr("role", "status")) { w } }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (k, v) in facts {
                        el("dt") { k }
                        el("dd") { v }
                    }
                }
            }
            el("div", .cls("actions")) {
                if canSend {
                    el("form", Attr("method", "post"), Attr("action", url + "/send"), .cls("inline")) {
                        Layout.csrf(ctx)
                        el("button", .type("submit"), .cls("primary")) { "Отправить в ресурсный центр" }
                    }
                }
                if canDecide {
                    el("form", Attr("method", "post"), Attr("action", url + "/accept"), .cls("inline")) {
                        Layout.csrf(ctx)
                        el("button", .type("submit"), .cls("primary")) { "Принять список и зачислить" }
                    }
                    el("a", .cls("button"), .href(url + "/return")) { "Вернуть в КМЦ…" }
                }
            }
            el("h2") { "В списке (\(items.count))" }
            if items.isEmpty {
                UI.empty(editable ? "Список пуст: найдите обучающихся ниже и добавьте их." : "Список пуст.")
            } else {
                el("table", .cls("list"), .id("list-items")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Обучающийся" }
                            el("th") { "Школа" }
                            el("th") { "Класс" }
                            el("th") { "Отметка" }
                            el("th") { "" }
                        }
                    }
                    el("tbody") {
                        for i in items {
                            el("tr") {
                                el("td") { i.name }
                                el("td") { i.school }
                                el("td") { i.grade }
                                el("td") { i.note ?? "" }
                                el("td") {
                                    if let r = i.removeURL {
                                        el("form", Attr("method", "post"), Attr("action", r), .cls("inline")) {
                                            Layout.csrf(ctx)
                                            el("button", .type("submit"), .cls("link")) { "Убрать" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if editable {
                el("h2") { "Добавить обучающихся" }
                el("form", .cls("filters"), Attr("method", "get"), Attr("action", url), Attr("role", "search")) {
                    UI.textField("q", "Фамилия, имя", value: query.q, errors: FieldErrors(), type: "search")
                    UI.selectField(
                        "school", "Школа", options: schools, selected: query.filters["school"], errors: FieldErrors(),
                        includeEmpty: "Все школы")
                    UI.selectField(
                        "grade", "Класс", options: (1...11).map { (String($0), "\($0) класс") },
                        selected: query.filters["grade"],
                        errors: FieldErrors(), includeEmpty: "Все классы")
                    UI.submit("Найти")
                }
                if candidates.isEmpty {
                    UI.empty("Никого не найдено: уточните фамилию, школу или класс.")
                } else {
                    el("form", Attr("method", "post"), Attr("action", url + "/add")) {
                        Layout.csrf(ctx)
                        el("table", .cls("list"), .id("candidates")) {
                            el("thead") {
                                el("tr") {
                                    el("th") { "" }
                                    el("th") { "Обучающийся" }
                                    el("th") { "Школа" }
                                    el("th") { "Класс" }
                                    el("th") { "" }
                                }
                            }
                            el("tbody") {
                                for c in candidates {
                                    el("tr") {
                                        el("td") {
                                            if c.note == nil {
                                                el(
                                                    "input", .type("checkbox"), .name("student"), .value(c.id),
                                                    .id("s-\(c.id)"), Attr("aria-label", c.name))
                                            }
                                        }
                                        el("td") { el("label", .for("s-\(c.id)")) { c.name } }
                                        el("td") { c.school }
                                        el("td") { c.grade }
                                        el("td") { c.note ?? "" }
                                    }
                                }
                            }
                        }
                        if candidatesTotal > candidates.count {
                            el("p", .cls("muted")) {
                                "Показаны первые \(candidates.count) из \(candidatesTotal): уточните поиск."
                            }
                        }
                        el("div", .cls("actions")) { UI.submit("Добавить выбранных") }
                    }
                }
            }
        }
    }
}
