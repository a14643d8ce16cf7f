import Domain
import Foundation

/// A staff member's card: facts and places of work.
public struct StaffCardPage: Sendable {
    /// A place of work.
    public struct Place: Sendable {
        public var id: UUID
        public var name: String
        public var kind: OrganizationKind
        /// A place of work row.
        public init(id: UUID, name: String, kind: OrganizationKind) {
            self.id = id
            self.name = name
            self.kind = kind
        }
    }

    public var name: String
    public var position: String
    public var category: QualificationCategory?
    public var isOutsideTrainer: Bool
    public var subjects: [String]
    public var phone: String?
    public var email: String?
    public var places: [Place]

    /// The card's data.
    public init(
        name: String, position: String, category: QualificationCategory?, isOutsideTrainer: Bool, subjects: [String],
        phone: String?, email: String?, places: [Place]
    ) {
        self.name = name
        self.position = position
        self.category = category
        self.isOutsideTrainer = isOutsideTrainer
        self.subjects = subjects
        self.phone = phone
        self.email = email
        self.places = places
    }

    /// A made-up card.
    public static let mock = StaffCardPage(
        name: "Соколова Анна Ивановна", position: "учитель информатики", category: QualificationCategory.allCases.last,
        isOutsideTrainer: false, subjects: ["информатика"], phone: nil, email: "sokolova@example.ru",
        places: [Place(id: MockID.of(0x572), name: "МБОУ «Лицей № 1»", kind: .school)])

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            ("ФИО", name), ("Должность", position), ("Квалификационная категория", category?.title ?? ""),
            ("Внешний тренер", isOutsideTrainer ? "да" : "нет"), ("Предметы", subjects.joined(separator: ", ")),
            ("Телефон", phone ?? ""), ("Электронная почта", email ?? ""),
        ]
    }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Места работы", columns: ["Организация", "Тип"],
                rows: places.map { [.link($0.name, SiteURL.organization($0.id).path), .text($0.kind.title)] },
                emptyText: "Не привязан ни к одной организации (внешний тренер).")
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.staff, title: name, facts: facts, sections: sections).render(ctx)
    }
}

/// A staff member's form.
public struct StaffFormPage: Sendable {
    /// Organisations the user may add staff to.
    public var organizations: [(value: String, title: String)]
    /// Subjects of the municipality.
    public var subjects: [(value: String, title: String)]

    /// The form's choices.
    public init(organizations: [(value: String, title: String)], subjects: [(value: String, title: String)]) {
        self.organizations = organizations
        self.subjects = subjects
    }

    /// A made-up form.
    public static let mock = StaffFormPage(
        organizations: [("o1", "МБОУ «Лицей № 1»")], subjects: [("s1", "информатика")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("surname", "Фамилия", required: true),
            FieldSpec("givenName", "Имя", required: true),
            FieldSpec("patronymic", "Отчество"),
            FieldSpec(
                "position", "Должность", required: true,
                hint: "Например: учитель математики, педагог дополнительного образования."),
            FieldSpec(
                "category", "Квалификационная категория",
                .select(QualificationCategory.allCases.map { ($0.rawValue, $0.title) }, empty: nil)),
            FieldSpec(
                "organizations", "Места работы", .checkboxes(organizations),
                hint: "Человек может работать в нескольких организациях."),
            FieldSpec(
                "trainer", "Внешний тренер",
                .checkboxes([("yes", "приглашённый педагог-тренер, не сотрудник ресурсного центра")])),
            FieldSpec("subjects", "Предметы", .checkboxes(subjects)),
            FieldSpec("phone", "Телефон", .text("tel")),
            FieldSpec("email", "Электронная почта", .text("email")),
        ]
    }

    /// A new staff member's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.staff, title: StaffWords.newTitle, fields: fields).render(ctx)
    }
}
