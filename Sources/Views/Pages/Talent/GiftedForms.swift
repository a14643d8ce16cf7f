import Domain
import Foundation

/// The administrator's entry rule of the databank.
public struct GiftedRuleFormPage: Sendable {
    public var values: FormValues
    public var errors: FieldErrors

    /// The form's data.
    public init(values: FormValues, errors: FieldErrors = FieldErrors()) {
        self.values = values
        self.errors = errors
    }

    /// A made-up form.
    public static let mock = GiftedRuleFormPage(
        values: FormValues(single: ["minLevel": "municipal", "minResult": "prizeWinner", "years": "3"]))

    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "minLevel", "Уровень не ниже",
                .select(ContestLevel.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
            FieldSpec(
                "minResult", "Результат не ниже",
                .select(
                    [
                        (AchievementResult.winner.rawValue, "победитель"),
                        (AchievementResult.prizeWinner.rawValue, "победитель или призёр"),
                        (AchievementResult.participant.rawValue, "любой, включая участие"),
                    ], empty: nil), required: true),
            FieldSpec(
                "years", "За сколько учебных лет",
                .select(GiftedRule.yearChoices.map { (String($0), String($0)) }, empty: nil), required: true,
                hint: "Текущий учебный год и предыдущие: 3 — этот и два прошлых."),
        ]
    }

    public func render(_ ctx: PageContext) -> String {
        let title = "Правило включения в банк данных"
        return Layout.page(
            ctx, title: title,
            crumbs: [Crumb(MenuArea.registry(.gifted).title, SiteURL.list(.gifted).path), Crumb(title)]
        ) {
            el("h1") { title }
            el("p", .cls("muted")) {
                "Обучающийся попадает в банк данных, если у него есть достижение не ниже этого уровня и результата за "
                    + "указанные годы (и согласие родителей на обработку данных); остальных включает КМЦ своим решением."
            }
            UI.formError(errors.isEmpty ? nil : OlympiadWords.notSaved)
            el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", GiftedPaths.rule)) {
                Layout.csrf(ctx)
                for field in fields { field.render(values: values, errors: errors) }
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(SiteURL.list(.gifted).path)) { "Отмена" }
                }
            }
        }
    }
}

/// The КМЦ's decision to enter a student: find the student, then write the reason.
public struct GiftedDecisionPage: Sendable {
    public var q: String
    /// Students found by the search: id and «Фамилия Имя Отчество, 10 класс, школа».
    public var found: [(id: UUID, title: String)]
    /// The chosen student.
    public var student: (id: UUID, title: String)?
    public var values: FormValues
    public var errors: FieldErrors

    /// The page's data.
    public init(
        q: String, found: [(id: UUID, title: String)], student: (id: UUID, title: String)?, values: FormValues,
        errors: FieldErrors = FieldErrors()
    ) {
        self.q = q
        self.found = found
        self.student = student
        self.values = values
        self.errors = errors
    }

    /// A made-up page.
    public static let mock = GiftedDecisionPage(
        q: "", found: [], student: (MockID.of(0x2191), "Лебедева Ольга Ивановна, 10 класс, МБОУ «СОШ № 1»"),
        values: FormValues(single: ["reason": "Призёр регионального конкурса исследовательских работ"]))

    public func render(_ ctx: PageContext) -> String {
        let title = "Включить в банк данных по решению КМЦ"
        let path = SiteURL.new(.gifted).path
        return Layout.page(
            ctx, title: title,
            crumbs: [Crumb(MenuArea.registry(.gifted).title, SiteURL.list(.gifted).path), Crumb(title)]
        ) {
            el("h1") { title }
            if let student {
                UI.formError(errors.isEmpty ? nil : OlympiadWords.notSaved)
                el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", path)) {
                    Layout.csrf(ctx)
                    UI.hidden("student", student.id.uuidString.lowercased())
                    el("p") { el("strong") { student.title } }
                    FieldSpec("reason", "Основание решения", .textarea, required: true).render(
                        values: values, errors: errors)
                    el("div", .cls("actions")) {
                        UI.submit("Включить")
                        el("a", .href(path)) { "Выбрать другого" }
                    }
                }
            } else {
                UI.studentSearch(
                    path: path, q: q, found: found, hint: "Фамилия и имя, от трёх букв",
                    nothingFound: "Никого не нашлось среди обучающихся с согласием на обработку данных.")
            }
        }
    }
}
