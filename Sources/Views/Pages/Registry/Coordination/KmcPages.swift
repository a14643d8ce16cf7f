import Domain
import Foundation

/// Words of the КМЦ composition outside its pages: the section's noun and audit fields.
public enum KmcWords {
    /// The record's noun.
    public static let noun = "Член КМЦ"
    /// The heading of a new member's form.
    public static let newTitle = "Новый член КМЦ"
    /// What archiving a member does.
    public static let archiveConsequence = "Человек пропадёт из действующего состава КМЦ; история сохранится."
    /// What the audit log records of a member (dates as the page shows them).
    public static func audit(name: String, role: KmcRole?, position: String, from: String, to: String, decree: String?)
        -> [String: String]
    {
        [
            "ФИО": name, "Роль": role?.title ?? "", "Должность": position, "Срок": from + " — " + to,
            "Приказ": decree ?? "",
        ]
    }
}

/// The КМЦ composition list.
public struct KmcListPage: Sendable {
    /// One member of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var role: KmcRole?
        public var organization: String?
        public var position: String
        public var from: String
        public var to: String
        /// A member row (dates as the page shows them).
        public init(
            id: UUID, name: String, role: KmcRole?, organization: String?, position: String, from: String, to: String
        ) {
            self.id = id
            self.name = name
            self.role = role
            self.organization = organization
            self.position = position
            self.from = from
            self.to = to
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
    public static let mock = KmcListPage(
        query: ListQuery(sort: "role"),
        rows: [
            Row(
                id: MockID.of(0x521), name: "Орлова Вера Павловна", role: KmcRole.allCases.first,
                organization: "МБОУ «Лицей № 1»", position: "директор", from: "01.09.2025", to: "31.08.2026")
        ], total: 1, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Состав КМЦ", area: .kmcMembers, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec("current", "Срок", .select([("1", "действующий состав")], empty: "Все сроки")),
                RegistryWords.Filters.status,
            ],
            columns: [
                Column("ФИО", sort: "name"), Column("Роль в КМЦ", sort: "role"), Column("Организация и должность"),
                Column("Срок полномочий"),
            ],
            rows: rows.map { member in
                [
                    .link(member.name, SiteURL.record(.kmcMembers, member.id).path), .text(member.role?.title ?? ""),
                    .text([member.organization, member.position].compactMap { $0 }.joined(separator: ", ")),
                    .text(member.from + " — " + member.to),
                ]
            },
            total: total, noun: ("член", "члена", "членов"), createTitle: canCreate ? "Добавить в состав" : nil,
            emptyText: "Состав КМЦ ещё не внесён.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// A КМЦ member's card.
public struct KmcCardPage: Sendable {
    public var name: String
    public var role: KmcRole?
    public var organization: String?
    public var position: String
    public var from: String
    public var to: String
    public var decreeNumber: String?
    public var decreeDate: String?

    /// The card's data (dates as the page shows them).
    public init(
        name: String, role: KmcRole?, organization: String?, position: String, from: String, to: String,
        decreeNumber: String?, decreeDate: String?
    ) {
        self.name = name
        self.role = role
        self.organization = organization
        self.position = position
        self.from = from
        self.to = to
        self.decreeNumber = decreeNumber
        self.decreeDate = decreeDate
    }

    /// A made-up card.
    public static let mock = KmcCardPage(
        name: "Орлова Вера Павловна", role: KmcRole.allCases.first, organization: "МБОУ «Лицей № 1»",
        position: "директор", from: "01.09.2025", to: "31.08.2026", decreeNumber: "15", decreeDate: "25.08.2025")

    /// The card's facts.
    public var facts: [(String, String)] {
        let decree = decreeNumber.map { "№ \($0)" + (decreeDate.map { " от " + $0 } ?? "") } ?? ""
        return [
            ("ФИО", name), ("Роль в КМЦ", role?.title ?? ""), ("Организация", organization ?? ""),
            ("Должность", position), ("Срок полномочий", from + " — " + to), ("Приказ об утверждении состава", decree),
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.kmcMembers, title: name, facts: facts).render(ctx)
    }
}

/// A КМЦ member's form.
public struct KmcFormPage: Sendable {
    /// Organisations to choose from.
    public var organizations: [(value: String, title: String)]

    /// The form's choices.
    public init(organizations: [(value: String, title: String)]) { self.organizations = organizations }

    /// A made-up form.
    public static let mock = KmcFormPage(organizations: [("o1", "МБОУ «Лицей № 1»")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("fullName", "ФИО", required: true),
            FieldSpec(
                "kmcRole", "Роль в КМЦ", .select(KmcRole.allCases.map { ($0.rawValue, $0.title) }, empty: nil),
                required: true),
            FieldSpec("organization", "Организация", .select(organizations, empty: "— не указана —")),
            FieldSpec("position", "Должность", required: true),
            FieldSpec("termFrom", "Начало срока", .date, required: true),
            FieldSpec(
                "termTo", "Окончание срока", .date, required: true, hint: "Состав утверждается на один-два года."),
            FieldSpec("decreeNumber", "Номер приказа"),
            FieldSpec("decreeDate", "Дата приказа", .date),
        ]
    }

    /// A new member's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.kmcMembers, title: KmcWords.newTitle, fields: fields).render(ctx)
    }
}
