import Domain
import Foundation

/// A measure's form: a new one for a chosen student (found by a search when none is chosen), or a proposed one
/// changed. The fields of a stipend and a trip are grouped; those of another kind are ignored.
public struct SupportFormPage: Sendable {
    public var q: String
    /// Students found by the search: id and «Фамилия Имя Отчество, 10 класс, школа».
    public var found: [(id: UUID, title: String)]
    /// The student the measure is for, with their points for the year («13 баллов: …»).
    public var student: (id: UUID, title: String, points: String)?
    public var years: [(value: String, title: String)]
    public var values: FormValues
    public var errors: FieldErrors
    /// The measure being changed, with its version (nil: a new one).
    public var editing: (id: UUID, version: Int)?
    /// A conflict with another change, shown above the form.
    public var conflict: String?

    /// The page's data.
    public init(
        q: String, found: [(id: UUID, title: String)], student: (id: UUID, title: String, points: String)?,
        years: [(value: String, title: String)], values: FormValues, errors: FieldErrors = FieldErrors(),
        editing: (id: UUID, version: Int)? = nil, conflict: String? = nil
    ) {
        self.q = q
        self.found = found
        self.student = student
        self.years = years
        self.values = values
        self.errors = errors
        self.editing = editing
        self.conflict = conflict
    }

    /// A made-up form.
    public static let mock = SupportFormPage(
        q: "", found: [],
        student: (MockID.of(0x2191), "Лебедева Ольга Ивановна, 10 класс, МБОУ «СОШ № 1»", "13 баллов"),
        years: [("y1", "2026/2027")],
        values: FormValues(single: [
            "year": "y1", "kind": "stipend", "amount": "3000", "startsOn": "01.09.2026", "endsOn": "31.12.2026",
            "basis": "Победитель муниципального этапа ВсОШ по математике",
        ]))

    public func render(_ ctx: PageContext) -> String {
        let title = editing == nil ? SupportWords.newTitle : "Изменить меру поддержки"
        let path = editing.map { SupportPaths.edit($0.id) } ?? SiteURL.new(.support).path
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(SupportWords.title, SiteURL.list(.support).path), Crumb(title)]
        ) {
            el("h1") { title }
            if let student {
                UI.formError(conflict ?? (errors.isEmpty ? nil : SupportWords.notSaved))
                el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", path)) {
                    Layout.csrf(ctx)
                    UI.hidden("student", student.id.uuidString.lowercased())
                    if let editing { UI.hidden("version", String(editing.version)) }
                    el("p") {
                        el("strong") { student.title }
                        " — " + student.points
                    }
                    for field in [
                        FieldSpec(
                            "year", SupportWords.Field.year, .select(years, empty: "— выберите —"), required: true),
                        FieldSpec(
                            "kind", SupportWords.Field.kind,
                            .select(SupportKind.allCases.map { ($0.rawValue, $0.title) }, empty: "— выберите —"),
                            required: true),
                        FieldSpec(
                            "amount", SupportWords.Field.amount, required: true, hint: SupportWords.Field.amountHint),
                        FieldSpec(
                            "basis", SupportWords.Field.basis, .textarea, required: true,
                            hint: SupportWords.Field.basisHint),
                    ] {
                        field.render(values: values, errors: errors)
                    }
                    el("fieldset") {
                        el("legend") { "Стипендия и поездка" }
                        FieldSpec("startsOn", SupportWords.Field.startsOn, .date).render(values: values, errors: errors)
                        FieldSpec("endsOn", SupportWords.Field.endsOn, .date).render(values: values, errors: errors)
                        FieldSpec("destination", SupportWords.Field.destination).render(values: values, errors: errors)
                        FieldSpec("event", SupportWords.Field.event).render(values: values, errors: errors)
                        FieldSpec("budgetLine", SupportWords.Field.budgetLine, hint: SupportWords.Field.budgetHint)
                            .render(values: values, errors: errors)
                    }
                    el("fieldset") {
                        el("legend") { "Приказ" }
                        el("p", .cls("hint")) { SupportWords.Field.decreeHint }
                        FieldSpec("decreeNumber", SupportWords.Field.decreeNumber).render(
                            values: values, errors: errors)
                        FieldSpec("decreeDay", SupportWords.Field.decreeDay, .date).render(
                            values: values, errors: errors)
                    }
                    el("div", .cls("actions")) {
                        UI.submit("Сохранить")
                        el("a", .href(editing.map { SiteURL.record(.support, $0.id).path } ?? SupportPaths.candidates))
                        {
                            "Отмена"
                        }
                    }
                }
            } else {
                UI.formError(errors["student"])
                el("p", .cls("muted")) {
                    el("a", .href(SupportPaths.candidates)) { "Или выберите из кандидатов по баллам" }
                }
                UI.studentSearch(
                    path: path, q: q, found: found, hint: "Фамилия и имя, от трёх букв",
                    nothingFound: "Никого не нашлось среди обучающихся с согласием на обработку данных.")
            }
        }
    }
}

