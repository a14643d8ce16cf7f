import Domain
import Foundation

/// The rounds of teachers' financial support by year, and the administrator's form for a new one (issue 23, item 3).
public struct AwardRoundsPage: Sendable {
    /// One year's round.
    public struct Row: Sendable {
        public var id: UUID
        /// The academic year, «2026/2027».
        public var year: String
        public var budget: Int
        public var assigned: Int
        public var teachers: Int
        public var isApproved: Bool
        /// A round's line in the list.
        public init(id: UUID, year: String, budget: Int, assigned: Int, teachers: Int, isApproved: Bool) {
            self.id = id
            self.year = year
            self.budget = budget
            self.assigned = assigned
            self.teachers = teachers
            self.isApproved = isApproved
        }
    }

    public var rows: [Row]
    public var canCreate: Bool
    /// The academic years a new round may be for: id and «2026/2027», newest first.
    public var years: [(value: String, title: String)]
    public var values: FormValues
    public var errors: FieldErrors

    /// The page's data.
    public init(
        rows: [Row], canCreate: Bool, years: [(value: String, title: String)], values: FormValues, errors: FieldErrors
    ) {
        self.rows = rows
        self.canCreate = canCreate
        self.years = years
        self.values = values
        self.errors = errors
    }

    /// A made-up page.
    public static let mock = AwardRoundsPage(
        rows: [
            Row(
                id: MockID.of(0x2501), year: "2025/2026", budget: 111_000, assigned: 95_000, teachers: 6,
                isApproved: true)
        ],
        canCreate: true, years: [("2026", "2026/2027"), ("2025", "2025/2026")],
        values: FormValues(single: [
            "year": "2026", "budget": "111000", "minimumYears": "3", "amountMin": "5000", "amountMax": "30000",
        ]), errors: FieldErrors())

    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: AwardWords.title) {
            el("h1") { AwardWords.title }
            el("p", .cls("muted")) { AwardWords.intro }
            if rows.isEmpty {
                UI.empty(AwardWords.empty)
            } else {
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") {
                            for column in ["Учебный год", "Бюджет", "Назначено", "Педагогов", "Состояние"] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td", Attr("data-label", "Учебный год")) {
                                    el("a", .href(SiteURL.award(row.id).path)) { row.year }
                                }
                                el("td", Attr("data-label", "Бюджет")) { AwardWords.rubles(row.budget) }
                                el("td", Attr("data-label", "Назначено")) { AwardWords.rubles(row.assigned) }
                                el("td", Attr("data-label", "Педагогов")) { String(row.teachers) }
                                el("td", Attr("data-label", "Состояние")) {
                                    el("span", .cls(row.isApproved ? "badge badge-plan-done" : "badge badge-active")) {
                                        row.isApproved ? AwardWords.approvedState : AwardWords.draftState
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if canCreate {
                el("h2") { AwardWords.newRound }
                el("form", Attr("method", "post"), Attr("action", SiteURL.awards.path), .cls("panel")) {
                    Layout.csrf(ctx)
                    UI.selectField(
                        "year", AwardWords.Field.year, options: years, selected: values["year"], errors: errors,
                        required: true)
                    UI.textField(
                        "budget", AwardWords.Field.budget, value: values["budget"], errors: errors, type: "number",
                        required: true)
                    UI.textField(
                        "minimumYears", AwardWords.Field.minimumYears, value: values["minimumYears"], errors: errors,
                        type: "number",
                        required: true)
                    UI.textField(
                        "amountMin", AwardWords.Field.amountMin, value: values["amountMin"], errors: errors,
                        type: "number",
                        required: true)
                    UI.textField(
                        "amountMax", AwardWords.Field.amountMax, value: values["amountMax"], errors: errors,
                        type: "number",
                        required: true)
                    UI.submit("Создать распределение")
                }
            }
        }
    }
}

/// One year's round: the rule, the budget and what is left, the network's teachers with the facts behind eligibility
/// and the amounts the КМЦ assigns.
public struct AwardRoundPage: Sendable {
    /// A teacher of the network.
    public struct Teacher: Sendable {
        public var id: UUID
        public var name: String
        public var places: String
        public var years: Int
        public var groups: Int
        public var hours: Int
        public var certificates: Int
        public var achievements: Int
        public var isEligible: Bool
        public var amount: Int?
        public var gratitude: Bool
        /// No longer working (archived), shown while they have a line.
        public var isArchived: Bool
        /// A teacher's line.
        public init(
            id: UUID, name: String, places: String, years: Int, groups: Int, hours: Int, certificates: Int,
            achievements: Int, isEligible: Bool, amount: Int?, gratitude: Bool, isArchived: Bool = false
        ) {
            self.id = id
            self.name = name
            self.places = places
            self.years = years
            self.groups = groups
            self.hours = hours
            self.certificates = certificates
            self.achievements = achievements
            self.isEligible = isEligible
            self.amount = amount
            self.gratitude = gratitude
            self.isArchived = isArchived
        }
    }

