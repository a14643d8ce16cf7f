import Domain
import Foundation

/// The staff registry list.
public struct StaffListPage: Sendable {
    /// One staff member of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var isOutsideTrainer: Bool
        public var position: String
        public var organizations: [String]
        public var subjects: [String]
        public var category: QualificationCategory?
        /// A staff row.
        public init(
            id: UUID, name: String, isOutsideTrainer: Bool, position: String, organizations: [String],
            subjects: [String], category: QualificationCategory?
        ) {
            self.id = id
            self.name = name
            self.isOutsideTrainer = isOutsideTrainer
            self.position = position
            self.organizations = organizations
            self.subjects = subjects
            self.category = category
        }
    }

    public var query: ListQuery
    /// Organisations the filter offers.
    public var organizations: [(value: String, title: String)]
    /// Subjects the filter offers.
    public var subjects: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(
        query: ListQuery, organizations: [(value: String, title: String)], subjects: [(value: String, title: String)],
        rows: [Row], total: Int, canCreate: Bool
    ) {
        self.query = query
        self.organizations = organizations
        self.subjects = subjects
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = StaffListPage(
        query: ListQuery(sort: "name"), organizations: [("o1", "МБОУ «Лицей № 1»")], subjects: [("s1", "физика")],
        rows: [
            Row(
                id: MockID.of(0x571), name: "Зайцев Игорь Петрович", isOutsideTrainer: true, position: "тренер",
                organizations: [], subjects: ["физика"], category: QualificationCategory.allCases.last)
        ], total: 1, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Сотрудники", area: .staff, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec("organization", "Организация", .select(organizations, empty: "Все организации")),
                FieldSpec("subject", "Предмет", .select(subjects, empty: "Все предметы")),
                FieldSpec(
                    "trainer", "Кто",
                    .select([("no", "сотрудники организаций"), ("yes", "внешние тренеры")], empty: "Все")),
                RegistryWords.Filters.status,
            ],
            columns: [
                Column("ФИО", sort: "name"), Column("Должность", sort: "position"), Column("Организации"),
                Column("Предметы"), Column("Категория"),
            ],
            rows: rows.map { staff in
                [
                    .linkWithNote(
                        staff.name, SiteURL.record(.staff, staff.id).path,
                        staff.isOutsideTrainer ? "внешний тренер" : nil),
                    .text(staff.position), .text(staff.organizations.joined(separator: ", ")),
                    .text(staff.subjects.joined(separator: ", ")), .text(staff.category?.title ?? ""),
                ]
            },
            total: total, noun: ("сотрудник", "сотрудника", "сотрудников"),
            createTitle: canCreate ? "Добавить сотрудника" : nil, emptyText: "Сотрудников пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
