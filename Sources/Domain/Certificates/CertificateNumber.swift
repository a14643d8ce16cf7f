import Foundation

/// Certificate numbers «series-year-sequence» (СК-2026-00042): never reused, gap-free per municipality and year of
/// issue
/// (issue 4; `002_f5d848fa5a191e3f.txt` §10 counts 815 certificates over the project).
public enum CertificateNumber {
    public static let defaultSeries = "СК"

    public static func format(series: String, year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return series + "-" + String(year) + "-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// The parts of a number typed by someone verifying it (case, spaces and dash variants ignored).
    public static func parse(_ text: String) -> (series: String, year: Int, sequence: Int)? {
        let cleaned = text.uppercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "—", with: "-")
        let parts = cleaned.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].count <= 10, let year = Int(parts[1]),
            (2000...2100).contains(year),
            parts[2].count <= 9, let number = Int(parts[2]), number > 0
        else { return nil }
        return (String(parts[0]), year, number)
    }

    /// A series as the administrator may set it: 1–6 capital letters (Cyrillic or Latin) or digits.
    public static func isValidSeries(_ series: String) -> Bool {
        !series.isEmpty && series.count <= 6 && series.allSatisfy { $0.isLetter && $0.isUppercase || $0.isNumber }
    }

    /// The numbers handed out by one counter move from `last + 1` for `count` certificates.
    public static func sequences(after last: Int, count: Int) -> ClosedRange<Int>? {
        count > 0 ? (last + 1)...(last + count) : nil
    }
}
