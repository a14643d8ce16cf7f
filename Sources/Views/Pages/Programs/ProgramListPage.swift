import Domain
import Foundation

/// The network programmes list.
public struct ProgramListPage: Sendable {
    /// One programme of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var title: String
        public var kind: ProgramKind?
        public var center: String
        public var gradeFrom: Int
        public var gradeTo: Int
        public var hours: Int
        public var approval: ProgramApproval
        /// A programme row.
        public init(
            id: UUID, title: String, kind: ProgramKind?, center: String, gradeFrom: Int, gradeTo: Int, hours: Int,
            approval: ProgramApproval
        ) {
            self.id = id
            self.title = title
            self.kind = kind
            self.center = center
            self.gradeFrom = gradeFrom
            self.gradeTo = gradeTo
            self.hours = hours
            self.approval = approval
        }
    }

    public var query: ListQuery
    /// Resource centres the filter offers.
    public var centers: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool
    /// Programmes waiting for the КМЦ, shown to those who review them (0: no warning).
    public var waiting: Int

    /// The list's data.
    public init(
        query: ListQuery, centers: [(value: String, title: String)], rows: [Row], total: Int, canCreate: Bool,
        waiting: Int
    ) {
        self.query = query
        self.centers = centers
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
        self.waiting = waiting
    }

    /// A made-up list.
    public static let mock = ProgramListPage(
        query: ListQuery(sort: "title"), centers: [("o1", "МБОУ «Лицей № 1»")],
        rows: [
            Row(
                id: MockID.of(0x801), title: "Робототехника", kind: ProgramKind.allCases.first,
                center: "МБОУ «Лицей № 1»", gradeFrom: 5, gradeTo: 7, hours: 64, approval: .submitted)
        ], total: 1, canCreate: true, waiting: 1)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Сетевые программы", area: .programs, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec(
                    "approval", "Согласование",
                    .select(ProgramApproval.allCases.map { ($0.rawValue, $0.title) }, empty: "Любое")),
                FieldSpec("organization", "Ресурсный центр", .select(centers, empty: "Все центры")),
                FieldSpec(
                    "kind", "Вид", .select(ProgramKind.allCases.map { ($0.rawValue, $0.title) }, empty: "Все виды")),
                RegistryWords.Filters.status,
            ],
            columns: [
                Column("Программа", sort: "title"), Column("Вид"), Column("Ресурсный центр", sort: "center"),
                Column("Классы"), Column("Часов"), Column("Согласование"),
            ],
            rows: rows.map { program in
                let approval = program.approval
                return [
                    .link(program.title, SiteURL.record(.programs, program.id).path), .text(program.kind?.title ?? ""),
                    .text(program.center),
                    .text("\(program.gradeFrom)–\(program.gradeTo)"), .text(String(program.hours)),
                    .tag(
                        approval.title,
                        approval == .agreed
                            ? "signed"
                            : approval == .returned ? "terminated" : approval == .submitted ? "expiring" : "draft"
                    ),
                ]
            },
            total: total, noun: ("программа", "программы", "программ"),
            createTitle: canCreate ? "Новая программа" : nil,
            warnings: waiting > 0
                ? ["Ждут согласования КМЦ: " + RussianPlural.count(waiting, "программа", "программы", "программ") + "."]
                : [],
            emptyText: "Программ пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
