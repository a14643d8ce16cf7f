import Foundation

/// The rules the methodologist sets for a municipal stage of the ВсОШ (issue 21, item 3; `001_4390f67d15d9225c.txt`
/// §2.5.3): the quota of winners and prize-winners as a share of the participants of a grade, and for each status the
/// share of the maximum score a total must exceed (the ВсОШ's order: «более половины»).
public struct OlympiadRules: Sendable, Equatable {
    /// Winners and prize-winners together, at most this percentage of a grade's participants (rounded down).
    public var quotaPercent: Int
    /// A winner's total exceeds this percentage of the maximum score.
    public var winnerMinPercent: Int
    /// A prize-winner's total exceeds this percentage of the maximum score.
    public var prizeMinPercent: Int

    public init(quotaPercent: Int, winnerMinPercent: Int, prizeMinPercent: Int) {
        self.quotaPercent = quotaPercent
        self.winnerMinPercent = winnerMinPercent
        self.prizeMinPercent = prizeMinPercent
    }

    /// What a new stage starts with: a 45 % quota, more than half of the maximum for both statuses.
    public static let standard = OlympiadRules(quotaPercent: 45, winnerMinPercent: 50, prizeMinPercent: 50)

    /// How many of `participants` may be winners or prize-winners.
    public func quota(of participants: Int) -> Int { participants * quotaPercent / 100 }

    /// Whether `total` exceeds `percent` % of `maximum`.
    static func exceeds(_ total: Double, percent: Int, of maximum: Double) -> Bool {
        total * 100 > Double(percent) * maximum + 1e-9
    }
}

/// The tasks of a grade's paper and a participant's scores for them (issue 21, item 3: «score per task, total»):
/// written as «10; 10; 20», a decimal comma allowed, halves and hundredths kept.
public enum OlympiadScores {
    /// What is wrong with a list of numbers.
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case notANumber(String)
        case negative
        case wrongCount(expected: Int, got: Int)
        case aboveMaximum(task: Int, maximum: Double)
    }

    /// «10; 10; 20» (also «10 10 20», «7,5; 8») → the numbers; a blank list or a word is a problem.
    public static func parse(_ text: String) -> Result<[Double], Problem> {
        let parts = text.split { $0 == ";" || $0 == " " || $0 == "\t" || $0 == "/" }.map(String.init)
        guard !parts.isEmpty else { return .failure(.empty) }
        var numbers: [Double] = []
        for part in parts {
            let plain = part.replacingOccurrences(of: ",", with: ".")
            guard let value = Double(plain), value.isFinite else { return .failure(.notANumber(part)) }
            guard value >= 0 else { return .failure(.negative) }
            numbers.append((value * 100).rounded() / 100)
        }
        return .success(numbers)
    }

    /// A paper's task maxima: every task worth more than zero.
    public static func maxima(_ text: String) -> Result<[Double], Problem> {
        switch parse(text) {
        case .failure(let problem): return .failure(problem)
        case .success(let numbers):
            if numbers.contains(0) { return .failure(.notANumber("0")) }
            return .success(numbers)
        }
    }

    /// A participant's scores against the paper's maxima: one per task, none above its task's maximum.
    public static func scores(_ text: String, maxima: [Double]) -> Result<[Double], Problem> {
        switch parse(text) {
        case .failure(let problem): return .failure(problem)
        case .success(let numbers): return check(numbers, maxima: maxima)
        }
    }

    /// Scores against the paper's maxima: one per task, none above its task's maximum.
    public static func check(_ numbers: [Double], maxima: [Double]) -> Result<[Double], Problem> {
        guard numbers.count == maxima.count else {
            return .failure(.wrongCount(expected: maxima.count, got: numbers.count))
        }
        if numbers.contains(where: { $0 < 0 }) { return .failure(.negative) }
        for (index, pair) in zip(numbers, maxima).enumerated() where pair.0 > pair.1 + 1e-9 {
            return .failure(.aboveMaximum(task: index + 1, maximum: pair.1))
        }
        return .success(numbers)
    }

    /// How the numbers are stored: «10;7.5;0».
    public static func stored(_ numbers: [Double]) -> String { numbers.map(plain).joined(separator: ";") }

    /// The stored form read back (nothing for a blank or broken one).
    public static func read(_ stored: String) -> [Double] {
        (try? parse(stored).get()) ?? []
    }

    /// The sum, to hundredths.
    public static func total(_ numbers: [Double]) -> Double { (numbers.reduce(0, +) * 100).rounded() / 100 }

    static func plain(_ value: Double) -> String {
        value == value.rounded()
            ? String(Int(value))
            : String(format: "%.2f", value).replacingOccurrences(
                of: "0+$", with: "", options: .regularExpression)
    }
}

/// An appeal's outcome: the appeal commission raised, lowered or kept the participant's total.
public enum AppealOutcome: String, CaseIterable, Sendable {
    case raised, lowered, unchanged

    public init(old: Double, new: Double) {
        if abs(new - old) < 1e-9 {
            self = .unchanged
        } else {
            self = new > old ? .raised : .lowered
        }
    }

    public var title: String {
        switch self {
        case .raised: "балл повышен"
        case .lowered: "балл понижен"
        case .unchanged: "балл без изменений"
        }
    }
}
