import Foundation

/// Coverage of the network for a year (issue 3 «Coverage»): the share of seniors (grades 10–11) enrolled in at least
/// one network course (`002_f5d848fa5a191e3f.txt` §10: 15–24 % of seniors a year), and the share of all a school's
/// students in network additional programmes (`004_5209da8e0aa92458.txt`: not less than 70 %). Denominators come
/// from the official headcount per grade a school enters for the year, falling back to the registered students.
public enum Coverage {
    public static let seniorGrades = 10...11
    public static let seniorTarget = 15.0...24.0
    public static let allTargetMinimum = 70.0

    /// Where a denominator comes from; a sum over schools of both kinds is `mixed`, and says so.
    public enum Source: String, Sendable {
        case headcount, registry, mixed
        public var title: String {
            switch self {
            case .headcount: "отчёт школы"
            case .registry: "реестр (численность не введена)"
            case .mixed: "отчёты школ и реестр"
            }
        }
    }

    public struct Share: Sendable, Equatable {
        public var numerator: Int
        public var denominator: Int
        public var source: Source
        /// Percent with one decimal, nil when there is nobody to count.
        public var percent: Double? {
            denominator > 0 ? (Double(numerator) * 1000 / Double(denominator)).rounded() / 10 : nil
        }
        public init(numerator: Int, denominator: Int, source: Source) {
            self.numerator = numerator
            self.denominator = denominator
            self.source = source
        }
    }

    /// Inputs for one school.
    public struct SchoolInput: Sendable {
        public var headcount: [Int: Int]
        public var registered: [Int: Int]
        /// Distinct students enrolled in at least one network group of the year, by grade.
        public var enrolled: [Int: Int]
        public init(headcount: [Int: Int], registered: [Int: Int], enrolled: [Int: Int]) {
            self.headcount = headcount
            self.registered = registered
            self.enrolled = enrolled
        }
    }

    public struct SchoolResult: Sendable, Equatable {
        public var seniors: Share
        public var all: Share
    }

    public static func school(_ input: SchoolInput) -> SchoolResult {
        func share(_ grades: ClosedRange<Int>) -> Share {
            let head = grades.reduce(0) { $0 + (input.headcount[$1] ?? 0) }
            let useHeadcount = grades.contains { input.headcount[$0] != nil } && head > 0
            let denominator = useHeadcount ? head : grades.reduce(0) { $0 + (input.registered[$1] ?? 0) }
            let numerator = grades.reduce(0) { $0 + (input.enrolled[$1] ?? 0) }
            return Share(numerator: numerator, denominator: denominator, source: useHeadcount ? .headcount : .registry)
        }
        return SchoolResult(seniors: share(seniorGrades), all: share(1...11))
    }

    /// The municipality's share: sums of the schools' numerators and denominators (not an average of percents).
    public static func total(_ shares: [Share]) -> Share {
        Share(
            numerator: shares.reduce(0) { $0 + $1.numerator }, denominator: shares.reduce(0) { $0 + $1.denominator },
            source: shares.allSatisfy { $0.source == .headcount }
                ? .headcount : shares.allSatisfy { $0.source == .registry } ? .registry : .mixed)
    }

    public static func format(_ share: Share) -> String {
        guard let percent = share.percent else { return "—" }
        // A no-break space before «%»: the sign never wraps away from its number.
        return String(format: "%.1f", percent).replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
    }
}
