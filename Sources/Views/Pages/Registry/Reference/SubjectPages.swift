import Domain
import Foundation

/// Words of the subjects registry outside its pages: the section's noun, form checks, audit field names.
public enum SubjectsWords {
    /// The record's noun («Предмет не найден(а).»).
    public static let noun = "Предмет"
    /// The heading of a new subject's form.
    public static let newTitle = "Новый предмет"
    /// What archiving a subject does.
    public static let archiveConsequence =
        "Предмет пропадёт из списков выбора; ресурсные центры и сотрудники, у которых он указан, сохранят его."
    /// A subject of that name already exists.
    public static let duplicate = "Такой предмет уже есть в списке."
    /// The audit log's name of the subject's name.
    public static let nameField = "Название"
}

/// The subjects registry list.
public struct SubjectListPage: Sendable {
    /// One subject of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var status: RecordStatus
        /// A subject row.
        public init(id: UUID, name: String, status: RecordStatus) {
            self.id = id
            self.name = name
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
    public static let mock = SubjectListPage(
        query: ListQuery(sort: "name"), rows: [Row(id: MockID.of(0x501), name: "математика", status: .active)],
        total: 1,
        canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Предметы", area: .subjects, query: query,
            filters: [RegistryWords.Filters.search, RegistryWords.Filters.status],
            columns: [Column("Предмет", sort: "name"), Column("Состояние")],
            rows: rows.map { [.link($0.name, SiteURL.record(.subjects, $0.id).path), .badge($0.status)] },
            total: total, noun: ("предмет", "предмета", "предметов"),
            createTitle: canCreate ? "Добавить предмет" : nil, emptyText: "Предметов пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// A subject's card: its name and the resource centres that teach it.
public struct SubjectCardPage: Sendable {
    /// A resource centre that teaches the subject in a year.
    public struct Center: Sendable {
        public var id: UUID
        public var name: String
        public var year: String
        /// A centre row.
        public init(id: UUID, name: String, year: String) {
            self.id = id
            self.name = name
            self.year = year
        }
    }

    public var name: String
    public var centers: [Center]

    /// The card's data.
    public init(name: String, centers: [Center]) {
        self.name = name
        self.centers = centers
    }

    /// A made-up card.
    public static let mock = SubjectCardPage(
        name: "математика", centers: [Center(id: MockID.of(0x502), name: "МБОУ «Лицей № 1»", year: "2025/2026")])

    /// The card's facts.
    public var facts: [(String, String)] { [("Название", name)] }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Ресурсные центры по предмету", columns: ["Ресурсный центр", "Учебный год"],
                rows: centers.map { [.link($0.name, SiteURL.record(.resourceCenters, $0.id).path), .text($0.year)] },
                emptyText: "Ни один ресурсный центр не ведёт этот предмет.")
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.subjects, title: name, facts: facts, sections: sections).render(ctx)
    }
}

/// A subject's form.
public struct SubjectFormPage: Sendable {
    /// The form has no choices to load.
    public init() {}

    /// The form as the registry kit shows it.
    public static let mock = SubjectFormPage()

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "name", "Название предмета", required: true,
                hint: "Со строчной буквы, как в учебном плане: «математика».")
        ]
    }

    /// A new subject's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.subjects, title: SubjectsWords.newTitle, fields: fields).render(ctx)
    }
}
