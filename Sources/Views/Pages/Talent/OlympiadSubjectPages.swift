import Domain
import Foundation

/// The olympiad's subjects (issue 21): the list the administrator edits.
public struct OlympiadSubjectListPage: Sendable {
    /// One subject of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var profiles: String?
        public var status: RecordStatus
        /// A subject row.
        public init(id: UUID, name: String, profiles: String?, status: RecordStatus) {
            self.id = id
            self.name = name
            self.profiles = profiles
            self.status = status
        }
    }

    public var query: ListQuery
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(query: ListQuery, rows: [Row], total: Int, canCreate: Bool) {
        self.query = query
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = OlympiadSubjectListPage(
        query: ListQuery(sort: "name"),
        rows: [
            Row(id: MockID.of(0x2101), name: "математика", profiles: nil, status: .active),
            Row(id: MockID.of(0x2102), name: "труд (технология)", profiles: "робототехника", status: .active),
        ], total: 2, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Предметы всероссийской олимпиады", area: .olympiadSubjects, query: query,
            filters: [RegistryWords.Filters.search, RegistryWords.Filters.status],
            columns: [Column("Предмет", sort: "name"), Column("Профили"), Column("Состояние")],
            rows: rows.map {
                [
                    .link($0.name, SiteURL.record(.olympiadSubjects, $0.id).path), .text($0.profiles ?? ""),
                    .badge($0.status),
                ]
            },
            total: total, noun: ("предмет", "предмета", "предметов"),
            createTitle: canCreate ? "Добавить предмет" : nil, emptyText: "Предметов олимпиады пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// An olympiad subject's form and card facts.
public struct OlympiadSubjectFormPage: Sendable {
    /// The form has no choices to load.
    public init() {}

    /// The form as the registry kit shows it.
    public static let mock = OlympiadSubjectFormPage()

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("name", "Название предмета", required: true, hint: "Как в перечне олимпиады: «математика»."),
            FieldSpec("profiles", "Профили", .textarea, hint: "Если олимпиада по предмету проходит по профилям."),
        ]
    }

    /// A subject's facts on its card.
    public static func facts(name: String, profiles: String?) -> [(String, String)] {
        [(TalentWords.Field.name, name), (TalentWords.Field.profiles, profiles ?? "—")]
    }

    /// A new subject's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.olympiadSubjects, title: TalentWords.subjectNewTitle, fields: fields).render(ctx)
    }
}