    public var id: UUID
    /// The academic year, «2026/2027».
    public var year: String
    public var rule: AwardRule
    public var version: Int
    public var isApproved: Bool
    public var teachers: [Teacher]
    public var canEdit: Bool
    public var canApprove: Bool
    /// The academic year whose order on financial support an approved round may draft, when the user drafts orders.
    public var orderYear: UUID?
    /// Amounts as typed (after a refused save) by field name.
    public var values: FormValues
    public var errors: FieldErrors
    /// Problems of the whole round (the budget).
    public var warnings: [String]

    /// The page's data.
    public init(
        id: UUID, year: String, rule: AwardRule, version: Int, isApproved: Bool, teachers: [Teacher], canEdit: Bool,
        canApprove: Bool, orderYear: UUID? = nil, values: FormValues, errors: FieldErrors, warnings: [String]
    ) {
        self.id = id
        self.year = year
        self.rule = rule
        self.version = version
        self.isApproved = isApproved
        self.teachers = teachers
        self.canEdit = canEdit
        self.canApprove = canApprove
        self.orderYear = orderYear
        self.values = values
        self.errors = errors
        self.warnings = warnings
    }

    /// A made-up page.
    public static let mock = AwardRoundPage(
        id: MockID.of(0x2501), year: "2026/2027", rule: AwardRule(budget: 111_000), version: 2, isApproved: false,
        teachers: [
            Teacher(
                id: MockID.of(0x2502), name: "Соколова Анна Ивановна", places: "МБОУ «Лицей № 1»", years: 4,
                groups: 6, hours: 410, certificates: 52, achievements: 7, isEligible: true, amount: 25_000,
                gratitude: false),
            Teacher(
                id: MockID.of(0x2503), name: "Орлов Пётр Сергеевич", places: "МБОУ «Гимназия № 2»", years: 2, groups: 3,
                hours: 140, certificates: 18, achievements: 1, isEligible: false, amount: nil, gratitude: true),
        ], canEdit: true, canApprove: true, values: FormValues(), errors: FieldErrors(), warnings: [])

    /// The amounts assigned.
    public var assigned: Int { teachers.compactMap(\.amount).reduce(0, +) }

    /// The question before approving: what is approved and that it does not change after.
    public func approval() -> ConfirmPage {
        let amounts = teachers.filter { $0.amount != nil }.count
        return ConfirmPage(
            title: AwardWords.approveButton,
            question: "Утвердить распределение на " + AwardWords.yearTitle(year) + ": "
                + RussianPlural.count(amounts, "педагог", "педагога", "педагогов") + ", "
                + AwardWords.rubles(assigned) + " из " + AwardWords.rubles(rule.budget) + "?",
            consequence: AwardWords.approveConsequence, action: SiteURL.awardApprove(id).path,
            button: AwardWords.approveButton, cancelURL: SiteURL.award(id).path,
            crumbs: [
                Crumb(AwardWords.title, SiteURL.awards.path), Crumb(AwardWords.yearTitle(year), SiteURL.award(id).path),
            ], version: version)
    }

