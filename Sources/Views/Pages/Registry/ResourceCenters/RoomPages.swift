import Domain
import Foundation

/// Words of the rooms registry outside its pages: the section's noun, form checks, audit fields.
public enum RoomsWords {
    /// The record's noun.
    public static let noun = "Кабинет"
    /// The heading of a new room's form.
    public static let newTitle = "Новый кабинет"
    /// What archiving a room does.
    public static let archiveConsequence =
        "Кабинет пропадёт из списков выбора при составлении расписания; история сохранится."
    /// The user may not keep rooms of the chosen organisation.
    public static let notYourOrganization = "Вы не можете вести кабинеты этой организации."
    /// A room of that name exists in the organisation.
    public static let duplicate = "В этой организации уже есть кабинет с таким названием."
    /// What the audit log records of a room.
    public static func audit(organization: String, name: String, capacity: Int, note: String?) -> [String: String] {
        ["Организация": organization, "Кабинет": name, "Вместимость": String(capacity), "Примечание": note ?? ""]
    }
}

/// The rooms registry list.
public struct RoomListPage: Sendable {
    /// One room of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var organization: String
        public var name: String
        public var capacity: Int
        public var status: RecordStatus
        /// A room row.
        public init(id: UUID, organization: String, name: String, capacity: Int, status: RecordStatus) {
            self.id = id
            self.organization = organization
            self.name = name
            self.capacity = capacity
            self.status = status
        }
    }

    public var query: ListQuery
    /// Organisations the filter offers.
    public var organizations: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    /// The list's data.
    public init(
        query: ListQuery, organizations: [(value: String, title: String)], rows: [Row], total: Int, canCreate: Bool
    ) {
        self.query = query
        self.organizations = organizations
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = RoomListPage(
        query: ListQuery(sort: "organization"), organizations: [("o1", "МБОУ «Лицей № 1»")],
        rows: [
            Row(
                id: MockID.of(0x531), organization: "МБОУ «Лицей № 1»", name: "Кабинет № 214", capacity: 25,
                status: .active)
        ], total: 1, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Кабинеты", area: .rooms, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec("organization", "Организация", .select(organizations, empty: "Все организации")),
                RegistryWords.Filters.status,
            ],
            columns: [
                Column("Организация", sort: "organization"), Column("Кабинет", sort: "name"),
                Column("Вместимость", sort: "capacity"), Column("Состояние"),
            ],
            rows: rows.map { room in
                [
                    .text(room.organization), .link(room.name, SiteURL.record(.rooms, room.id).path),
                    .text(String(room.capacity)),
                    .badge(room.status),
                ]
            },
            total: total, noun: ("кабинет", "кабинета", "кабинетов"), createTitle: canCreate ? "Добавить кабинет" : nil,
            emptyText: "Кабинетов пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// A room's card.
public struct RoomCardPage: Sendable {
    public var organization: String
    public var name: String
    public var capacity: Int
    public var note: String?

    /// The card's data.
    public init(organization: String, name: String, capacity: Int, note: String?) {
        self.organization = organization
        self.name = name
        self.capacity = capacity
        self.note = note
    }

    /// A made-up card.
    public static let mock = RoomCardPage(
        organization: "МБОУ «Лицей № 1»", name: "Кабинет № 214", capacity: 25, note: "Проектор")

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            ("Организация", organization), ("Кабинет", name),
            ("Вместимость", RussianPlural.count(capacity, "место", "места", "мест")), ("Примечание", note ?? ""),
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.rooms, title: name + " — " + organization, facts: facts).render(ctx)
    }
}

/// A room's form.
public struct RoomFormPage: Sendable {
    /// Organisations the user may add rooms to.
    public var organizations: [(value: String, title: String)]

    /// The form's choices.
    public init(organizations: [(value: String, title: String)]) { self.organizations = organizations }

    /// A made-up form.
    public static let mock = RoomFormPage(organizations: [("o1", "МБОУ «Лицей № 1»")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("organization", "Организация", .select(organizations, empty: "— выберите —"), required: true),
            FieldSpec(
                "name", "Кабинет", required: true,
                hint: "Номер или название, например «Кабинет № 214» или «Лаборатория химии»."),
            FieldSpec("capacity", "Вместимость (мест)", .number, required: true),
            FieldSpec("note", "Примечание", .textarea),
        ]
    }

    /// A new room's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.rooms, title: RoomsWords.newTitle, fields: fields).render(ctx)
    }
}