/// The administrator's weights of achievement points: a number per level and result, and the years counted.
public struct SupportWeightsFormPage: Sendable {
    public var values: FormValues
    public var errors: FieldErrors

    /// The form's data.
    public init(values: FormValues, errors: FieldErrors = FieldErrors()) {
        self.values = values
        self.errors = errors
    }

    /// The form's values for weights.
    public static func values(_ points: SupportPoints) -> FormValues {
        var single = ["years": String(points.years)]
        for level in ContestLevel.allCases {
            for result in AchievementResult.allCases {
                single[SupportPoints.key(level, result)] = String(points.weight(level, result))
            }
        }
        return FormValues(single: single)
    }

    /// A made-up form.
    public static let mock = SupportWeightsFormPage(values: values(.standard))

    public func render(_ ctx: PageContext) -> String {
        let title = SupportWords.weightsTitle
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(SupportWords.title, SiteURL.list(.support).path), Crumb(title)]
        ) {
            el("h1") { title }
            el("p", .cls("muted")) {
                "Баллы кандидата — сумма весов его достижений за указанные годы: вес зависит от уровня олимпиады или "
                    + "конкурса и результата. Рейтинг кандидатов пересчитывается сразу."
            }
            UI.formError(errors.isEmpty ? nil : SupportWords.notSaved)
            el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", SupportPaths.weights)) {
                Layout.csrf(ctx)
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Уровень" }
                            for result in AchievementResult.allCases { el("th") { result.title } }
                        }
                    }
                    el("tbody") {
                        for level in ContestLevel.allCases {
                            el("tr") {
                                el("th") { level.title }
                                for result in AchievementResult.allCases {
                                    el("td") {
                                        UI.textField(
                                            SupportPoints.key(level, result), "\(level.title), \(result.title)",
                                            value: values[SupportPoints.key(level, result)], errors: errors,
                                            type: "number")
                                    }
                                }
                            }
                        }
                    }
                }
                FieldSpec(
                    "years", SupportWords.Field.years,
                    .select(GiftedRule.yearChoices.map { (String($0), String($0)) }, empty: nil), required: true,
                    hint: "Учебный год, на который выбираются кандидаты, и предыдущие: 2 — этот и прошлый."
                ).render(values: values, errors: errors)
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(SupportPaths.candidates)) { "Отмена" }
                }
            }
        }
    }
}

/// The draft order of a year's proposed measures: each year with measures in no order, its count and a button.
public struct SupportOrderPage: Sendable {
    /// A year's id, title and how many proposed measures wait for an order.
    public var years: [(value: String, title: String, count: Int)]

    /// The page's data.
    public init(years: [(value: String, title: String, count: Int)]) { self.years = years }

    /// A made-up page.
    public static let mock = SupportOrderPage(years: [("y1", "2026/2027", 3)])

    public func render(_ ctx: PageContext) -> String {
        let title = SupportWords.orderTitle
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(SupportWords.title, SiteURL.list(.support).path), Crumb(title)]
        ) {
            el("h1") { title }
            el("p", .cls("muted")) { SupportWords.orderConsequence }
            if years.isEmpty { UI.empty(SupportWords.noProposed) }
            for year in years {
                el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", SupportPaths.order)) {
                    Layout.csrf(ctx)
                    UI.hidden("year", year.value)
                    el("p") { el("strong") { SupportWords.orderQuestion(year.count, year: year.title) } }
                    el("div", .cls("actions")) {
                        UI.submit(SupportWords.orderButton)
                        el("a", .href(SiteURL.list(.support).path)) { "Отмена" }
                    }
                }
            }
        }
    }
}
