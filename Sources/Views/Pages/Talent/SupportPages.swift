import Domain
import Foundation

/// Where the support measures' pages are.
public enum SupportPaths {
    public static let candidates = SiteURL.supportCandidates.path
    public static let weights = "/support/weights"
    public static let order = "/support/order"
    public static func edit(_ id: UUID) -> String { SiteURL.edit(.support, id).path }
    public static func delete(_ id: UUID) -> String { SiteURL.record(.support, id).path + "/delete" }
    /// The form of a new measure for a student (from the candidates' list).
    public static func new(student: UUID, year: String?) -> String {
        SiteURL.new(.support).path + "?student=" + student.uuidString.lowercased()
            + (year.map { "&year=" + $0 } ?? "")
    }
}

/// One measure as the list, the databank card and the API show it.
public struct SupportLine: Sendable {
    public var id: UUID
    public var studentID: UUID
    public var student: String
    public var school: String
    public var grade: Int
    public var year: String
    public var kind: SupportKind
    /// «3 000 ₽ в месяц × 4 мес. = 12 000 ₽».
    public var sum: String
    /// A stipend's period, a trip's destination, event and dates.
    public var details: String
    public var basis: String
    public var points: Int
    /// «приказ № 12 от 01.10.2026», empty while proposed.
    public var decree: String
    public var status: SupportStatus
    /// The order's page when the measure is in one.
    public var orderURL: String?

    /// A measure's line.
    public init(
        id: UUID, studentID: UUID, student: String, school: String, grade: Int, year: String, kind: SupportKind,
        sum: String, details: String, basis: String, points: Int, decree: String, status: SupportStatus,
        orderURL: String?
    ) {
        self.id = id
        self.studentID = studentID
        self.student = student
        self.school = school
        self.grade = grade
        self.year = year
        self.kind = kind
        self.sum = sum
        self.details = details
        self.basis = basis
        self.points = points
        self.decree = decree
        self.status = status
        self.orderURL = orderURL
    }

    /// «стипендиат, приказ № 12 от 01.10.2026» — how the databank marks the holder.
    public var mark: String {
        status == .awarded ? Self.awardedMark(kind: kind, decree: decree) : "\(kind.title): \(status.title)"
    }

    /// An awarded measure's mark: «стипендиат, постановление № 12 от 01.10.2026».
    public static func awardedMark(kind: SupportKind, decree: String) -> String { "\(kind.holder), \(decree)" }

    static let mock = SupportLine(
        id: MockID.of(0x2301), studentID: MockID.of(0x2191), student: "Лебедева Ольга Ивановна",
        school: "МБОУ «СОШ № 1»", grade: 10, year: "2026/2027", kind: .stipend,
        sum: "3\u{00A0}000\u{00A0}₽ в месяц × 4 мес. = 12\u{00A0}000\u{00A0}₽", details: "с 01.09.2026 по 31.12.2026",
        basis: "Победитель муниципального этапа ВсОШ по математике", points: 13,
        decree: "приказ № 12 от 01.10.2026", status: .awarded, orderURL: nil)
}

/// The list of support measures with its filters and the sum paid.
public struct SupportListPage: Sendable {
    public var query: ListQuery
    public var years: [(value: String, title: String)]
    public var schools: [(value: String, title: String)]
    public var rows: [SupportLine]
    public var total: Int
    /// The roubles of every measure the filters select.
    public var totalSum: Int
    public var canChoose: Bool
    public var canSetWeights: Bool

    /// The list's data.
    public init(
        query: ListQuery, years: [(value: String, title: String)], schools: [(value: String, title: String)],
        rows: [SupportLine], total: Int, totalSum: Int, canChoose: Bool, canSetWeights: Bool
    ) {
        self.query = query
        self.years = years
        self.schools = schools
        self.rows = rows
        self.total = total
        self.totalSum = totalSum
        self.canChoose = canChoose
        self.canSetWeights = canSetWeights
    }

    /// A made-up list.
    public static let mock = SupportListPage(
        query: ListQuery(sort: "name"), years: [("y1", "2026/2027")], schools: [("s1", "МБОУ «СОШ № 1»")],
        rows: [SupportLine.mock], total: 1, totalSum: 12_000, canChoose: true, canSetWeights: true)

    /// The list's filters (also the API's).
    public static func filters(years: [(value: String, title: String)], schools: [(value: String, title: String)])
        -> [FieldSpec]
    {
        [
            FieldSpec("q", "Поиск", hint: "Фамилия или имя"),
            FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
            FieldSpec("kind", "Вид", .select(SupportKind.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec(
                "status", "Состояние", .select(SupportStatus.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        var list = RegistryList(
            title: SupportWords.title, area: .support, query: query,
            filters: Self.filters(years: years, schools: schools),
            columns: [
                Column("Обучающийся", sort: "name"), Column("Школа, класс"), Column("Год"), Column("Вид"),
                Column("Сумма", sort: "sum"), Column("Основание"), Column("Баллы"), Column("Приказ", sort: "decree"),
            ],
            rows: rows.map { row in
                [
                    .link(row.student, SiteURL.record(.support, row.id).path),
                    .text("\(row.school), \(row.grade) кл."), .text(row.year),
                    .text(row.details.isEmpty ? row.kind.title : "\(row.kind.title) (\(row.details))"),
                    .text(row.sum), .text(row.basis), .text(String(row.points)),
                    .text(row.status == .awarded ? row.decree : row.status.title),
                ]
            },
            total: total, noun: ("мера", "меры", "мер"),
            createTitle: canChoose ? SupportWords.newTitle : nil,
            emptyText: "Мер поддержки по этим условиям нет. Кандидатов и их баллы показывает «Кандидаты».")
        list.intro = "Всего по выбранным условиям: \(SupportInput.money(totalSum))."
        if canChoose {
            list.links = [("Кандидаты", SupportPaths.candidates), ("Составить проект приказа", SupportPaths.order)]
        }
        if canSetWeights { list.links.append((SupportWords.weightsTitle, SupportPaths.weights)) }
        return list
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
