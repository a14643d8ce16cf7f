import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// The municipal programme's budget (issue 23, item 6). Every name is made up.
extension World {
    /// A line of this calendar year (or `year`).
    @discardableResult
    func budgetLine(
        _ kind: BudgetKind = .events, title: String? = nil, planned: Int = 100_000, year: Int? = nil
    ) async throws -> BudgetLine {
        let line = BudgetLine()
        line.$municipality.id = municipalityID
        line.year = year ?? CivilDay(Date(), timeZone: zone).ymd.year
        line.kind = kind.rawValue
        line.title = title ?? kind.title
        line.planned = planned
        line.used = 0
        line.searchKey = TextKey.search(line.title)
        try await insertActive(line)
        return line
    }

    /// A commitment of `amount` from the line (its `used` grown as the pages do), paid or not.
    @discardableResult
    func budgetEntry(of line: BudgetLine, amount: Int = 10_000, paid: Bool = false) async throws -> BudgetEntry {
        let today = CivilDay(Date(), timeZone: zone)
        let entry = try BudgetEntries.make(
            line: line, source: nil, amount: amount, purpose: "Оплата по договору", committedOn: today,
            paidOn: paid ? today : nil, user: "test")
        try await entry.create(on: app.db)
        line.used += amount
        line.version += 1
        try await line.save(on: app.db)
        return entry
    }

    /// A line with `count` entries, paid and committed in turn: its card and the list grow with them.
    func statementBudget(count: Int) async throws -> (line: UUID, entry: UUID) {
        let line = try await budgetLine(planned: 1_000_000 * max(1, count))
        var first: UUID?
        for index in 0..<count {
            let made = try await budgetEntry(of: line, amount: 1_000 + index, paid: index % 2 == 1)
            if first == nil { first = made.id }
        }
        return (try line.requireID(), try #require(first))
    }
}
