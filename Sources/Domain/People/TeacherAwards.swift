import Foundation

/// A teacher's years in the network: the distinct academic years (by the calendar year they start in) in which they
/// taught a network group (issue 23, item 2) — the fact the award rule reads (`002_f5d848fa5a191e3f.txt` §15).
public enum NetworkYears {
    /// How many different academic years `startYears` (one per group taught, repeats allowed) cover.
    public static func count(_ startYears: [Int]) -> Int { Set(startYears).count }
}

/// The year's round of awards to teachers who work with gifted students (`002_f5d848fa5a191e3f.txt` §15–18: teachers
/// with at least three years in the network, 5 000–30 000 ₽ each, once a year, out of a budget such as 111 000 ₽).
public struct AwardRule: Sendable, Equatable {
    public var budget: Int
    public var minimumYears: Int
    public var amounts: ClosedRange<Int>

    public init(budget: Int, minimumYears: Int = 3, amounts: ClosedRange<Int> = 5_000...30_000) {
        self.budget = budget
        self.minimumYears = minimumYears
        self.amounts = amounts
    }

    /// One teacher's proposed award.
    public struct Line: Sendable, Equatable {
        public var teacher: UUID
        public var years: Int
        public var amount: Int
        public init(teacher: UUID, years: Int, amount: Int) {
            self.teacher = teacher
            self.years = years
            self.amount = amount
        }
    }

    /// What is wrong with a round.
    public enum Problem: Equatable, Sendable {
        /// The teacher has fewer years in the network than the rule asks.
        case notEligible(UUID)
        /// The amount is outside the range.
        case amountOutOfRange(UUID)
        /// A teacher appears twice (awarded once a year).
        case twice(UUID)
        /// The total is above the budget by this much.
        case overBudget(Int)
    }

    public func isEligible(years: Int) -> Bool { years >= minimumYears }

    /// Every problem of `lines`, in the order of the lines, the budget last; none when the round may be approved.
    public func problems(_ lines: [Line]) -> [Problem] {
        var problems: [Problem] = []
        var seen = Set<UUID>()
        for line in lines {
            if !seen.insert(line.teacher).inserted { problems.append(.twice(line.teacher)) }
            if !isEligible(years: line.years) { problems.append(.notEligible(line.teacher)) }
            if !amounts.contains(line.amount) { problems.append(.amountOutOfRange(line.teacher)) }
        }
        let total = lines.reduce(0) { $0 + $1.amount }
        if total > budget { problems.append(.overBudget(total - budget)) }
        return problems
    }
}
