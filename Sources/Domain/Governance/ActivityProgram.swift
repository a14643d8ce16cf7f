import Foundation

/// A resource centre's activity programme for an academic year (`GLOSSARY.md`: `CenterActivityProgram`; issue 22,
/// item 3): the seven sections of `003_256a4293e3c370c5.txt` §4.2, the year's work plan as rows, and the working group
/// of §3.5 that wrote it. The centre's head approves it and submits it; the department or the КМЦ agrees it or returns
/// it with a comment (§3.2).
public enum ActivityProgramSection: String, CaseIterable, Codable, Sendable {
    case rationale, goals, content, mechanism, results, workPlan, prospects

    /// The section's heading as §4.2 lists it.
    public var title: String {
        switch self {
        case .rationale: "Пояснительная записка"
        case .goals: "Цель и задачи деятельности РЦ"
        case .content: "Содержание деятельности РЦ"
        case .mechanism: "Механизм реализации программы"
        case .results: "Ожидаемые результаты"
        case .workPlan: "План работы РЦ на учебный год"
        case .prospects: "Перспективы программы"
        }
    }

    /// What §4.2 asks the section to hold.
    public var hint: String {
        switch self {
        case .rationale:
            "Обоснование актуальности выявленной проблемы, целевая аудитория, предполагаемые результаты реализации."
        case .goals: "Цель и задачи деятельности РЦ по решению выявленной проблемы."
        case .content: "Направления деятельности, формы и методы работы."
        case .mechanism:
            "Этапы и сроки реализации, ответственные, взаимодействие с учреждениями и организациями-партнёрами."
        case .results: "Количественные и качественные показатели планируемых результатов (§5.1.1)."
        case .workPlan: "По строке на мероприятие: «мероприятие; сроки; ответственный; партнёры»."
        case .prospects: "Как программа будет развиваться дальше."
        }
    }

    /// The sections written as text (the work plan is rows).
    public static let texts: [ActivityProgramSection] = allCases.filter { $0 != .workPlan }
}

public enum ActivityProgramStatus: String, CaseIterable, Codable, Sendable {
    case draft, submitted, agreed, returned

    public var title: String {
        switch self {
        case .draft: "Черновик"
        case .submitted: "На согласовании"
        case .agreed: "Согласована"
        case .returned: "Возвращена на доработку"
        }
    }

    /// The centre may change it.
    public var isOpen: Bool { self == .draft || self == .returned }
}

/// One row of the year's work plan: an item of the centre's plan once the programme is agreed.
public struct ActivityPlanRow: Codable, Equatable, Sendable {
    public var activity: String
    /// The dates as written: «сентябрь – октябрь», «до 15.11», «20.03.2027», «в течение года».
    public var dates: String
    public var responsible: String
    public var partners: String?
    /// The day the dates make in the academic year (nil: the words make none exact).
    public var dueOn: CivilDay?
    public var startsOn: CivilDay?

    public init(
        activity: String, dates: String, responsible: String, partners: String? = nil, dueOn: CivilDay? = nil,
        startsOn: CivilDay? = nil
    ) {
        self.activity = activity
        self.dates = dates
        self.responsible = responsible
        self.partners = partners
        self.dueOn = dueOn
        self.startsOn = startsOn
    }

    /// «мероприятие; сроки; ответственный; партнёры».
    public var line: String {
        [activity, dates, responsible, partners].compactMap { $0 }.joined(separator: "; ")
    }

