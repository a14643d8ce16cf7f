import Foundation

/// The distribution of a diagnostic work's scores (`000_5375b2a087477e6d.txt` §4.6: diagnostic monitoring of students'
/// results): five bands of the maximum score, and the usual figures.
public struct ScoreDistribution: Equatable, Sendable {
    public var count: Int
    public var mean: Double?
    public var median: Double?
    public var min: Int?
    public var max: Int?
    /// Counts in the bands 0–20 %, 20–40 %, 40–60 %, 60–80 %, 80–100 % of the maximum (the top band includes 100 %).
    public var bands: [Int]

    public static let bandTitles = ["0–20 %", "20–40 %", "40–60 %", "60–80 %", "80–100 %"]

    public init(scores: [Int], maxScore: Int) {
        count = scores.count
        let sorted = scores.sorted()
        min = sorted.first
        max = sorted.last
        mean = sorted.isEmpty ? nil : Double(sorted.reduce(0, +)) / Double(sorted.count)
        if sorted.isEmpty {
            median = nil
        } else if sorted.count % 2 == 1 {
            median = Double(sorted[sorted.count / 2])
        } else {
            median = Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        var counts = Array(repeating: 0, count: 5)
        for score in scores where maxScore > 0 { counts[Swift.min(4, score * 5 / maxScore)] += 1 }
        bands = counts
    }

    /// «12,5».
    public static func format(_ value: Double?) -> String {
        guard let value else { return "—" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded()
            ? String(Int(rounded)) : String(rounded).replacingOccurrences(of: ".", with: ",")
    }
}
