import Domain
import Foundation

/// A partner's card: its organisation, forms and directions of interaction, and its agreements.
public struct PartnerCardPage: Sendable {
    /// An agreement the partner is a party to.
    public struct Agreement: Sendable {
        public var id: UUID
        public var number: String?
        public var with: String
        public var starts: String
        public var ends: String
        /// An agreement row (dates as the page shows them).
        public init(id: UUID, number: String?, with: String, starts: String, ends: String) {
            self.id = id
            self.number = number
            self.with = with
            self.starts = starts
            self.ends = ends
        }
    }

    public var title: String
    public var fullName: String
    public var sector: PartnerSector?
    public var forms: [InteractionForm]
    public var directions: [InteractionDirection]
    public var contact: String?
    public var phone: String?
    public var note: String?
    public var agreements: [Agreement]

    /// The card's data.
    public init(
        title: String, fullName: String, sector: PartnerSector?, forms: [InteractionForm],
        directions: [InteractionDirection], contact: String?, phone: String?, note: String?, agreements: [Agreement]
    ) {
        self.title = title
        self.fullName = fullName
        self.sector = sector
        self.forms = forms
        self.directions = directions
        self.contact = contact
        self.phone = phone
        self.note = note
        self.agreements = agreements
    }

    /// A made-up card.
    public static let mock = PartnerCardPage(
        title: "ООО «Технопарк»", fullName: "Общество с ограниченной ответственностью «Технопарк»",
        sector: PartnerSector.allCases.first, forms: Array(InteractionForm.allCases.prefix(1)),
        directions: Array(InteractionDirection.allCases.prefix(1)), contact: "Белов Олег", phone: "+7 900 000-00-00",
        note: nil,
        agreements: [
            Agreement(
                id: MockID.of(0x552), number: "7", with: "МБОУ «Лицей № 1»", starts: "01.09.2025", ends: "31.08.2026")
        ])

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            ("Организация", fullName), ("Кто", sector?.title ?? ""),
            ("Формы взаимодействия", forms.map(\.title).joined(separator: "; ")),
            ("Направления", directions.map(\.title).joined(separator: "; ")), ("Контактное лицо", contact ?? ""),
            ("Телефон", phone ?? ""), ("Примечание", note ?? ""),
        ]
    }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Договоры", columns: ["Договор", "С кем", "Срок"],
                rows: agreements.map { agreement in
                    [
                        .link(
                            AgreementsWords.label(number: agreement.number),
                            SiteURL.record(.agreements, agreement.id).path),
                        .text(agreement.with), .text(agreement.starts + " — " + agreement.ends),
                    ]
                }, emptyText: "Договоров с этим партнёром пока нет.")
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.partners, title: title, facts: facts, sections: sections).render(ctx)
    }
}

/// A partner's form.
public struct PartnerFormPage: Sendable {
    /// Organisations of the municipality.
    public var organizations: [(value: String, title: String)]

    /// The form's choices.
    public init(organizations: [(value: String, title: String)]) { self.organizations = organizations }

    /// A made-up form.
    public static let mock = PartnerFormPage(organizations: [("o1", "ООО «Технопарк»")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "organization", "Организация", .select(organizations, empty: "— выберите —"), required: true,
                hint: "Если организации нет в списке, сначала добавьте её в раздел «Организации»."),
            FieldSpec(
                "sector", "Кто", .select(PartnerSector.allCases.map { ($0.rawValue, $0.title) }, empty: "— выберите —"),
                required: true),
            FieldSpec(
                "forms", "Формы взаимодействия", .checkboxes(InteractionForm.allCases.map { ($0.rawValue, $0.title) }),
                required: true),
            FieldSpec(
                "directions", "Направления взаимодействия",
                .checkboxes(InteractionDirection.allCases.map { ($0.rawValue, $0.title) })),
            FieldSpec("contactPerson", "Контактное лицо"),
            FieldSpec("note", "Примечание", .textarea),
        ]
    }

    /// A new partner's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.partners, title: PartnersWords.newTitle, fields: fields).render(ctx)
    }
}
