import Domain
import Foundation

/// One organisation's report (issue 22, item 5): the form with its indicators — each pre-filled where Setka counts it,
/// saying where the number came from — saved as a draft or submitted; once submitted, read-only until returned with a
/// comment; for those who run the municipality, the answers and the form to return it.
public struct ReportPage: Sendable {
    public var id: UUID
    public var campaignID: UUID?
    public var title: String
    public var organization: String
    public var period: String
    public var due: String
    public var status: ReportStatus
    public var state: String
    public var returnComment: String?
    public var form: ReportForm
    public var values: FormValues
    public var errors: FieldErrors
    /// Indicator key → the note of the number Setka computed.
    public var computed: [String: String]
    public var version: Int
    public var conflict: String?
    /// The organisation may change it (open and theirs).
    public var canEdit: Bool
    /// The authority may return it (submitted, and theirs to review).
    public var canReturn: Bool

    public init(
        id: UUID, campaignID: UUID?, title: String, organization: String, period: String, due: String,
        status: ReportStatus, state: String, returnComment: String?, form: ReportForm, values: FormValues,
        errors: FieldErrors, computed: [String: String], version: Int, conflict: String?, canEdit: Bool,
        canReturn: Bool
    ) {
        self.id = id
        self.campaignID = campaignID
        self.title = title
        self.organization = organization
        self.period = period
        self.due = due
        self.status = status
        self.state = state
        self.returnComment = returnComment
        self.form = form
        self.values = values
        self.errors = errors
        self.computed = computed
        self.version = version
        self.conflict = conflict
        self.canEdit = canEdit
        self.canReturn = canReturn
    }

    public static let mock = ReportPage(
        id: MockID.of(2), campaignID: MockID.of(1), title: ReportForm.quarterly.title + " — I квартал 2027",
        organization: "МБОУ «СОШ № 1»", period: "01.01.2027 — 31.03.2027", due: "05.04.2027", status: .returned,
        state: "возвращён на доработку", returnComment: "Уточните число проведённых мероприятий.", form: .quarterly,
        values: FormValues(single: ["students": "124", "hours": "310"]), errors: FieldErrors(),
        computed: ["students": ReportWords.computed("124", .studentsCovered)], version: 3, conflict: nil,
        canEdit: true, canReturn: false)

    public func render(_ ctx: PageContext) -> String {
        let crumbs =
            [Crumb(ReportWords.title, SiteURL.reportCampaigns.path)]
            + (campaignID.map { [Crumb(title, SiteURL.reportCampaign($0).path)] } ?? [])
            + [Crumb(organization)]
        return Layout.page(ctx, title: "\(title) — \(organization)", crumbs: crumbs) {
            el("h1") { "\(title) — \(organization)" }
            el("p") { "Период: \(period). Срок сдачи: \(due). Состояние: \(state)." }
            if let returnComment, status == .returned {
                el("div", .cls("warning"), Attr("role", "status")) { "Замечания: " + returnComment }
            }
            if canEdit {
                editForm(ctx)
            } else {
                UI.formError(conflict)
                answers
            }
            if canReturn {
                el("h2") { ReportWords.returnTitle }
                el(
                    "form", .cls("stacked panel"), Attr("method", "post"),
                    Attr("action", SiteURL.report(id).path + "/return")
                ) {
                    Layout.csrf(ctx)
                    UI.hidden("version", String(version))
                    FieldSpec("comment", ReportWords.Field.comment, .textarea, required: true)
                        .render(values: values, errors: errors)
                    el("div", .cls("actions")) { UI.submit(ReportWords.returnButton) }
                }
            }
        }
    }

    var answers: Node {
        el("div", .cls("panel")) {
            el("dl", .cls("facts")) {
                for indicator in form.indicators {
                    el("dt") { indicator.title + (indicator.unit.isEmpty ? "" : ", \(indicator.unit)") }
                    el("dd") {
                        let value = values[indicator.key] ?? ""
                        if case .table(let columns) = indicator.kind, !value.isEmpty {
                            el("table", .cls("list")) {
                                el("thead") { el("tr") { for column in columns { el("th") { column } } } }
                                el("tbody") {
                                    for row in ReportAnswers.rows(value) {
                                        el("tr") { for cell in row { el("td") { cell } } }
                                    }
                                }
                            }
                        } else {
                            value.isEmpty ? "—" : ReportAnswers.display(value, indicator.kind)
                        }
                        if let note = computed[indicator.key] { el("div", .cls("hint")) { note } }
                    }
                }
            }
        }
    }