    /// The days of `dates` in the academic year that starts in September of `startYear`: months from September
    /// belong to that year, the others to the next. A full date, or a year written, must lie within the year
    /// (1 September – 31 August), and a run of months must not cross its end («май – сентябрь»): `outside` then.
    /// Nil days when the words make none exact.
    public static func days(_ dates: String, startYear: Int) -> (due: CivilDay?, start: CivilDay?, outside: Bool) {
        let first = CivilDay(year: startYear, month: 9, day: 1)!
        let last = CivilDay(year: startYear + 1, month: 8, day: 31)!
        if let day = CivilDay.parse(dates.trimmingCharacters(in: .whitespaces)) {
            return (day, nil, day < first || day > last)
        }
        let (due, start) = monthDays(dates, startYear: startYear)
        if let due, let start, start > due { return (nil, nil, true) }
        // A year written (a number from 2000 to 2100): the academic year's; a single month's or day's, the day's.
        let years = dates.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            .filter { (2000...2100).contains($0) }
        if years.contains(where: { $0 != startYear && $0 != startYear + 1 }) { return (nil, nil, true) }
        if let due, start == nil, years.count == 1, years[0] != due.ymd.year { return (nil, nil, true) }
        return (due, start, false)
    }

    /// The days of month words in the academic year (`RoadmapDeadline`'s, and runs across the new year).
    static func monthDays(_ dates: String, startYear: Int) -> (due: CivilDay?, start: CivilDay?) {
        func year(_ month: Int) -> Int { month >= 9 ? startYear : startYear + 1 }
        func lastDay(_ month: Int) -> CivilDay? { RoadmapDeadline.lastDay(year(month), month) }
        switch RoadmapDeadline(dates).kind {
        case .day(let month, let day): return (CivilDay(year: year(month), month: month, day: day), nil)
        case .months(let from, let to):
            return (lastDay(to), from == to ? nil : CivilDay(year: year(from), month: from, day: 1))
        case .from(let month): return (nil, CivilDay(year: year(month), month: month, day: 1))
        case .quarterly, .afterQuarter: return (nil, nil)
        case .words:
            // «сентябрь – май», «сентябрь 2026 – май 2027»: a run across the new year, which a calendar year's
            // roadmap does not have.
            let sides: [Substring] = dates.lowercased().replacingOccurrences(of: "–", with: "-")
                .replacingOccurrences(of: "—", with: "-").split(separator: "-")
            let words: [[Substring]] = sides.map { side in
                side.split(separator: " ").filter { word in !(word.count == 4 && word.allSatisfy(\.isNumber)) }
            }
            if words.count == 2, words[0].count == 1, words[1].count == 1,
                let from = RoadmapDeadline.month(words[0][0]), let to = RoadmapDeadline.month(words[1][0]),
                year(from) < year(to)
            {
                return (lastDay(to), CivilDay(year: year(from), month: from, day: 1))
            }
            return (nil, nil)
        }
    }

    /// Rows written one per line: «мероприятие; сроки; ответственный; партнёры» (partners may be left out); errors
    /// name the line.
    public static func parse(_ text: String, startYear: Int, field: String, errors: inout FieldErrors)
        -> [ActivityPlanRow]
    {
        var rows: [ActivityPlanRow] = []
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for (number, line) in lines.enumerated() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard (3...4).contains(cells.count), !cells[0].isEmpty, !cells[1].isEmpty, !cells[2].isEmpty else {
                errors.add(
                    field,
                    "Строка \(number + 1): «мероприятие; сроки; ответственный; партнёры» — первые три поля "
                        + "обязательны, партнёров можно не указывать.")
                continue
            }
            if cells.contains(where: { $0.count > 500 }) {
                errors.add(field, "Строка \(number + 1): поле не длиннее 500 символов.")
                continue
            }
            let days = Self.days(cells[1], startYear: startYear)
            if days.outside {
                errors.add(
                    field,
                    "Строка \(number + 1): сроки «\(cells[1])» выходят за учебный год "
                        + "01.09.\(startYear) — 31.08.\(startYear + 1).")
                continue
            }
            rows.append(
                ActivityPlanRow(
                    activity: cells[0], dates: cells[1], responsible: cells[2],
                    partners: cells.count == 4 && !cells[3].isEmpty ? cells[3] : nil, dueOn: days.due,
                    startsOn: days.start))
        }
        if rows.count > 300 { errors.add(field, "Не больше 300 мероприятий.") }
        return rows
    }
}