    /// The field of a teacher's amount and gratitude.
    public static func amountField(_ id: UUID) -> String { "amount-" + id.uuidString.lowercased() }
    public static func gratitudeField(_ id: UUID) -> String { "gratitude-" + id.uuidString.lowercased() }

    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String {
        let title = AwardWords.title + ": " + AwardWords.yearTitle(year)
        return Layout.page(
            ctx, title: title,
            crumbs: [Crumb(AwardWords.title, SiteURL.awards.path), Crumb(AwardWords.yearTitle(year))]
        ) {
            el("h1") { title }
            el("dl", .cls("facts")) {
                el("dt") { "Бюджет" }
                el("dd") { AwardWords.rubles(rule.budget) }
                el("dt") { "Назначено" }
                el("dd") { AwardWords.rubles(assigned) }
                el("dt") { "Остаток" }
                el("dd") { AwardWords.rubles(rule.budget - assigned) }
                el("dt") { "Право на поддержку" }
                el("dd") {
                    "не меньше \(RussianPlural.count(rule.minimumYears, "года", "лет", "лет")) в сети; сумма от "
                        + AwardWords.rubles(rule.amounts.lowerBound) + " до "
                        + AwardWords.rubles(rule.amounts.upperBound)
                }
                el("dt") { "Состояние" }
                el("dd") { isApproved ? AwardWords.approvedState : AwardWords.draftState + ": КМЦ назначает суммы" }
            }
            for warning in warnings { el("p", .cls("warning")) { warning } }
            el("p", .cls("muted")) {
                "Лет в сети — учебные годы, в которых педагог провёл занятия сетевых групп; часы — по журналу; "
                    + "сертификаты — выданные ученикам его групп; достижения — учеников, которых он подготовил."
            }
            el("form", Attr("method", "post"), Attr("action", SiteURL.award(id).path)) {
                Layout.csrf(ctx)
                el("input", .type("hidden"), .name("version"), .value(values["version"] ?? String(version)))
                el("table", .cls("list stack wrap-heads")) {
                    el("thead") {
                        el("tr") {
                            for column in [
                                "Педагог", "Место работы", "Лет в сети", "Групп / часов", "Сертификаты",
                                "Достижения", "Сумма, ₽", "Благодарность",
                            ] {
                                el("th") { column }
                            }
                        }
                    }
                    el("tbody") {
                        for teacher in teachers { row(teacher) }
                    }
                }
                if canEdit && !isApproved { UI.submit("Сохранить суммы") }
            }
            if canApprove && !isApproved {
                el("p", .cls("actions")) {
                    el("a", .cls("button"), .href(SiteURL.awardApprove(id).path)) { AwardWords.approveButton }
                }
            }
            if let orderYear {
                el(
                    "form", Attr("method", "post"), Attr("action", SiteURL.orders.path + "/new"), .cls("actions")
                ) {
                    Layout.csrf(ctx)
                    el("input", .type("hidden"), .name("kind"), .value(OrderKind.support.rawValue))
                    el("input", .type("hidden"), .name("year"), .value(orderYear.uuidString.lowercased()))
                    el("p", .cls("muted")) { AwardWords.orderHint }
                    el("button", .type("submit")) { AwardWords.draftOrder }
                }
            }
        }
    }

    func row(_ teacher: Teacher) -> Node {
        let amountName = Self.amountField(teacher.id)
        let error = errors[amountName]
        return el("tr", .cls(teacher.isEligible ? "" : "muted")) {
            el("td", Attr("data-label", "Педагог")) {
                el("a", .href(SiteURL.record(.staff, teacher.id).path)) { teacher.name }
                if teacher.isArchived {
                    " "
                    el("span", .cls("badge badge-archived")) { AwardWords.archived }
                }
            }
            el("td", Attr("data-label", "Место работы")) { teacher.places }
            el("td", Attr("data-label", "Лет в сети")) { String(teacher.years) }
            el("td", Attr("data-label", "Групп / часов")) { "\(teacher.groups) / \(teacher.hours)" }
            el("td", Attr("data-label", "Сертификаты")) { String(teacher.certificates) }
            el("td", Attr("data-label", "Достижения")) { String(teacher.achievements) }
            el("td", Attr("data-label", "Сумма, ₽")) {
                if canEdit && !isApproved && teacher.isEligible {
                    el(
                        "input", .type("number"), .name(amountName), .id(amountName), .cls("amount"),
                        .value(values[amountName] ?? teacher.amount.map(String.init)),
                        Attr("aria-label", "Сумма: " + teacher.name),
                        Attr("aria-invalid", error == nil ? nil : "true"))
                    if let error { el("p", .cls("error"), .id(amountName + "-error")) { error } }
                } else {
                    teacher.amount.map(AwardWords.rubles) ?? (teacher.isEligible ? "—" : "нет права")
                    if let error { el("p", .cls("error"), .id(amountName + "-error")) { error } }
                }
            }
            el("td", Attr("data-label", "Благодарность")) {
                if canEdit && !isApproved {
                    el(
                        "input", .type("checkbox"), .name(Self.gratitudeField(teacher.id)), .value("yes"),
                        Attr("aria-label", "Благодарность: " + teacher.name),
                        .flag(
                            "checked",
                            values.values.isEmpty ? teacher.gratitude : values[Self.gratitudeField(teacher.id)] == "yes"
                        ))
                } else {
                    teacher.gratitude ? "да" : ""
                }
            }
        }
    }
}
