import Domain
import Foundation

/// A measure's card.
public struct SupportCardPage: Sendable {
    public var line: SupportLine
    public var budgetLine: String?
    public var created: String
    public var updated: String
    public var canChange: Bool

    /// The card's data.
    public init(line: SupportLine, budgetLine: String?, created: String, updated: String, canChange: Bool) {
        self.line = line
        self.budgetLine = budgetLine
        self.created = created
        self.updated = updated
        self.canChange = canChange
    }

    /// A made-up card.
    public static let mock = SupportCardPage(
        line: SupportLine.mock, budgetLine: nil, created: "kmc, 01.09.2026 10:00", updated: "kmc, 01.10.2026 12:00",
        canChange: false)

    public func render(_ ctx: PageContext) -> String {
        let title = "\(line.kind.title.capitalizedFirst): \(line.student)"
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(SupportWords.title, SiteURL.list(.support).path), Crumb(title)]
        ) {
            el("h1") { title }
            if canChange && line.status == .proposed {
                el("div", .cls("actions")) {
                    el("a", .cls("button"), .href(SupportPaths.edit(line.id))) { "Изменить" }
                    el("a", .cls("button"), .href(SupportPaths.delete(line.id))) { "Удалить" }
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    el("dt") { "Обучающийся" }
                    el("dd") { el("a", .href(SiteURL.record(.gifted, line.studentID).path)) { line.student } }
                    for (label, value) in [
                        ("Школа, класс", "\(line.school), \(line.grade) класс"), ("Учебный год", line.year),
                        ("Вид", line.kind.title), ("Сумма", line.sum), ("Подробности", line.details),
                        ("Статья расходов", budgetLine ?? ""), ("Основание", line.basis),
                        ("Баллы при выборе", String(line.points)), ("Состояние", line.status.title),
                        ("Приказ", line.decree), ("Внесено", created), ("Изменено", updated),
                    ] where !value.isEmpty {
                        el("dt") { label }
                        el("dd") { value }
                    }
                    if let url = line.orderURL {
                        el("dt") { "Приказ в реестре" }
                        el("dd") { el("a", .href(url)) { line.status == .awarded ? "подписанный приказ" : "проект" } }
                    }
                }
            }
        }
    }
}

extension String {
    /// The first letter in capitals: «стипендия» → «Стипендия».
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
