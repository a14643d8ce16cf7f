import Domain
import Foundation

/// Words of the academic years registry outside its pages: the section's noun, form checks, audit fields.
public enum AcademicYearsWords {
    /// The record's noun.
    public static let noun = "Учебный год"
    /// The heading of a new year's form.
    public static let newTitle = "Новый учебный год"
    /// What archiving a year does.
    public static let archiveConsequence =
        "Учебный год пропадёт из списков выбора; назначения ресурсных центров этого года сохранятся."
    /// The end is not after the start.
    public static let endBeforeStart = "Окончание должно быть позже начала."
    /// The end is not in the next calendar year.
    public static let endNextYear = "Учебный год заканчивается в следующем календарном году."
    /// A year of that title exists.
    public static func duplicate(_ title: String) -> String { "Учебный год \(title) уже есть." }
    /// What the audit log records of a year.
    public static func audit(title: String, starts: String, ends: String, isCurrent: Bool) -> [String: String] {
        ["Учебный год": title, "Начало": starts, "Окончание": ends, "Текущий": isCurrent ? "да" : "нет"]
    }
}

/// The academic years registry list.
public struct AcademicYearListPage: Sendable {
    /// One year of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var title: String
        public var starts: String
        public var ends: String
        public var isCurrent: Bool
        /// A year row (dates as the page shows them).
        public init(id: UUID, title: String, starts: String, ends: String, isCurrent: Bool) {
            self.id = id
            self.title = title
            self.starts = starts
            self.ends = ends
            self.isCurrent = isCurrent
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
    public static let mock = AcademicYearListPage(
        query: ListQuery(sort: "start"),
        rows: [
            Row(id: MockID.of(0x511), title: "2025/2026", starts: "01.09.2025", ends: "31.05.2026", isCurrent: true)
        ],
        total: 1, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Учебные годы", area: .academicYears, query: query, filters: [RegistryWords.Filters.status],
            columns: [Column("Учебный год", sort: "start"), Column("Начало"), Column("Окончание"), Column("")],
            rows: rows.map { year in
                [
                    .link(year.title, SiteURL.record(.academicYears, year.id).path), .text(year.starts),
                    .text(year.ends),
                    year.isCurrent ? .tag("текущий", "active") : .text(""),
                ]
            },
            total: total, noun: ("учебный год", "учебных года", "учебных лет"),
            createTitle: canCreate ? "Добавить учебный год" : nil, emptyText: "Учебных лет пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// An academic year's card: its dates and the resource centres of the year.
public struct AcademicYearCardPage: Sendable {
    /// A resource centre of the year.
    public struct Center: Sendable {
        public var id: UUID
        public var name: String
        /// A centre row.
        public init(id: UUID, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var title: String
    public var starts: String
    public var ends: String
    public var isCurrent: Bool
    public var centers: [Center]

    /// The card's data (dates as the page shows them).
    public init(title: String, starts: String, ends: String, isCurrent: Bool, centers: [Center]) {
        self.title = title
        self.starts = starts
        self.ends = ends
        self.isCurrent = isCurrent
        self.centers = centers
    }

    /// A made-up card.
    public static let mock = AcademicYearCardPage(
        title: "2025/2026", starts: "01.09.2025", ends: "31.05.2026", isCurrent: true,
        centers: [Center(id: MockID.of(0x512), name: "МБОУ «Лицей № 1»")])

    /// The card's facts.
    public var facts: [(String, String)] {
        [("Учебный год", title), ("Начало", starts), ("Окончание", ends), ("Текущий", isCurrent ? "да" : "нет")]
    }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Ресурсные центры года", columns: ["Организация"],
                rows: centers.map { [.link($0.name, SiteURL.record(.resourceCenters, $0.id).path)] },
                emptyText: "В этом году ресурсные центры не назначены.")
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.academicYears, title: title, facts: facts, sections: sections).render(ctx)
    }
}

/// An academic year's form.
public struct AcademicYearFormPage: Sendable {
    /// The form has no choices to load.
    public init() {}

    /// The form.
    public static let mock = AcademicYearFormPage()

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("startsOn", "Начало", .date, required: true, hint: "Обычно 01.09."),
            FieldSpec("endsOn", "Окончание", .date, required: true, hint: "Обычно 31.05 следующего года."),
            FieldSpec(
                "current", "Текущий год", .checkboxes([("yes", "сделать текущим (прежний текущий перестанет им быть)")])
            ),
        ]
    }

    /// A new year's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.academicYears, title: AcademicYearsWords.newTitle, fields: fields).render(ctx)
    }
}
