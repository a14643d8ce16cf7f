import Domain
import Foundation

/// A resource centre designation's card.
public struct ResourceCenterCardPage: Sendable {
    public var organization: String
    public var year: String
    public var subjects: [String]
    public var directions: [Direction]
    public var profiles: [StudyProfile]
    public var decree: String

    /// The card's data (the decree as `ResourceCentersWords.decree` words it).
    public init(
        organization: String, year: String, subjects: [String], directions: [Direction], profiles: [StudyProfile],
        decree: String
    ) {
        self.organization = organization
        self.year = year
        self.subjects = subjects
        self.directions = directions
        self.profiles = profiles
        self.decree = decree
    }

    /// A made-up card.
    public static let mock = ResourceCenterCardPage(
        organization: "МБОУ «Лицей № 1»", year: "2025/2026", subjects: ["информатика"],
        directions: Array(Direction.allCases.prefix(1)), profiles: Array(StudyProfile.allCases.prefix(1)),
        decree: "№ 12 от 01.09.2025")

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            ("Организация", organization), ("Учебный год", year), ("Предметы", subjects.joined(separator: ", ")),
            ("Направления", directions.map(\.title).joined(separator: "; ")),
            ("Профили", profiles.map(\.title).joined(separator: "; ")), ("Приказ о назначении", decree),
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.resourceCenters, title: organization, facts: facts).render(ctx)
    }
}

/// A resource centre designation's form.
public struct ResourceCenterFormPage: Sendable {
    /// Organisations that may be designated.
    public var organizations: [(value: String, title: String)]
    /// Academic years (id, title).
    public var years: [(value: String, title: String)]
    /// Subjects of the municipality.
    public var subjects: [(value: String, title: String)]

    /// The form's choices.
    public init(
        organizations: [(value: String, title: String)], years: [(value: String, title: String)],
        subjects: [(value: String, title: String)]
    ) {
        self.organizations = organizations
        self.years = years
        self.subjects = subjects
    }

    /// A made-up form.
    public static let mock = ResourceCenterFormPage(
        organizations: [("o1", "МБОУ «Лицей № 1»")], years: [("y1", "2025/2026")], subjects: [("s1", "информатика")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("organization", "Организация", .select(organizations, empty: "— выберите —"), required: true),
            FieldSpec("year", "Учебный год", .select(years, empty: nil), required: true),
            FieldSpec("subjects", "Предметы", .checkboxes(subjects), required: true),
            FieldSpec(
                "directions", "Направления", .checkboxes(Direction.allCases.map { ($0.rawValue, $0.title) }),
                hint: "Направления деятельности ресурсных центров по положению."),
            FieldSpec("profiles", "Профили", .checkboxes(StudyProfile.allCases.map { ($0.rawValue, $0.title) })),
            FieldSpec("decreeNumber", "Номер приказа о назначении"),
            FieldSpec("decreeDate", "Дата приказа", .date),
        ]
    }

    /// A new designation's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.resourceCenters, title: ResourceCentersWords.newTitle, fields: fields).render(ctx)
    }
}
