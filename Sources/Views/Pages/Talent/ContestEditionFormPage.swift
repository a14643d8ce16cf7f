import Domain
import Foundation

/// An edition's form: which contest, which year, which level (the ВсОШ's stage), when and where.
public struct ContestEditionFormPage: Sendable {
    public var contests: [(value: String, title: String)]
    public var years: [(value: String, title: String)]

    /// The form's choices.
    public init(contests: [(value: String, title: String)], years: [(value: String, title: String)]) {
        self.contests = contests
        self.years = years
    }

    /// The form as the registry kit shows it.
    public static let mock = ContestEditionFormPage(
        contests: [("c1", "Всероссийская олимпиада школьников")], years: [("y1", "2025/2026")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("contest", "Олимпиада или конкурс", .select(contests, empty: "— выберите —"), required: true),
            FieldSpec("year", "Учебный год", .select(years, empty: nil), required: true),
            FieldSpec(
                "level", "Уровень (этап олимпиады)",
                .select(ContestLevel.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
            FieldSpec("startsOn", "Начало", .date),
            FieldSpec("endsOn", "Окончание", .date),
            FieldSpec("place", "Место проведения"),
        ]
    }

    /// A new edition's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.contestEditions, title: TalentWords.editionNewTitle, fields: fields).render(ctx)
    }
}
