import Foundation

/// The points of an achievement for the ranking of candidates: a weight per level and result the administrator sets
/// (shown beside each candidate), summed over the active achievements of the last `years` academic years.
public struct SupportPoints: Sendable, Equatable {
    public var weights: [ContestLevel: [AchievementResult: Int]]
    public var years: Int

    public init(weights: [ContestLevel: [AchievementResult: Int]], years: Int) {
        self.weights = weights
        self.years = years
    }

    /// Higher levels and better results weigh more; participation in a school stage weighs nothing.
    public static let standard = SupportPoints(
        weights: [
            .school: [.participant: 0, .prizeWinner: 1, .winner: 2],
            .municipal: [.participant: 1, .prizeWinner: 3, .winner: 5],
            .regional: [.participant: 3, .prizeWinner: 8, .winner: 12],
            .federal: [.participant: 5, .prizeWinner: 15, .winner: 25],
            .international: [.participant: 10, .prizeWinner: 30, .winner: 40],
        ], years: 2)

    public static let maxWeight = 1000

    public func weight(_ level: ContestLevel, _ result: AchievementResult) -> Int { weights[level]?[result] ?? 0 }

    /// The form's field of a weight: «municipal.winner».
    public static func key(_ level: ContestLevel, _ result: AchievementResult) -> String {
        "\(level.rawValue).\(result.rawValue)"
    }

    /// The weights as stored: «school.participant=0;school.prizeWinner=1;…».
    public var stored: String {
        ContestLevel.allCases.flatMap { level in
            AchievementResult.allCases.map { "\(Self.key(level, $0))=\(weight(level, $0))" }
        }.joined(separator: ";")
    }

    /// Weights read back from `stored` (a missing or broken pair keeps the standard weight).
    public static func read(_ text: String, years: Int) -> SupportPoints {
        var points = SupportPoints.standard
        points.years = years
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let value = Int(parts[1]) else { continue }
            let key = parts[0].split(separator: ".")
            guard key.count == 2, let level = ContestLevel(rawValue: String(key[0])),
                let result = AchievementResult(rawValue: String(key[1]))
            else { continue }
            points.weights[level, default: [:]][result] = value
        }
        return points
    }

    /// The weights from the administrator's form: each a whole number 0…1000, errors under each field.
    public static func parse(_ form: (String) -> String?, errors: inout FieldErrors) -> SupportPoints {
        var points = SupportPoints.standard
        for level in ContestLevel.allCases {
            for result in AchievementResult.allCases {
                let key = Self.key(level, result)
                guard let value = errors.integer(key, form(key), range: 0...maxWeight, required: true) else {
                    continue
                }
                points.weights[level, default: [:]][result] = value
            }
        }
        if let years = errors.integer(
            "years", form("years"), range: GiftedRule.yearChoices.lowerBound...GiftedRule.yearChoices.upperBound,
            required: true)
        {
            points.years = years
        }
        return points
    }

    /// One achievement counted: level, result and how many academic years before the current one it was.
    public struct Item: Sendable, Equatable {
        public var level: ContestLevel
        public var result: AchievementResult
        public var yearsAgo: Int
        public init(level: ContestLevel, result: AchievementResult, yearsAgo: Int) {
            self.level = level
            self.result = result
            self.yearsAgo = yearsAgo
        }
    }

    /// The points of the achievements within the years, and each counted achievement's weight (index into `items`).
    public func score(_ items: [Item]) -> (total: Int, counted: [(index: Int, points: Int)]) {
        var total = 0
        var counted: [(Int, Int)] = []
        for (index, item) in items.enumerated() where item.yearsAgo >= 0 && item.yearsAgo < years {
            let points = weight(item.level, item.result)
            total += points
            counted.append((index, points))
        }
        return (total, counted)
    }
}