    func editForm(_ ctx: PageContext) -> Node {
        fragment {
            UI.formError(conflict ?? (errors.isEmpty ? nil : ReportWords.notSubmitted))
            // A draft may be saved half-written: the server checks, the browser does not stop it.
            el(
                "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", SiteURL.report(id).path),
                Attr("novalidate", "novalidate")
            ) {
                Layout.csrf(ctx)
                UI.hidden("version", String(version))
                for indicator in form.indicators {
                    let label = indicator.title + (indicator.unit.isEmpty ? "" : ", \(indicator.unit)")
                    let hint = [indicator.hint, computed[indicator.key]].compactMap { $0 }.joined(separator: " ")
                    switch indicator.kind {
                    case .number, .share:
                        FieldSpec(
                            indicator.key, label, .text("text"), required: indicator.required,
                            hint: hint.isEmpty ? nil : hint
                        )
                        .render(values: values, errors: errors)
                    case .date:
                        FieldSpec(
                            indicator.key, label, .date, required: indicator.required,
                            hint: indicator.hint.map { $0 + " В виде ДД.ММ.ГГГГ, например 01.09.2025." }
                        )
                        .render(values: values, errors: errors)
                    case .text:
                        FieldSpec(
                            indicator.key, label, .textarea, required: indicator.required,
                            hint: hint.isEmpty ? nil : hint
                        )
                        .render(values: values, errors: errors)
                    case .table(let columns):
                        FieldSpec(
                            indicator.key, label, .textarea, required: indicator.required,
                            hint: (hint.isEmpty ? "" : hint + " ") + "Столбцы: " + columns.joined(separator: "; ") + "."
                        )
                        .render(values: values, errors: errors)
                    }
                }
                el("div", .cls("actions")) {
                    el("button", .type("submit"), .name("action"), Attr("value", "save")) { ReportWords.saveDraft }
                    el("button", .type("submit"), .cls("primary"), .name("action"), Attr("value", "submit")) {
                        ReportWords.submit
                    }
                }
            }
        }
    }
}

/// A campaign's consolidated report: per indicator the sum, the mean share or the count of answers, and each
/// organisation's answer; the tables' rows with their organisation.
public struct ReportConsolidatedPage: Sendable {
    public var campaignID: UUID
    public var title: String
    public var summary: String
    public var consolidation: ReportConsolidation
    public var kinds: [String: ReportIndicator.Kind]

    public init(
        campaignID: UUID, title: String, summary: String, consolidation: ReportConsolidation,
        kinds: [String: ReportIndicator.Kind]
    ) {
        self.campaignID = campaignID
        self.title = title
        self.summary = summary
        self.consolidation = consolidation
        self.kinds = kinds
    }

    public static let mock = ReportConsolidatedPage(
        campaignID: MockID.of(1), title: ReportForm.quarterly.title + " — I квартал 2027",
        summary: ReportWords.summary(submitted: 2, late: 0, total: 2, overdue: false),
        consolidation: ReportConsolidation(
            .quarterly,
            reports: [
                (
                    "МБОУ «СОШ № 1»",
                    ["students": "124", "equipmentLoad": "60", "measures": "Мастер-класс; 12.02.2027; 25; проведён"]
                ),
                ("МБОУ «Гимназия № 2»", ["students": "80", "equipmentLoad": "75"]),
            ]), kinds: Dictionary(uniqueKeysWithValues: ReportForm.quarterly.indicators.map { ($0.key, $0.kind) }))

    /// The total's words: «204 чел.», «в среднем 67,5 %», «ответили: 2».
    public static func total(_ line: ReportConsolidation.Line, kind: ReportIndicator.Kind?) -> String {
        switch kind {
        case _ where line.answered == 0: return "—"
        case .number: return line.total + (line.unit.isEmpty ? "" : "\u{00A0}" + line.unit)
        case .share:
            return line.total == "—"
                ? "—" : "в среднем " + line.total.replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
        case .table: return "строк: " + line.total
        default: return "ответили: " + line.total
        }
    }

    public func render(_ ctx: PageContext) -> String {
        let heading = ReportWords.consolidated + " — " + title
        return Layout.page(
            ctx, title: heading,
            crumbs: [
                Crumb(ReportWords.title, SiteURL.reportCampaigns.path),
                Crumb(title, SiteURL.reportCampaign(campaignID).path),
                Crumb(ReportWords.consolidated),
            ]
        ) {
            el("h1") { heading }
            el("p", .cls("muted")) { summary + " В сводный отчёт входят сданные отчёты." }
            el("div", .cls("actions")) {
                el("a", .cls("button"), .href(SiteURL.reportCampaign(campaignID).path + "/consolidated/xlsx")) {
                    ReportWords.xlsx
                }
            }
            el("table", .cls("list stack")) {
                el("thead") {
                    el("tr") { for column in ["Показатель", "Итого", "По организациям"] { el("th") { column } } }
                }
                el("tbody") {
                    for line in consolidation.lines {
                        el("tr") {
                            el("td", Attr("data-label", "Показатель")) { line.title }
                            el("td", Attr("data-label", "Итого")) { Self.total(line, kind: kinds[line.key]) }
                            el("td", Attr("data-label", "По организациям")) {
                                if case .table = kinds[line.key] {
                                    for row in line.rows { el("div") { row.joined(separator: " · ") } }
                                } else {
                                    for answer in line.byOrganization {
                                        el("div") {
                                            answer.organization + ": "
                                                + ReportAnswers.display(answer.value, kinds[line.key])
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
