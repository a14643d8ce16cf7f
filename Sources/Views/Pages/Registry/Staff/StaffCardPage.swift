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

    /// A network group the person taught (issue 23, item 2).
    public struct NetworkGroup: Sendable {
        public var id: UUID
        public var name: String
        public var program: String
        public var centerID: UUID
        public var center: String
        public var year: String
        /// Hours delivered in it from the journal; nil when the user may not read the centre's hours.
        public var hours: Int?
        /// A group taught.
        public init(
            id: UUID, name: String, program: String, centerID: UUID, center: String, year: String, hours: Int?
        ) {
            self.id = id
            self.name = name
            self.program = program
            self.centerID = centerID
            self.center = center
            self.year = year
            self.hours = hours
        }
    }

    /// The network work beside the record: groups by year, years in the network, this year's hours.
    public struct NetworkWork: Sendable {
        public var groups: [NetworkGroup]
        public var yearsInNetwork: Int
        public var hoursThisYear: Int?
        /// The work as read from the groups and the journal.
        public init(groups: [NetworkGroup], yearsInNetwork: Int, hoursThisYear: Int?) {
            self.groups = groups
            self.yearsInNetwork = yearsInNetwork
            self.hoursThisYear = hoursThisYear
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
    public var work: NetworkWork
    /// Courses of professional development, newest first; nil when the user may not see them.
    public var development: [DevelopmentRow]?

    /// The card's data.
    public init(
        name: String, position: String, category: QualificationCategory?, isOutsideTrainer: Bool, subjects: [String],
        phone: String?, email: String?, places: [Place], work: NetworkWork, development: [DevelopmentRow]?
    ) {
        self.work = work
        self.development = development
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
        places: [Place(id: MockID.of(0x572), name: "МБОУ «Лицей № 1»", kind: .school)],
        work: NetworkWork(
            groups: [
                NetworkGroup(
                    id: MockID.of(0x573), name: "Робототехника-1", program: "Основы робототехники",
                    centerID: MockID.of(0x574), center: "РЦ «Кванториум»", year: "2025/2026", hours: 36),
                NetworkGroup(
                    id: MockID.of(0x575), name: "Робототехника-1", program: "Основы робототехники",
                    centerID: MockID.of(0x574), center: "РЦ «Кванториум»", year: "2023/2024", hours: nil),
            ], yearsInNetwork: 2, hoursThisYear: 36), development: [.mock])

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            ("ФИО", name), ("Должность", position), ("Квалификационная категория", category?.title ?? ""),
            ("Внешний тренер", isOutsideTrainer ? "да" : "нет"), ("Предметы", subjects.joined(separator: ", ")),
            ("Телефон", phone ?? ""), ("Электронная почта", email ?? ""),
            ("Лет работы в сети", Self.years(work.yearsInNetwork)),
            ("Часов проведено в текущем учебном году", work.hoursThisYear.map(String.init) ?? "—"),
        ]
    }

    /// «3 года», «1 год», «нет» — the years in the network (those with hours delivered) as said beside the number.
    static func years(_ n: Int) -> String {
        n == 0 ? "нет (часов в сетевых группах нет)" : RussianPlural.count(n, "год", "года", "лет")
    }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Места работы", columns: ["Организация", "Тип"],
                rows: places.map { [.link($0.name, SiteURL.organization($0.id).path), .text($0.kind.title)] },
                emptyText: "Не привязан ни к одной организации (внешний тренер)."),
            RegistryCard.Section(
                title: "Сетевая работа", columns: ["Учебный год", "Группа", "Программа", "Ресурсный центр", "Часов"],
                rows: work.groups.map {
                    [
                        .text($0.year), .link($0.name, SiteURL.record(.groups, $0.id).path), .text($0.program),
                        .link($0.center, SiteURL.organization($0.centerID).path),
                        .text($0.hours.map(String.init) ?? "—"),
                    ]
                },
                emptyText: "Сетевых групп нет. Часы считаются по журналу занятий групп, где человек — педагог."),
        ]
            + (development.map { rows in
                [
                    RegistryCard.Section(
                        title: DevelopmentWords.staffSection,
                        columns: [
                            DevelopmentWords.Field.dates, DevelopmentWords.Field.course,
                            DevelopmentWords.Field.provider,
                            "Часов", DevelopmentWords.Field.status,
                        ],
                        rows: rows.map {
                            [
                                .text($0.datesText), .link($0.course, SiteURL.record(.development, $0.id).path),
                                .text($0.provider), .text(String($0.hours)), $0.statusCell,
                            ]
                        }, emptyText: DevelopmentWords.staffSectionEmpty)
                ]
            } ?? [])
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
