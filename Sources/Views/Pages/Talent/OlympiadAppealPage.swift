import Domain
import Foundation

/// The appeal commission's decision on a participant's scores.
public struct OlympiadAppealPage: Sendable {
    public var stageID: UUID
    public var stageTitle: String
    public var participantID: UUID
    public var participant: String
    public var paper: String
    public var current: String
    /// Earlier decisions: «12.12.2025: 35 → 38, балл повышен — …».
    public var history: [String]
    public var values: FormValues
    public var errors: FieldErrors

    /// The page's data.
    public init(
        stageID: UUID, stageTitle: String, participantID: UUID, participant: String, paper: String, current: String,
        history: [String], values: FormValues, errors: FieldErrors = FieldErrors()
    ) {
        self.stageID = stageID
        self.stageTitle = stageTitle
        self.participantID = participantID
        self.participant = participant
        self.paper = paper
        self.current = current
        self.history = history
        self.values = values
        self.errors = errors
    }

    /// A made-up page.
    public static let mock = OlympiadAppealPage(
        stageID: MockID.of(0x2151), stageTitle: "Муниципальный этап: математика, 2025/2026",
        participantID: MockID.of(0x2171), participant: "Лебедева Ольга Ивановна, код М-08-03",
        paper: "8 класс: 10; 10; 20 (максимум 40)", current: "5; 7; 15 — итого 27", history: [],
        values: FormValues(single: ["scores": "5; 9; 15"]))

    public func render(_ ctx: PageContext) -> String {
        let title = "Апелляция"
        return Layout.page(ctx, title: title, crumbs: OlympiadPaths.crumbs(stageID, stage: stageTitle, page: title)) {
            el("h1") { title }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (label, value) in [("Участник", participant), ("Задания", paper), ("Сейчас", current)] {
                        el("dt") { label }
                        el("dd") { value }
                    }
                }
            }
            if !history.isEmpty {
                el("h2") { "Прежние решения" }
                el("ul") { for line in history { el("li") { line } } }
            }
            UI.formError(errors.isEmpty ? nil : OlympiadWords.notSaved)
            el(
                "form", .cls("stacked panel"), Attr("method", "post"),
                Attr("action", OlympiadPaths.appeal(stageID, participantID)), Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                UI.textField(
                    "scores", "Баллы по заданиям после апелляции", value: values["scores"], errors: errors,
                    required: true, hint: "Если комиссия оставила баллы как были — оставьте их без изменений.")
                FieldSpec("note", OlympiadWords.Field.note, .textarea, required: true).render(
                    values: values, errors: errors)
                el("div", .cls("actions")) {
                    UI.submit("Записать решение")
                    el("a", .href(OlympiadPaths.rating(stageID))) { "Отмена" }
                }
            }
        }
    }
}
