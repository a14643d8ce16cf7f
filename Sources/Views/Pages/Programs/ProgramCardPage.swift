import Domain
import Foundation

/// A network programme's card: facts, review warnings and the versions sent to the КМЦ.
public struct ProgramCardPage: Sendable {
    /// A version sent to the КМЦ.
    public struct Version: Sendable {
        public var number: Int
        /// When it was sent, as the page shows it.
        public var submitted: String
        public var by: String
        /// The КМЦ's decision; nil while waiting.
        public var decision: ProgramApproval?
        public var comment: String?
        /// A version row.
        public init(number: Int, submitted: String, by: String, decision: ProgramApproval?, comment: String?) {
            self.number = number
            self.submitted = submitted
            self.by = by
            self.decision = decision
            self.comment = comment
        }
    }

    public var title: String
    public var center: String
    public var kind: ProgramKind?
    public var subject: String?
    public var profile: StudyProfile?
    public var target: String?
    public var gradeFrom: Int
    public var gradeTo: Int
    public var hours: Int
    public var form: StudyForm?
    public var teachers: [String]
    public var modules: String?
    public var summary: String?
    public var results: String?
    public var approval: ProgramApproval
    /// The КМЦ's comment when it returned the programme.
    public var reviewComment: String?
    public var versions: [Version]

    /// The card's data.
    public init(
        title: String, center: String, kind: ProgramKind?, subject: String?, profile: StudyProfile?, target: String?,
        gradeFrom: Int, gradeTo: Int, hours: Int, form: StudyForm?, teachers: [String], modules: String?,
        summary: String?, results: String?, approval: ProgramApproval, reviewComment: String?, versions: [Version]
    ) {
        self.title = title
        self.center = center
        self.kind = kind
        self.subject = subject
        self.profile = profile
        self.target = target
        self.gradeFrom = gradeFrom
        self.gradeTo = gradeTo
        self.hours = hours
        self.form = form
        self.teachers = teachers
        self.modules = modules
        self.summary = summary
        self.results = results
        self.approval = approval
        self.reviewComment = reviewComment
        self.versions = versions
    }

    /// A made-up card.
    public static let mock = ProgramCardPage(
        title: "Робототехника", center: "МБОУ «Лицей № 1»", kind: ProgramKind.allCases.first, subject: "информатика",
        profile: nil, target: nil, gradeFrom: 5, gradeTo: 7, hours: 64, form: StudyForm.allCases.first,
        teachers: ["Соколова Анна Ивановна"], modules: "Основы — 32\nПроекты — 32", summary: nil, results: nil,
        approval: .returned, reviewComment: "Уточните результаты.",
        versions: [
            Version(
                number: 1, submitted: "01.09.2025 10:00", by: "sokolova", decision: .returned,
                comment: "Уточните результаты.")
        ])

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            ("Ресурсный центр", center), ("Вид", kind?.title ?? ""), ("Предмет", subject ?? ""),
            ("Профиль", profile?.title ?? ""), ("Целевая направленность", target ?? ""),
            ("Классы", "\(gradeFrom)–\(gradeTo)"), ("Объём", RussianPlural.count(hours, "час", "часа", "часов")),
            ("Форма", form?.title ?? ""), ("Педагоги", teachers.joined(separator: ", ")), ("Модули", modules ?? ""),
            ("Описание", summary ?? ""), ("Ожидаемые результаты", results ?? ""), ("Согласование", approval.title),
        ]
    }

    /// The card's warnings about the review.
    public var warnings: [String] {
        var warnings: [String] = []
        if approval == .returned, let comment = reviewComment {
            warnings.append("КМЦ вернул программу на доработку: «\(comment)»")
        }
        if approval == .submitted {
            warnings.append("Программа на согласовании в КМЦ: изменить её можно после решения.")
        }
        return warnings
    }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Версии, отправленные в КМЦ", columns: ["№", "Отправлена", "Кем", "Решение", "Комментарий"],
                rows: versions.map { version in
                    [
                        .text(String(version.number)), .text(version.submitted), .text(version.by),
                        .text(version.decision?.title ?? "ждёт решения"), .text(version.comment ?? ""),
                    ]
                }, emptyText: "Программа ещё не отправлялась на согласование.")
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.programs, title: title, facts: facts, sections: sections, warnings: warnings).render(ctx)
    }
}
