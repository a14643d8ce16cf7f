import Foundation

/// An organisation's answers to a report form (issue 22, item 5), kept as the text of each indicator in its normal
/// form: a number as digits, a share as «12.5», a date as «31.03.2027», a table as lines of cells joined by «; ».
/// A draft keeps what is written and checks only its form; a submission needs every required indicator too.
public enum ReportAnswers {
    public static let maxNumber = 10_000_000
    public static let maxText = 4000
    public static let maxRows = 200

    /// The answers of `form` from the form's fields (`indicator key` → text), checked; errors under each field.
    public static func check(
        _ form: ReportForm, _ field: (String) -> String?, submitting: Bool, errors: inout FieldErrors
    ) -> [String: String] {
        var answers: [String: String] = [:]
        for indicator in form.indicators {
            let raw = (field(indicator.key) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if raw.isEmpty {
                if submitting && indicator.required { errors.add(indicator.key, "Заполните: показатель обязателен.") }
                continue
            }
            if FieldErrors.hasHiddenControls(raw.replacingOccurrences(of: "\n", with: " ")) {
                errors.add(indicator.key, FieldErrors.hiddenControlsMessage)
                continue
            }
            switch indicator.kind {
            case .number:
                let digits = raw.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
                guard let value = Int(digits), (0...maxNumber).contains(value) else {
                    errors.add(indicator.key, "Целое число от 0 до 10\u{00A0}000\u{00A0}000.")
                    continue
                }
                answers[indicator.key] = String(value)
            case .share:
                guard let value = share(raw) else {
                    errors.add(indicator.key, "Доля в процентах — число от 0 до 100, например 62,5.")
                    continue
                }
                answers[indicator.key] = format(value)
            case .text:
                guard raw.count <= maxText else {
                    errors.add(indicator.key, "Не длиннее \(maxText) символов.")
                    continue
                }
                answers[indicator.key] = raw
            case .date:
                guard let day = CivilDay.parse(raw) else {
                    errors.add(indicator.key, "Дата — в виде ДД.ММ.ГГГГ, например 05.04.2027.")
                    continue
                }
                answers[indicator.key] = day.formatted
            case .table(let columns):
                let lines = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                guard lines.count <= maxRows else {
                    errors.add(indicator.key, "Не больше \(maxRows) строк.")
                    continue
                }
                var rows: [String] = []
                for (number, line) in lines.enumerated() {
                    let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                    guard cells.count == columns.count, !cells.allSatisfy(\.isEmpty) else {
                        errors.add(
                            indicator.key,
                            "Строка \(number + 1): нужно \(columns.count) поля через «;» — "
                                + columns.joined(separator: "; ") + ".")
                        break
                    }
                    rows.append(cells.joined(separator: "; "))
                }
                if rows.count == lines.count, !rows.isEmpty, raw.count <= maxText * 4 {
                    answers[indicator.key] = rows.joined(separator: "\n")
                } else if raw.count > maxText * 4 {
                    errors.add(indicator.key, "Слишком длинная таблица.")
                }
            }
        }
        return answers
    }

    /// «62,5», «62.5 %», «100» → 62.5; nil outside 0…100.
    public static func share(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".")
            .trimmingCharacters(in: .whitespaces)
        guard let value = Double(cleaned), value.isFinite, (0...100).contains(value) else { return nil }
        return (value * 10).rounded() / 10
    }

    /// «62.5», «100».
    public static func format(_ share: Double) -> String {
        share == share.rounded() ? String(Int(share)) : String(format: "%.1f", share)
    }

    /// An answer as a reader sees it: a share with a decimal comma («58,5»).
    public static func display(_ value: String, _ kind: ReportIndicator.Kind?) -> String {
        kind == .share ? value.replacingOccurrences(of: ".", with: ",") : value
    }

    /// The rows of a table answer.
    public static func rows(_ answer: String?) -> [[String]] {
        (answer ?? "").split(separator: "\n").map { $0.components(separatedBy: "; ") }
    }
}

/// The consolidated report of a campaign (issue 22, item 5): per indicator, the sum of the numbers, the mean and the
/// range of the shares, the texts and dates by organisation, the tables' rows with their organisation's name.
public struct ReportConsolidation: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var key: String
        public var title: String
        public var unit: String
        /// The sum (numbers), the mean (shares), how many answered (texts, dates, tables).
        public var total: String
        /// How many organisations answered.
        public var answered: Int
        /// Each organisation's answer, in the order given.
        public var byOrganization: [(organization: String, value: String)]
        /// The table's rows, each led by its organisation.
        public var rows: [[String]]

        public static func == (a: Line, b: Line) -> Bool {
            a.key == b.key && a.total == b.total && a.answered == b.answered && a.rows == b.rows
                && a.byOrganization.map(\.organization) == b.byOrganization.map(\.organization)
                && a.byOrganization.map(\.value) == b.byOrganization.map(\.value)
        }
    }

    public var lines: [Line]

    public init(_ form: ReportForm, reports: [(organization: String, answers: [String: String])]) {
        lines = form.indicators.map { indicator in
            let given = reports.compactMap { report in
                report.answers[indicator.key].map { (organization: report.organization, value: $0) }
            }
            var total: String
            var rows: [[String]] = []
            switch indicator.kind {
            case .number:
                total = String(given.compactMap { Int($0.value) }.reduce(0, +))
            case .share:
                let values = given.compactMap { Double($0.value) }
                total =
                    values.isEmpty
                    ? "—"
                    : ReportAnswers.format((values.reduce(0, +) / Double(values.count) * 10).rounded() / 10)
            case .text, .date:
                total = String(given.count)
            case .table:
                rows = given.flatMap { answer in ReportAnswers.rows(answer.value).map { [answer.organization] + $0 } }
                total = String(rows.count)
            }
            return Line(
                key: indicator.key, title: indicator.title, unit: indicator.unit, total: total, answered: given.count,
                byOrganization: given, rows: rows)
        }
    }
}
