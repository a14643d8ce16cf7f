import Domain
import Foundation

/// Words of the resource centres registry outside its pages: the section's noun, form checks, audit fields.
public enum ResourceCentersWords {
    /// The record's noun, and a card's title before its organisation is known.
    public static let noun = "Ресурсный центр"
    /// The heading of a new designation's form.
    public static let newTitle = "Новый ресурсный центр"
    /// What archiving a designation does.
    public static let archiveConsequence =
        "Организация перестанет быть ресурсным центром в этом учебном году и пропадёт с публичной страницы; история "
        + "сохранится."
    /// An academic year asked for by the API that is not there.
    public static func yearNotFound(_ raw: String) -> String {
        "Учебный год «\(raw)» не найден: укажите его как 2025/2026."
    }
    /// A year outside the list.
    public static let yearFromList = "Выберите учебный год из списка."
    /// A direction outside the list.
    public static let directionsFromList = "Выберите направления из списка."
    /// A profile outside the list.
    public static let profilesFromList = "Выберите профили из списка."
    /// The organisation is a centre in that year already.
    public static func duplicate(year: String) -> String {
        "Эта организация уже назначена ресурсным центром в \(year) учебном году."
    }
    /// A decree's number and date («№ 12 от 01.09.2025»), empty without a number.
    public static func decree(number: String?, date: String?) -> String {
        guard let number else { return "" }
        return "№ \(number)" + (date.map { " от " + $0 } ?? "")
    }
    /// What the audit log records of a designation.
    public static func audit(
        organization: String, year: String, subjects: [String], directions: [Direction], profiles: [StudyProfile],
        decree: String
    ) -> [String: String] {
        [
            "Организация": organization, "Учебный год": year, "Предметы": subjects.joined(separator: ", "),
            "Направления": directions.map(\.title).joined(separator: "; "),
            "Профили": profiles.map(\.title).joined(separator: "; "), "Приказ": decree,
        ]
    }
}

/// The resource centres registry list (of one academic year).
public struct ResourceCenterListPage: Sendable {
    /// One designation of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var organization: String
        public var subjects: [String]
        public var directions: [Direction]
        public var decree: String
        public var status: RecordStatus
        /// A designation row (the decree as `ResourceCentersWords.decree` words it).
        public init(
            id: UUID, organization: String, subjects: [String], directions: [Direction], decree: String,
            status: RecordStatus
        ) {
            self.id = id
            self.organization = organization
            self.subjects = subjects
            self.directions = directions
            self.decree = decree
            self.status = status
        }
    }

    public var query: ListQuery
    /// Academic years the filter offers (id, title).
    public var years: [(value: String, title: String)]
    /// Whether any academic year exists.
    public var hasYear: Bool
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(
        query: ListQuery, years: [(value: String, title: String)], hasYear: Bool, rows: [Row], total: Int,
        canCreate: Bool
    ) {
        self.query = query
        self.years = years
        self.hasYear = hasYear
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = ResourceCenterListPage(
        query: ListQuery(sort: "name"), years: [("y1", "2025/2026")], hasYear: true,
        rows: [
            Row(
                id: MockID.of(0x541), organization: "МБОУ «Лицей № 1»", subjects: ["информатика", "математика"],
                directions: Array(Direction.allCases.prefix(1)), decree: "№ 12 от 01.09.2025", status: .active)
        ], total: 1, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Ресурсные центры", area: .resourceCenters, query: query,
            filters: [
                RegistryWords.Filters.search, FieldSpec("year", "Учебный год", .select(years, empty: nil)),
                RegistryWords.Filters.status,
            ],
            columns: [
                Column("Организация", sort: "name"), Column("Предметы"), Column("Направления"), Column("Приказ"),
                Column("Состояние"),
            ],
            rows: rows.map { rc in
                [
                    .link(rc.organization, SiteURL.record(.resourceCenters, rc.id).path),
                    .text(rc.subjects.joined(separator: ", ")),
                    .text(rc.directions.map(\.title).joined(separator: "; ")), .text(rc.decree), .badge(rc.status),
                ]
            },
            total: total, noun: ("ресурсный центр", "ресурсных центра", "ресурсных центров"),
            createTitle: canCreate ? "Назначить ресурсный центр" : nil,
            emptyText: hasYear
                ? "В этом учебном году ресурсных центров нет." : "Учебных лет пока нет: добавьте учебный год.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
