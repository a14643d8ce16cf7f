import Domain
import Foundation

/// Words of the partner registry outside its pages: the section's noun, form checks, audit fields.
public enum PartnersWords {
    /// The record's noun, and a card's title before its organisation is known.
    public static let noun = "Партнёр"
    /// The heading of a new partner's form.
    public static let newTitle = "Новый партнёр"
    /// What archiving a partner does.
    public static let archiveConsequence =
        "Партнёр пропадёт из списков выбора для новых договоров; действующие договоры и история сохранятся."
    /// No form of interaction ticked.
    public static let atLeastOneForm = "Отметьте хотя бы одну форму взаимодействия."
    /// A form outside the list.
    public static let formsFromList = "Выберите формы из списка."
    /// A direction outside the list.
    public static let directionsFromList = "Выберите направления из списка."
    /// The organisation is a partner already.
    public static let duplicate = "Эта организация уже есть в реестре партнёров."
    /// What the audit log records of a partner.
    public static func audit(
        organization: String, sector: PartnerSector?, forms: [InteractionForm], directions: [InteractionDirection],
        contact: String?, note: String?
    ) -> [String: String] {
        [
            "Организация": organization, "Кто": sector?.title ?? "",
            "Формы": forms.map(\.title).joined(separator: "; "),
            "Направления": directions.map(\.title).joined(separator: "; "), "Контактное лицо": contact ?? "",
            "Примечание": note ?? "",
        ]
    }
}

/// The partner registry list.
public struct PartnerListPage: Sendable {
    /// One partner of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var sector: PartnerSector?
        public var forms: [InteractionForm]
        public var directions: [InteractionDirection]
        /// A partner row.
        public init(
            id: UUID, name: String, sector: PartnerSector?, forms: [InteractionForm],
            directions: [InteractionDirection]
        ) {
            self.id = id
            self.name = name
            self.sector = sector
            self.forms = forms
            self.directions = directions
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
    public static let mock = PartnerListPage(
        query: ListQuery(sort: "name"),
        rows: [
            Row(
                id: MockID.of(0x551), name: "ООО «Технопарк»", sector: PartnerSector.allCases.first,
                forms: Array(InteractionForm.allCases.prefix(2)),
                directions: Array(InteractionDirection.allCases.prefix(1)))
        ], total: 1, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Партнёры сети", area: .partners, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec(
                    "sector", "Кто", .select(PartnerSector.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
                RegistryWords.Filters.status,
            ],
            columns: [
                Column("Партнёр", sort: "name"), Column("Кто"), Column("Формы взаимодействия"), Column("Направления"),
            ],
            rows: rows.map { partner in
                [
                    .link(partner.name, SiteURL.record(.partners, partner.id).path), .text(partner.sector?.title ?? ""),
                    .text(partner.forms.map(\.title).joined(separator: "; ")),
                    .text(partner.directions.map(\.title).joined(separator: "; ")),
                ]
            },
            total: total, noun: ("партнёр", "партнёра", "партнёров"),
            createTitle: canCreate ? "Добавить партнёра" : nil,
            emptyText: "Партнёров пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
