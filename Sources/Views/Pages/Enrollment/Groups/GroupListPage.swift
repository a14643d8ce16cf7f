import Domain
import Foundation

/// The list of study groups: free places, waiting lists, and the subjects a centre has opened no group for yet.
public struct GroupListPage: Sendable {
    /// One group of the list.
    public struct Row: Sendable {
        public var id: UUID, name: String, program: String, center: String, year: String, teacher: String
        public var enrolled: Int, capacity: Int, waiting: Int
        /// A past year's group whose certificates are still to be issued (shown to the issuer with this year's).
        public var awaitingCertificates: Bool
        public init(
            id: UUID, name: String, program: String, center: String, year: String, teacher: String, enrolled: Int,
            capacity: Int, waiting: Int, awaitingCertificates: Bool = false
        ) {
            self.awaitingCertificates = awaitingCertificates
            self.id = id
            self.name = name
            self.program = program
            self.center = center
            self.year = year
            self.teacher = teacher
            self.enrolled = enrolled
            self.capacity = capacity
            self.waiting = waiting
        }
    }
    /// A centre's subjects of the current year with no open group.
    public struct Missing: Sendable {
        public var center: String, subjects: [String]
        public init(center: String, subjects: [String]) {
            self.center = center
            self.subjects = subjects
        }
    }

    public var query: ListQuery
    public var centers: [(value: String, title: String)]
    public var years: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool
    public var missing: [Missing]

    public init(
        query: ListQuery, centers: [(value: String, title: String)], years: [(value: String, title: String)],
        rows: [Row], total: Int, canCreate: Bool, missing: [Missing]
    ) {
        self.query = query
        self.centers = centers
        self.years = years
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
        self.missing = missing
    }

    public static let mock = GroupListPage(
        query: ListQuery(filters: ["year": "00000000-0000-0000-0000-0000000000c1"], sort: "center"),
        centers: [(value: "00000000-0000-0000-0000-0000000000a1", title: "Лицей № 2")],
        years: [(value: "00000000-0000-0000-0000-0000000000c1", title: "2025/2026")],
        rows: [
            Row(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, name: "Информатика-10",
                program: "Основы программирования", center: "Лицей № 2", year: "2025/2026",
                teacher: "Ёлкина Ольга Петровна",
                enrolled: 12, capacity: 12, waiting: 2),
            Row(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000002")!, name: "Химия-9",
                program: "Химия вокруг нас",
                center: "Лицей № 2", year: "2025/2026", teacher: "", enrolled: 3, capacity: 15, waiting: 0),
            Row(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000003")!, name: "Физика-11",
                program: "Физика эксперимента", center: "Лицей № 2", year: "2024/2025", teacher: "", enrolled: 10,
                capacity: 15, waiting: 0, awaitingCertificates: true),
        ],
        total: 2, canCreate: true, missing: [Missing(center: "Лицей № 2", subjects: ["Биология", "Физика"])])

    /// The registry list the controller renders.
    public var list: RegistryList {
        RegistryList(
            title: "Группы", area: .groups, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec("organization", "Ресурсный центр", .select(centers, empty: "Все центры")),
                FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
            ],
            columns: [
                Column("Группа", sort: "name"), Column("Программа"), Column("Ресурсный центр", sort: "center"),
                Column("Год"), Column("Педагог"),
                Column("Занято мест"), Column("Ожидают"),
            ],
            rows: rows.map { group in
                [
                    .link(group.name, SiteURL.record(.groups, group.id).path), .text(group.program),
                    .text(group.center),
                    group.awaitingCertificates
                        ? .tag(group.year + ": завершена, ждёт выдачи сертификатов", "expiring")
                        : .text(group.year),
                    .text(group.teacher),
                    group.enrolled >= group.capacity
                        ? .tag("\(group.enrolled) из \(group.capacity): мест нет", "expiring")
                        : .text("\(group.enrolled) из \(group.capacity)"),
                    .text(String(group.waiting)),
                ]
            },
            total: total, noun: ("группа", "группы", "групп"), createTitle: canCreate ? "Открыть группу" : nil,
            warnings: missing.map {
                "\($0.center): нет открытой группы по " + ($0.subjects.count == 1 ? "предмету " : "предметам ")
                    + $0.subjects.map { "«\($0)»" }.joined(separator: ", ") + "."
            },
            emptyText: "Групп пока нет: их открывают ресурсные центры по согласованным программам.")
    }
}
