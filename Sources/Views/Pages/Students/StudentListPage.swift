import Domain
import Foundation

/// The students registry list.
public struct StudentListPage: Sendable {
    /// One student of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var birth: String
        public var school: String
        /// The class, e.g. «7Б».
        public var grade: String
        /// The consent's date, nil when none was given.
        public var consentOn: String?
        public var consentWithdrawn: Bool
        /// A student row (dates as the page shows them).
        public init(
            id: UUID, name: String, birth: String, school: String, grade: String, consentOn: String?,
            consentWithdrawn: Bool
        ) {
            self.id = id
            self.name = name
            self.birth = birth
            self.school = school
            self.grade = grade
            self.consentOn = consentOn
            self.consentWithdrawn = consentWithdrawn
        }
    }

    public var query: ListQuery
    /// Schools the filter offers.
    public var schools: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool
    /// Where a file of students is loaded (shown with «create»).
    public var importURL: String

    /// The list's data.
    public init(
        query: ListQuery, schools: [(value: String, title: String)], rows: [Row], total: Int, canCreate: Bool,
        importURL: String
    ) {
        self.query = query
        self.schools = schools
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
        self.importURL = importURL
    }

    /// A made-up list.
    public static let mock = StudentListPage(
        query: ListQuery(sort: "name"), schools: [("o1", "МБОУ «СОШ № 3»")],
        rows: [
            Row(
                id: MockID.of(0x601), name: "Иванов Пётр Сергеевич", birth: "12.03.2012", school: "МБОУ «СОШ № 3»",
                grade: "7Б", consentOn: "01.09.2025", consentWithdrawn: false),
            Row(
                id: MockID.of(0x602), name: "Петрова Анна Олеговна", birth: "05.07.2011", school: "МБОУ «СОШ № 3»",
                grade: "8А", consentOn: nil, consentWithdrawn: false),
        ], total: 2, canCreate: true, importURL: "/students/import")

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        var page = RegistryList(
            title: "Обучающиеся", area: .students, query: query,
            filters: [
                RegistryWords.Filters.search, FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
                FieldSpec("grade", "Класс", .select((1...11).map { (String($0), "\($0) класс") }, empty: "Все классы")),
                FieldSpec("consent", "Согласие", .select([("no", "нет или отозвано")], empty: "Все")),
                RegistryWords.Filters.status,
            ],
            columns: [
                Column("ФИО", sort: "name"), Column("Дата рождения"), Column("Школа"), Column("Класс", sort: "grade"),
                Column("Согласие"),
            ],
            rows: rows.map { student in
                [
                    .link(student.name, SiteURL.record(.students, student.id).path), .text(student.birth),
                    .text(student.school),
                    .text(student.grade),
                    student.consentWithdrawn
                        ? .tag("отозвано", "terminated")
                        : student.consentOn.map { .text($0) } ?? .tag("нет", "terminated"),
                ]
            },
            total: total, noun: ("обучающийся", "обучающихся", "обучающихся"),
            createTitle: canCreate ? "Добавить обучающегося" : nil, emptyText: "Обучающихся пока нет.")
        if canCreate { page.links = [("Загрузить из файла", importURL)] }
        return page
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
