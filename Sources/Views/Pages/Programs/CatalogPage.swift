import Domain
import Foundation

/// The public catalogue of agreed network programmes of the current year (issue 3).
public struct CatalogPage: Sendable {
    public struct Item: Sendable {
        public var title: String, center: String, kind: String, grades: String, hours: Int, form: String
        public var profile: String?, target: String?, summary: String?, teachers: [String]
        public init(
            title: String, center: String, kind: String, grades: String, hours: Int, form: String, profile: String?,
            target: String?, summary: String?, teachers: [String]
        ) {
            self.title = title
            self.center = center
            self.kind = kind
            self.grades = grades
            self.hours = hours
            self.form = form
            self.profile = profile
            self.target = target
            self.summary = summary
            self.teachers = teachers
        }
    }

    public var yearTitle: String?
    public var query: ListQuery
    public var centers: [(value: String, title: String)]
    public var items: [Item]
    public var total: Int

    public init(
        yearTitle: String?, query: ListQuery, centers: [(value: String, title: String)], items: [Item], total: Int
    ) {
        self.yearTitle = yearTitle
        self.query = query
        self.centers = centers
        self.items = items
        self.total = total
    }

    public static let mock = CatalogPage(
        yearTitle: "2026/2027", query: ListQuery(sort: "title"), centers: [],
        items: [
            Item(
                title: "Олимпиадная математика", center: "МБОУ «Гимназия № 2»", kind: "подготовка к олимпиаде",
                grades: "10–11", hours: 64, form: "очная", profile: nil, target: nil, summary: nil,
                teachers: ["Орлов Денис Андреевич"])
        ], total: 1)

    public func render(_ ctx: PageContext) -> String {
        var values = FormValues(single: query.filters)
        values["q"] = query.q
        let filters = [
            FieldSpec("q", "Поиск", .text("search")),
            FieldSpec(
                "profile", "Профиль",
                .select(StudyProfile.allCases.map { ($0.rawValue, $0.title) }, empty: "Все профили")),
            FieldSpec("organization", "Ресурсный центр", .select(centers, empty: "Все центры")),
            FieldSpec("grade", "Класс", .select((5...11).map { (String($0), "\($0) класс") }, empty: "Любой")),
            FieldSpec("form", "Форма", .select(StudyForm.allCases.map { ($0.rawValue, $0.title) }, empty: "Любая")),
        ]
        return Layout.page(
            ctx, title: "Каталог сетевых программ",
            crumbs: [Crumb("Сеть", SiteURL.home.path), Crumb("Каталог программ")]
        ) {
            el("h1") { "Каталог сетевых программ" + (yearTitle.map { " на \($0) учебный год" } ?? "") }
            el("p", .cls("muted")) {
                "Программы ресурсных центров, согласованные координационно-методическим центром. Запись — через школу "
                    + "или КМЦ."
            }
            el(
                "form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.catalog.path),
                Attr("role", "search")
            ) {
                for filter in filters { filter.render(values: values, errors: FieldErrors()) }
                el("button", .type("submit")) { "Найти" }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(total, "программа", "программы", "программ") }
            if items.isEmpty { UI.empty("Программ с такими условиями нет.") }
            el("div", .cls("cards")) {
                for program in items {
                    el("div", .cls("panel")) {
                        el("h3") { program.title }
                        el("p") { el("strong") { program.center } }
                        el("p", .cls("muted")) {
                            "\(program.kind); \(program.grades) классы; \(RussianPlural.count(program.hours, "час", "часа", "часов")); "
                                + "форма — \(program.form)"
                        }
                        if let profile = program.profile { el("p") { "Профиль: " + profile } }
                        if let target = program.target { el("p") { target } }
                        if let summary = program.summary { el("p") { summary } }
                        if !program.teachers.isEmpty {
                            el("p", .cls("muted")) { "Педагоги: " + program.teachers.joined(separator: ", ") }
                        }
                    }
                }
            }
            UI.pagination(query, total: total, base: .catalog)
        }
    }
}
