import Domain
import Foundation

/// The words of a resource centre's year heard at a meeting of the КМЦ with a decision on its status (issue 22, item 6;
/// `001_4390f67d15d9225c.txt` §5.8, `003_256a4293e3c370c5.txt` §3.11).
public enum HearingWords {
    public static let heading = "Заслушанные ресурсные центры"
    public static let intro =
        "По итогам деятельности центра совещание принимает коллегиальное решение: сохранить статус (центр назначается "
        + "на следующий учебный год), изменить функции и направления или прекратить деятельность досрочно (центр "
        + "переводится в архив). Решение записывается в карточку центра."
    public static let none = "На этом совещании ресурсные центры не заслушивались."
    public static let add = "Записать решение о центре"
    public static let onlyHeld = "Решение о статусе центра записывается в итоги проведённого совещания."
    public static let chooseCenter = "Выберите ресурсный центр из списка."
    public static let twice = "Этот центр уже заслушан на этом совещании."
    public static let restored = "Статус сохранён решением КМЦ."
    public static let heldStays =
        "На совещании заслушаны ресурсные центры и приняты решения об их статусе: оно остаётся проведённым."
    public static let changed =
        "Карточку центра только что изменил другой пользователь. Запишите решение ещё раз."
    public static let cardHeading = "Решения КМЦ о статусе центра"
    public static let cardNone = "Центр ещё не заслушивался на совещаниях КМЦ."
    /// The flash after a decision, saying what it did to the designation.
    public static func recorded(_ decision: DesignationDecision, carriedTo year: String?) -> String {
        switch decision {
        case .keep:
            year.map { "Решение записано. Центр назначен на \($0) учебный год — укажите приказ в его карточке." }
                ?? "Решение записано. Следующего учебного года в справочнике пока нет — назначьте центр, когда он "
                + "появится."
        case .change: "Решение записано. Измените функции и направления в карточке центра."
        case .end: "Решение записано: деятельность центра прекращена, центр переведён в архив."
        }
    }
    /// The next year's designation «keep» made.
    public static func carried(_ year: String) -> String { "назначен на \(year)" }
    /// A hearing in the audit of the meeting and of the designation.
    public static let auditHeard = "Заслушан ресурсный центр"
    public static let auditDecision = "Решение КМЦ"
    public static func auditLine(center: String, year: String, decision: DesignationDecision) -> String {
        "\(center), \(year) — \(decision.title)"
    }
    public static func auditMeeting(_ title: String, day: String) -> String { "\(title), \(day)" }

    public enum Field {
        public static let center = "Ресурсный центр и учебный год"
        public static let decision = "Решение"
        public static let reasoning = "Обоснование"
        public static let reasoningHint =
            "Что меняется или почему деятельность прекращается (обязательно для этих решений); для сохранения статуса — "
            + "кратко об итогах."
    }
}

/// A hearing as a row of the meeting's table and of the centre's card.
public struct HearingRow: Sendable {
    public var centerID: UUID
    public var center: String
    public var year: String
    public var meetingID: UUID
    public var meeting: String
    public var decision: DesignationDecision
    public var reasoning: String
    /// The next year's designation «keep» made, with its year.
    public var carried: (id: UUID, year: String)?

    public init(
        centerID: UUID, center: String, year: String, meetingID: UUID, meeting: String, decision: DesignationDecision,
        reasoning: String, carried: (id: UUID, year: String)?
    ) {
        self.centerID = centerID
        self.center = center
        self.year = year
        self.meetingID = meetingID
        self.meeting = meeting
        self.decision = decision
        self.reasoning = reasoning
        self.carried = carried
    }

    /// The decision's words with the designation it carried into.
    var decisionNode: Node {
        fragment {
            decision.title
            if let carried {
                " ("
                el("a", .href(SiteURL.record(.resourceCenters, carried.id).path)) { HearingWords.carried(carried.year) }
                ")"
            }
        }
    }

    /// The rows on the centre's card: the meeting, the decision, its reasoning.
    public static func cardSection(_ rows: [HearingRow]) -> RegistryCard.Section {
        RegistryCard.Section(
            title: HearingWords.cardHeading, columns: ["Совещание", "Решение", "Обоснование"],
            rows: rows.map { row in
                [
                    .link(row.meeting, SiteURL.meeting(row.meetingID).path),
                    .text(row.decision.title + (row.carried.map { ", " + HearingWords.carried($0.year) } ?? "")),
                    .text(row.reasoning),
                ]
            }, emptyText: HearingWords.cardNone)
    }
}

/// The meeting page's part on hearings: the centres heard and, for who records the held meeting's results, the form.
public struct HearingPart: Sendable {
    public var meetingID: UUID
    public var rows: [HearingRow]
    /// The designations the form offers (id, «centre, year»); nil: no form.
    public var centers: [(value: String, title: String)]?
    public var values: FormValues
    public var errors: FieldErrors

    public init(
        meetingID: UUID, rows: [HearingRow], centers: [(value: String, title: String)]?,
        values: FormValues = FormValues(), errors: FieldErrors = FieldErrors()
    ) {
        self.meetingID = meetingID
        self.rows = rows
        self.centers = centers
        self.values = values
        self.errors = errors
    }

    public func node(_ ctx: PageContext) -> Node {
        fragment {
            el("h2", .id("hearings")) { HearingWords.heading }
            if rows.isEmpty {
                UI.empty(HearingWords.none)
            } else {
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") {
                            for column in ["Центр", "Учебный год", "Решение", "Обоснование"] { el("th") { column } }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td", Attr("data-label", "Центр")) {
                                    el("a", .href(SiteURL.record(.resourceCenters, row.centerID).path)) { row.center }
                                }
                                el("td", Attr("data-label", "Учебный год")) { row.year }
                                el("td", Attr("data-label", "Решение")) { row.decisionNode }
                                el("td", Attr("data-label", "Обоснование")) {
                                    row.reasoning.isEmpty ? "—" : row.reasoning
                                }
                            }
                        }
                    }
                }
            }
            if let centers { form(ctx, centers: centers) }
        }
    }

    func form(_ ctx: PageContext, centers: [(value: String, title: String)]) -> Node {
        el(
            "form", .cls("stacked panel no-print"), Attr("method", "post"),
            Attr("action", SiteURL.meeting(meetingID).path + "/hearings"), Attr("novalidate", "novalidate")
        ) {
            el("h3") { HearingWords.add }
            el("p", .cls("muted")) { HearingWords.intro }
            Layout.csrf(ctx)
            FieldSpec("center", HearingWords.Field.center, .select(centers, empty: "—"), required: true)
                .render(values: values, errors: errors)
            FieldSpec(
                "decision", HearingWords.Field.decision,
                .select(DesignationDecision.allCases.map { ($0.rawValue, $0.title) }, empty: "—"), required: true
            ).render(values: values, errors: errors)
            FieldSpec("reasoning", HearingWords.Field.reasoning, .textarea, hint: HearingWords.Field.reasoningHint)
                .render(values: values, errors: errors)
            el("div", .cls("actions")) { UI.submit(HearingWords.add) }
        }
    }
}
