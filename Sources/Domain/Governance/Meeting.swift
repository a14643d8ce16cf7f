import Foundation

/// A meeting of the КМЦ (`GLOSSARY.md`: `Meeting`; issue 22, item 6; `001_4390f67d15d9225c.txt` §5.6: «не реже одного
/// раза в квартал»): planned, held (with attendance, minutes and decisions) or cancelled.
public enum MeetingStatus: String, CaseIterable, Sendable {
    case planned, held, cancelled

    public var title: String {
        switch self {
        case .planned: "запланировано"
        case .held: "проведено"
        case .cancelled: "отменено"
        }
    }
}

/// A decision of a meeting: what is decided, who answers for it, by when — with a deadline it becomes an item of the
/// municipality's plan of the КМЦ's decisions.
public struct MeetingDecision: Equatable, Sendable {
    public var text: String
    public var responsible: String?
    public var dueOn: CivilDay?

    public init(text: String, responsible: String?, dueOn: CivilDay?) {
        self.text = text
        self.responsible = responsible
        self.dueOn = dueOn
    }

    /// Decisions written one per line: «решение; ответственный; срок» (the last two may be left out); errors name the
    /// line.
    public static func parse(_ text: String, field: String, errors: inout FieldErrors) -> [MeetingDecision] {
        var decisions: [MeetingDecision] = []
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard lines.count <= 50 else {
            errors.add(field, "Не больше 50 решений.")
            return []
        }
        for (number, line) in lines.enumerated() {
            if FieldErrors.hasHiddenControls(line) {
                errors.add(field, "Строка \(number + 1): " + FieldErrors.hiddenControlsMessage)
                return []
            }
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count <= 3, let what = cells.first, !what.isEmpty, what.count <= 1000 else {
                errors.add(
                    field, "Строка \(number + 1): «решение; ответственный; срок ДД.ММ.ГГГГ» — не больше трёх полей.")
                return []
            }
            if cells.count == 2, CivilDay.parse(cells[1]) != nil {
                errors.add(
                    field,
                    "Строка \(number + 1): между решением и сроком укажите ответственного — «решение; ответственный; "
                        + "срок».")
                return []
            }
            var due: CivilDay?
            if cells.count == 3, !cells[2].isEmpty {
                guard let day = CivilDay.parse(cells[2]) else {
                    errors.add(field, "Строка \(number + 1): срок — дата в виде ДД.ММ.ГГГГ.")
                    return []
                }
                due = day
            }
            let responsible = cells.count >= 2 && !cells[1].isEmpty ? String(cells[1].prefix(300)) : nil
            decisions.append(MeetingDecision(text: what, responsible: responsible, dueOn: due))
        }
        return decisions
    }

    /// The line as the form shows it again.
    public var line: String {
        if let dueOn { return [text, responsible ?? "", dueOn.formatted].joined(separator: "; ") }
        return responsible.map { text + "; " + $0 } ?? text
    }
}

/// The quarters that ended without a held meeting (`001_4390f67d15d9225c.txt` §5.6): of the last four that have ended
/// by today (reaching into last year), oldest first.
public enum MeetingCalendar {
    public struct Quarter: Equatable, Sendable {
        public var year: Int
        public var quarter: Int
        public init(year: Int, quarter: Int) {
            self.year = year
            self.quarter = quarter
        }
        public var period: ReportPeriod { ReportPeriod.quarter(quarter, of: year)! }
    }

    /// The last four quarters that have ended by `today`, oldest first.
    public static func lastEnded(today: CivilDay) -> [Quarter] {
        var (year, quarter) = (today.ymd.year, (today.ymd.month - 1) / 3 + 1)
        var quarters: [Quarter] = []
        while quarters.count < 4 {
            (year, quarter) = quarter == 1 ? (year - 1, 4) : (year, quarter - 1)
            quarters.append(Quarter(year: year, quarter: quarter))
        }
        return quarters.reversed()
    }

    public static func quartersWithout(held days: [CivilDay], today: CivilDay) -> [Quarter] {
        lastEnded(today: today).filter { quarter in
            !days.contains { quarter.period.from <= $0 && $0 <= quarter.period.to }
        }
    }
}
