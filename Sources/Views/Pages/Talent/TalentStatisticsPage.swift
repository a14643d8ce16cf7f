import Documents
import Domain
import Foundation

/// The olympiads' and contests' statistics (issue 21, item 8): four tables for the year and level chosen, the trend over
/// the years, printable and as XLSX.
public struct TalentStatisticsPage: Sendable {
    public var years: [(value: String, title: String)]
    public var year: String?
    public var level: String?
    /// The year's title for the headings («2026/2027»; nil: all years).
    public var yearTitle: String?
    public var bySubject: TalentStatistics.Table
    public var bySchool: TalentStatistics.Table
    public var byLevel: TalentStatistics.Table
    public var bySex: TalentStatistics.Table
    /// The staff registry's teachers and trainers who prepared the results.
    public var byPreparer: TalentStatistics.Table
    /// The school's reader sees its own; the municipality's those of students with consent.
    public var scope: String

    /// The page's data.
    public init(
        years: [(value: String, title: String)], year: String?, level: String?, yearTitle: String?,
        bySubject: TalentStatistics.Table, bySchool: TalentStatistics.Table, byLevel: TalentStatistics.Table,
        bySex: TalentStatistics.Table, byPreparer: TalentStatistics.Table, scope: String
    ) {
        self.years = years
        self.year = year
        self.level = level
        self.yearTitle = yearTitle
        self.bySubject = bySubject
        self.bySchool = bySchool
        self.byLevel = byLevel
        self.bySex = bySex
        self.byPreparer = byPreparer
        self.scope = scope
    }

    /// The sections' titles, in the page's and the workbook's order.
    public static let sections = [
        "По предметам и классам участия", "По школам", "По уровням и учебным годам", "По полу",
        "По педагогам и тренерам",
    ]
    public static let xlsxColumns = ["Раздел", "Строка", "Столбец", "Результатов", "Призёров", "Победителей"]
    public static let sheet = "Статистика"
    public static let path = SiteURL.list(.talentStatistics).path
    public static let scopeSchool = "Результаты обучающихся вашей школы."
    public static let scopeMunicipality =
        "Результаты обучающихся с согласием родителей на обработку данных (без согласия достижения не покидают школу)."

    /// A made-up page.
    public static let mock: TalentStatisticsPage = {
        let id = MockID.of(0x2191)
        let entries = [
            TalentStatistics.Entry(
                student: id, subject: "математика", grade: 10, result: .winner, level: .municipal, year: "2026/2027",
                school: "МБОУ «СОШ № 1»", sex: .female, preparers: ["Смирнова Анна Викторовна"]),
            TalentStatistics.Entry(
                student: MockID.of(0x2192), subject: "физика", grade: 11, result: .participant, level: .municipal,
                year: "2025/2026", school: "МБОУ «Гимназия № 2»", sex: nil),
        ]
        return TalentStatisticsPage(
            years: [("y1", "2026/2027")], year: "y1", level: nil, yearTitle: "2026/2027",
            bySubject: TalentStatistics.bySubjectAndGrade(entries), bySchool: TalentStatistics.bySchool(entries),
            byLevel: TalentStatistics.byLevelAndYear(entries, years: ["2025/2026", "2026/2027"]),
            bySex: TalentStatistics.bySex(entries), byPreparer: TalentStatistics.byPreparer(entries),
            scope: scopeMunicipality)
    }()

    /// The tables as the workbook's rows: section, row, column and the three counts.
    public var workbookRows: [[XLSXCell]] {
        var rows: [[XLSXCell]] = []
        for (section, table) in zip(Self.sections, [bySubject, bySchool, byLevel, bySex, byPreparer]) {
            for row in table.rows + [table.totals] {
                for (column, counts) in zip(table.columns, row.cells) where counts.results > 0 {
                    rows.append([
                        .text(section), .text(row.title), .text(column), .integer(counts.results),
                        .integer(counts.prizeWinners), .integer(counts.winners),
                    ])
                }
            }
        }
        return rows
    }

    func table(_ table: TalentStatistics.Table, trend: Bool = false, students: Bool = false) -> Node {
        el("div") {
            el("table", .cls("list")) {
                el("thead") {
                    el("tr") {
                        el("th") { "" }
                        for column in table.columns { el("th") { column } }
                        if table.columns.count > 1 { el("th") { "Всего" } }
                        if students { el("th") { "Обучающихся" } }
                    }
                }
                el("tbody") {
                    for row in table.rows + [table.totals] {
                        el("tr") {
                            el("th") { row.title }
                            for (i, counts) in row.cells.enumerated() {
                                el("td") {
                                    counts.text
                                    if trend, let change = TalentStatistics.trend(row.cells, at: i), counts.results > 0
                                    {
                                        el("span", .cls("muted")) { " " + change }
                                    }
                                }
                            }
                            if table.columns.count > 1 { el("td") { el("strong") { row.total.text } } }
                            if students { el("td") { String(row.students) } }
                        }
                    }
                }
            }
        }
    }

    public func render(_ ctx: PageContext) -> String {
        let title = "Статистика олимпиад и конкурсов"
        return Layout.page(ctx, title: title, crumbs: [Crumb(title)]) {
            el("h1") { title }
            el("p", .cls("muted")) {
                scope + " В клетке: результатов / из них призёров / победителей; участие в двух предметах — два "
                    + "результата."
            }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", Self.path)) {
                UI.selectField(
                    "year", "Учебный год", options: years, selected: year, errors: FieldErrors(),
                    includeEmpty: "Все годы")
                UI.selectField(
                    "level", "Уровень", options: ContestLevel.allCases.map { ($0.rawValue, $0.title) },
                    selected: level, errors: FieldErrors(), includeEmpty: "Все уровни")
                el("button", .type("submit")) { "Показать" }
            }
            el("div", .cls("actions")) {
                // `year` always sent: empty is «Все годы» (without it the workbook would count the current year).
                let link =
                    SiteURL.talentStatisticsXLSX.path + "?year=" + (year ?? "") + (level.map { "&level=" + $0 } ?? "")
                el("a", .cls("button"), .href(link)) {
                    "Скачать XLSX"
                }
            }
            if bySubject.rows.isEmpty {
                UI.empty("Результатов по этим условиям нет.")
            }
            el("h2") { Self.sections[0] + (yearTitle.map { ", \($0)" } ?? "") }
            table(bySubject)
            el("h2") { Self.sections[1] }
            table(bySchool, students: true)
            el("h2") { Self.sections[2] }
            el("p", .cls("muted")) { "Стрелка — изменение числа призёров и победителей к прошлому году." }
            table(byLevel, trend: true)
            el("h2") { Self.sections[3] }
            table(bySex)
            el("h2") { Self.sections[4] }
            el("p", .cls("muted")) {
                "Педагоги и тренеры из реестра педагогов, названные в достижениях; результат двух педагогов — у обоих."
            }
            if byPreparer.rows.isEmpty {
                UI.empty("Педагоги из реестра в этих достижениях не названы.")
            } else {
                table(byPreparer, students: true)
            }
        }
    }
}

/// The statistics' words that App needs.
public enum TalentStatisticsWords {
    public static let badLevel = "Уровень: школьный, муниципальный, региональный, всероссийский или международный."
}
