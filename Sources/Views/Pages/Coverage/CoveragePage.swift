import Domain
import Foundation

/// «Охват»: the network's coverage of seniors and of all students per school and for the municipality, with
/// numerators and denominators shown.
public struct CoveragePage: Sendable {
    /// One school's coverage.
    public struct Row: Sendable {
        public var school: String, seniors: Coverage.Share, all: Coverage.Share
        /// Where the school's headcount is entered, for who may.
        public var headcountURL: String?
        public init(school: String, seniors: Coverage.Share, all: Coverage.Share, headcountURL: String?) {
            self.school = school
            self.seniors = seniors
            self.all = all
            self.headcountURL = headcountURL
        }
    }
    public var yearTitle: String
    public var rows: [Row]

    public init(yearTitle: String, rows: [Row]) {
        self.yearTitle = yearTitle
        self.rows = rows
    }

    public static let mock = CoveragePage(
        yearTitle: "2026/2027",
        rows: [
            Row(
                school: "СОШ № 1", seniors: Coverage.Share(numerator: 12, denominator: 60, source: .headcount),
                all: Coverage.Share(numerator: 300, denominator: 420, source: .headcount),
                headcountURL: "/coverage/headcount/s1"),
            Row(
                school: "Гимназия № 2", seniors: Coverage.Share(numerator: 5, denominator: 80, source: .registry),
                all: Coverage.Share(numerator: 200, denominator: 500, source: .registry), headcountURL: nil),
        ])

    /// The share and what it is made of in one cell («70,0 % (7 из 10)»), so that the table fits a 1366 px screen.
    private static func cells(_ share: Coverage.Share) -> [Cell] {
        [.text("\(Coverage.format(share)) (\(share.numerator) из \(share.denominator))")]
    }

    private static func seniorTag(_ share: Coverage.Share) -> Cell {
        guard let percent = share.percent else { return .text("—") }
        return Coverage.seniorTarget.contains(percent)
            ? .tag("в норме", "signed")
            : .tag(percent < Coverage.seniorTarget.lowerBound ? "ниже 15 %" : "выше 24 %", "expiring")
    }

    /// The list the controller renders.
    public var list: RegistryList {
        var table: [[Cell]] = rows.map { row in
            [.text(row.school)] + Self.cells(row.seniors) + [Self.seniorTag(row.seniors)] + Self.cells(row.all)
                + [.text(row.all.source.title), row.headcountURL.map { .link("Численность", $0) } ?? .text("")]
        }
        let seniors = Coverage.total(rows.map(\.seniors))
        let all = Coverage.total(rows.map(\.all))
        table.append(
            [.text("Муниципалитет в целом" + (rows.count < 2 ? " (видимые вам школы)" : ""))] + Self.cells(seniors)
                + [Self.seniorTag(seniors)] + Self.cells(all) + [.text(all.source.title), .text("")])
        var page = RegistryList(
            title: "Охват сетью — \(yearTitle)", area: .students, query: ListQuery(sort: "name", per: 1000),
            filters: [],
            columns: [
                Column("Школа"), Column("10–11 классы в сети"), Column("Цель 15–24\u{00A0}%"),
                Column("Все в сети (цель ≥\u{00A0}70\u{00A0}%)"), Column("Знаменатель"), Column(""),
            ],
            rows: table, total: rows.count, noun: ("школа", "школы", "школ"), createTitle: nil,
            warnings: [
                "Доля старшеклассников в сети — «Сетка» считает учащихся 10–11 классов, зачисленных хотя бы в одну "
                    + "группу текущего года (норма практики — 15–24 %). "
                    + "Доля всех обучающихся в дополнительных программах сети — цель не менее 70 %. Знаменатель — "
                    + "численность по классам из отчёта школы; пока она не введена, берутся обучающиеся из "
                    + "реестра. Строка муниципалитета складывает числители и знаменатели школ."
            ],
            emptyText: "Школ нет.")
        page.searchAction = "/coverage"
        return page
    }
}

/// A school's official headcount per grade for the year (ОО-1), the denominator of its coverage.
public struct HeadcountFormPage: Sendable {
    public var school: String, yearTitle: String, action: String
    public var values: FormValues, errors: FieldErrors
    public init(school: String, yearTitle: String, action: String, values: FormValues, errors: FieldErrors) {
        self.school = school
        self.yearTitle = yearTitle
        self.action = action
        self.values = values
        self.errors = errors
    }

    public static let mock = HeadcountFormPage(
        school: "СОШ № 1", yearTitle: "2026/2027", action: "/coverage/headcount/s1",
        values: FormValues(single: ["g10": "30", "g11": "30"]), errors: FieldErrors())

    /// The form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Численность обучающихся — \(school)", crumbs: [Crumb("Охват", "/coverage")], action: action,
            cancelURL: "/coverage", fields: (1...11).map { FieldSpec("g\($0)", "\($0) класс", .number) },
            values: values, errors: errors,
            intro:
                "Численность по отчёту школы на \(yearTitle) учебный год (ОО-1). Пустое поле — класса нет или данные не "
                + "введены."
        )
    }
}

/// The coverage's words outside its pages: refusals, flash messages and audit lines.
public enum CoverageWords {
    public static let noCurrentYear =
        "Текущий учебный год не задан: администратор отмечает его в разделе «Учебные годы»."
    /// The audit title of a school's headcount for a year.
    public static func auditTitle(school: String, year: String) -> String { "Численность — \(school), \(year)" }
    /// The audit lines of a headcount: one per grade.
    public static func audit(_ counts: [(grade: Int, count: Int)]) -> [String: String] {
        Dictionary(counts.map { ("\($0.grade) класс", String($0.count)) }, uniquingKeysWith: { a, _ in a })
    }
    /// After a school's headcount is saved.
    public static func saved(school: String) -> String { "Численность обучающихся \(school) сохранена." }
}
