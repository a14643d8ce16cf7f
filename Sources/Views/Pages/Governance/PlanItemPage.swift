import Domain
import Foundation

/// One plan item (issue 22, item 2): what it is and by when, then — for those who may mark it — the form: its state,
/// the day (fixed by the author where the template gives none), who answers for it, the evidence, a reason when it is
/// cancelled; its evidence file; its history.
public struct PlanItemPage: Sendable {
    public var id: UUID
    public var planID: UUID
    public var planTitle: String
    public var measure: String
    public var facts: [(String, String)]
    public var status: PlanItemStatus
    public var overdue: Bool
    public var evidenceRequired: Bool
    /// The form; nil when the user only reads the item.
    public var form: Form?
    /// The evidence file: its name and size; nil when there is none.
    public var file: String?
    public var history: [HistoryLine]

    public struct Form: Sendable {
        public var values: FormValues
        public var errors: FieldErrors
        public var version: Int
        public var conflict: String?
        /// The accounts that may answer for it: the owner's people and those who run the municipality.
        public var users: [(value: String, title: String)]
        /// Fields the user may not change (the day, who answers): left out of the form, shown among the facts.
        public var locked: Set<String>
        public init(
            values: FormValues, errors: FieldErrors, version: Int, conflict: String?,
            users: [(value: String, title: String)], locked: Set<String>
        ) {
            self.values = values
            self.errors = errors
            self.version = version
            self.conflict = conflict
            self.users = users
            self.locked = locked
        }
    }

    public init(
        id: UUID, planID: UUID, planTitle: String, measure: String, facts: [(String, String)], status: PlanItemStatus,
        overdue: Bool, evidenceRequired: Bool, form: Form?, file: String?, history: [HistoryLine]
    ) {
        self.id = id
        self.planID = planID
        self.planTitle = planTitle
        self.measure = measure
        self.facts = facts
        self.status = status
        self.overdue = overdue
        self.evidenceRequired = evidenceRequired
        self.form = form
        self.file = file
        self.history = history
    }

    public static let mock = PlanItemPage(
        id: MockID.of(2), planID: MockID.of(1), planTitle: "Дорожная карта — МБОУ «СОШ № 3», 2027",
        measure: "Утверждение положения о деятельности центра",
        facts: [
            ("Раздел", "Организационно-управленческие мероприятия"), ("№", "1"), ("Срок", "до 01.03 — 01.03.2027"),
        ],
        status: .notStarted, overdue: true, evidenceRequired: true,
        form: Form(
            values: FormValues(single: ["status": "notStarted", "dueOn": "01.03.2027"]), errors: FieldErrors(),
            version: 1, conflict: nil, users: [(MockID.of(9).uuidString, "Лесков Павел Романович")],
            locked: []),
        file: nil, history: [])

    public static func evidencePath(_ id: UUID) -> String { SiteURL.planItem(id).path + "/evidence" }

    public func render(_ ctx: PageContext) -> String {
        let crumbs = [
            Crumb(PlanWords.title, SiteURL.plans.path), Crumb(planTitle, SiteURL.plan(planID).path),
            Crumb(PlanWords.itemNoun),
        ]
        return Layout.page(ctx, title: measure, crumbs: crumbs) {
            el("h1") {
                measure + " "
                el("span", .cls("badge badge-plan-\(status.rawValue)")) { status.title }
            }
            if overdue { el("div", .cls("warning"), Attr("role", "status")) { "Срок прошёл, пункт не выполнен." } }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (label, value) in facts {
                        el("dt") { label }
                        el("dd") { value.isEmpty ? "—" : value }
                    }
                    el("dt") { "Файл подтверждения" }
                    el("dd") {
                        if let file {
                            el("a", .href(Self.evidencePath(id))) { file }
                        } else {
                            "—"
                        }
                        if form != nil {
                            " · "
                            el("a", .href(Self.evidencePath(id) + "/new")) { file == nil ? "приложить" : "заменить" }
                            if file != nil {
                                " · "
                                el("a", .href(Self.evidencePath(id) + "/delete")) { "удалить" }
                            }
                        }
                    }
                }
            }
            if let form { formNode(ctx, form) }
            el("h2") { "История изменений" }
            if history.isEmpty {
                UI.empty("Изменений пока не было.")
            } else {
                HistoryLine.table(history, showEntity: false)
            }
        }
    }

    func formNode(_ ctx: PageContext, _ form: Form) -> Node {
        fragment {
            el("h2") { "Отметить выполнение" }
            UI.formError(form.conflict ?? (form.errors.isEmpty ? nil : PlanWords.notSaved))
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", SiteURL.planItem(id).path),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                UI.hidden("version", String(form.version))
                for field in [
                    FieldSpec(
                        "status", PlanWords.Field.status,
                        .select(PlanItemStatus.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
                    FieldSpec("dueOn", PlanWords.Field.dueOn, .date, hint: PlanWords.Field.dueHint),
                    FieldSpec("doneOn", PlanWords.Field.doneOn, .date, hint: PlanWords.Field.doneHint),
                    FieldSpec(
                        "responsibleUser", PlanWords.Field.responsibleUser, .select(form.users, empty: "— нет —"),
                        hint: PlanWords.Field.responsibleUserHint),
                    FieldSpec("responsible", PlanWords.Field.responsible, hint: PlanWords.Field.responsibleHint),
                    FieldSpec(
                        "evidenceNote", PlanWords.Field.evidenceNote, .textarea,
                        required: evidenceRequired && form.values["status"] == PlanItemStatus.done.rawValue,
                        hint: evidenceRequired
                            ? "Пункт отмечается выполненным только с подтверждением: описанием, ссылкой или файлом."
                            : nil),
                    FieldSpec("evidenceLink", PlanWords.Field.evidenceLink, .text("url")),
                    FieldSpec("cancelReason", PlanWords.Field.cancelReason, hint: "Только для отменённого пункта."),
                ] where !form.locked.contains(field.name) {
                    field.render(values: form.values, errors: form.errors)
                }
                el("div", .cls("actions")) {
                    UI.submit("Сохранить")
                    el("a", .href(SiteURL.plan(planID).path)) { "К плану" }
                }
            }
        }
    }
}
