import Foundation

/// A report form (issue 22, item 5): typed indicators — a number, a share, a text, a date, a table — each with its
/// unit, whether it is required, and where Setka can compute it from its own data. Setka ships the quarterly report of
/// a «Точка роста» centre on the roadmap's measures (`004_5209da8e0aa92458.txt` № 43: «ежеквартальный отчет о выполнении
/// мероприятий проекта (в соответствии с формой)»; the seed names the report, not its form — the indicators are the
/// roadmap's measures that a quarter can count).
public struct ReportForm: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var indicators: [ReportIndicator]

    public init(id: String, title: String, indicators: [ReportIndicator]) {
        self.id = id
        self.title = title
        self.indicators = indicators
    }

    public static let builtIn: [ReportForm] = [quarterly]
    public static func builtIn(_ id: String) -> ReportForm? { builtIn.first { $0.id == id } }

    public func indicator(_ key: String) -> ReportIndicator? { indicators.first { $0.key == key } }

    /// The quarterly report of a «Точка роста» centre.
    public static let quarterly = ReportForm(
        id: "tochka-rosta-quarter", title: "Ежеквартальный отчёт о выполнении мероприятий проекта «Точка роста»",
        indicators: [
            ReportIndicator(
                "students", "Обучающихся в группах центра", .number, unit: "чел.", required: true,
                source: .studentsCovered),
            ReportIndicator(
                "groups", "Групп центра, занимавшихся в квартале", .number, unit: "", required: true, source: .groups),
            ReportIndicator(
                "hours", "Проведено часов занятий (по журналу)", .number, unit: "ч", required: true,
                source: .hoursDelivered),
            ReportIndicator("certificates", "Выдано сертификатов", .number, unit: "шт.", source: .certificates),
            ReportIndicator(
                "achievements", "Победителей и призёров олимпиад и конкурсов", .number, unit: "чел.",
                source: .achievements),
            ReportIndicator(
                "planDone", "Выполнено мероприятий дорожной карты", .number, unit: "", required: true,
                source: .planItemsDone),
            ReportIndicator(
                "planOverdue", "Мероприятий дорожной карты с нарушением срока на конец квартала", .number, unit: "",
                required: true, source: .planItemsOverdue),
            ReportIndicator(
                "events", "Проведено мероприятий для обучающихся, педагогов и родителей", .number, unit: "",
                required: true),
            ReportIndicator("teachersTrained", "Педагогов, прошедших повышение квалификации", .number, unit: "чел."),
            ReportIndicator(
                "equipmentLoad", "Загрузка оборудования центра", .share, unit: "%",
                hint: "Доля учебного времени, когда оборудование используется, в процентах."),
            ReportIndicator(
                "measures", "Проведённые мероприятия", .table(["Мероприятие", "Дата", "Участников", "Результат"]),
                hint: "Каждое мероприятие — отдельной строкой, поля через «;»: «Мастер-класс по робототехнике; "
                    + "12.10.2026; 25; проведён»."),
            ReportIndicator("publications", "Публикации о работе центра (СМИ, сайт, соцсети)", .text),
            ReportIndicator("problems", "Проблемы и пути их решения", .text, required: true),
            ReportIndicator("reportDate", "Дата составления отчёта", .date, required: true),
        ])
}

/// One indicator of a report form.
public struct ReportIndicator: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case number, share, text, date
        /// Rows of the named columns.
        case table([String])

        public var title: String {
            switch self {
            case .number: "число"
            case .share: "доля, %"
            case .text: "текст"
            case .date: "дата"
            case .table: "таблица"
            }
        }
    }

    public var key: String
    public var title: String
    public var kind: Kind
    public var unit: String
    public var required: Bool
    public var hint: String?
    /// Where Setka computes it from (the form pre-fills it and says so); nil: the organisation writes it.
    public var source: ReportSource?

    public init(
        _ key: String, _ title: String, _ kind: Kind, unit: String = "", required: Bool = false, hint: String? = nil,
        source: ReportSource? = nil
    ) {
        self.key = key
        self.title = title
        self.kind = kind
        self.unit = unit
        self.required = required
        self.hint = hint
        self.source = source
    }
}

/// What Setka can count for an organisation and a period, and how the form names where the number came from.
public enum ReportSource: String, CaseIterable, Sendable {
    case studentsCovered, groups, hoursDelivered, certificates, achievements, planItemsDone, planItemsOverdue

    public var title: String {
        switch self {
        case .studentsCovered: "обучающиеся, зачисленные в группы организации, у которых были занятия в периоде"
        case .groups: "группы организации с занятиями в периоде"
        case .hoursDelivered: "часы отмеченных в журнале занятий групп организации за период"
        case .certificates: "сертификаты, выданные по группам организации за период"
        case .achievements: "победители и призёры среди обучающихся организации с результатом в периоде"
        case .planItemsDone: "пункты планов организации, выполненные в периоде"
        case .planItemsOverdue: "пункты планов организации, просроченные на конец периода"
        }
    }
}

/// A reporting period and its due day: for a quarter, the 5th of the month after it (`004_5209da8e0aa92458.txt` № 43,
/// «до 5 числа месяца, следующего за кварталом»; the fourth quarter's in January of the next year).
public struct ReportPeriod: Equatable, Sendable {
    public var from: CivilDay
    public var to: CivilDay
    public var due: CivilDay

    public init(from: CivilDay, to: CivilDay, due: CivilDay) {
        self.from = from
        self.to = to
        self.due = due
    }

    /// The quarter (1–4) of a year; nil for another number.
    public static func quarter(_ quarter: Int, of year: Int) -> ReportPeriod? {
        guard (1...4).contains(quarter), let from = CivilDay(year: year, month: quarter * 3 - 2, day: 1) else {
            return nil
        }
        let lastMonth = CivilDay(year: year, month: quarter * 3, day: 1)!
        let to = lastMonth.adding(days: lastMonth.daysInMonth - 1)
        let due =
            quarter == 4
            ? CivilDay(year: year + 1, month: 1, day: 5)! : CivilDay(year: year, month: quarter * 3 + 1, day: 5)!
        return ReportPeriod(from: from, to: to, due: due)
    }

    /// «I квартал 2027 (01.01.2027 — 31.03.2027)».
    public static func quarterTitle(_ quarter: Int, of year: Int) -> String {
        ["I", "II", "III", "IV"][max(0, min(3, quarter - 1))] + " квартал \(year)"
    }
}

/// A report's state: not begun, a draft, submitted, returned for correction with a comment (it changes only after it is
/// returned).
public enum ReportStatus: String, CaseIterable, Sendable {
    case pending, draft, submitted, returned

    public var title: String {
        switch self {
        case .pending: "не начат"
        case .draft: "черновик"
        case .submitted: "сдан"
        case .returned: "возвращён на доработку"
        }
    }

    /// The organisation may change it.
    public var isOpen: Bool { self != .submitted }
}
