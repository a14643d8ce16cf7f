import Domain
import Foundation

/// An achievement's form: whose result, where, in what.
public struct AchievementFormPage: Sendable {
    public var students: [(value: String, title: String)]
    public var editions: [(value: String, title: String)]
    public var subjects: [(value: String, title: String)]
    /// The staff registry's teachers and trainers who may be named as preparers.
    public var preparers: [(value: String, title: String)]

    /// The form's choices: the students the user enters results for, the editions, the olympiad's subjects, the
    /// preparers.
    public init(
        students: [(value: String, title: String)], editions: [(value: String, title: String)],
        subjects: [(value: String, title: String)], preparers: [(value: String, title: String)] = []
    ) {
        self.students = students
        self.editions = editions
        self.subjects = subjects
        self.preparers = preparers
    }

    /// The form as the registry kit shows it.
    public static let mock = AchievementFormPage(
        students: [("s1", "Иванов Пётр Сергеевич, 9 класс")],
        editions: [("e1", "Всероссийская олимпиада школьников — школьный этап, 2025/2026")],
        subjects: [("m", "математика")],
        preparers: [("p1", "Смирнова Анна Викторовна — учитель математики")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "student", "Обучающийся", .select(students, empty: "— выберите —"), required: true,
                hint: students.isEmpty ? "Откройте карточку обучающегося и нажмите «Добавить достижение»." : nil),
            FieldSpec(
                "edition", "Проведение", .select(editions, empty: "— выберите —"), required: true,
                hint: "Нет в списке — добавьте олимпиаду или конкурс и его проведение."),
            FieldSpec(
                "subject", "Предмет олимпиады", .select(subjects, empty: "—"),
                hint: "Обязателен для всероссийской олимпиады."),
            FieldSpec("nomination", "Номинация или предмет (для других конкурсов)"),
            FieldSpec(
                "result", "Результат",
                .select(AchievementResult.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
            FieldSpec("score", "Балл", hint: "Если есть, например 87,5."),
            FieldSpec("place", "Место", .number),
            FieldSpec("gradeStudied", "Класс обучения", .number, hint: "Пусто — класс обучающегося сейчас."),
            FieldSpec(
                "gradeCompeted", "Класс участия", .number,
                hint: "Если выступал за старший класс — его номер; пусто — класс обучения."),
            FieldSpec("achievedOn", "Дата результата", .date),
            FieldSpec(
                "preparers", TalentWords.Field.preparedBy, .checkboxes(preparers),
                hint: preparers.isEmpty
                    ? "В реестре педагогов нет педагогов школы, сетевых программ и тренеров: впишите имена ниже."
                    : "Педагоги школы, педагоги сетевых программ и внешние тренеры из реестра педагогов."),
            FieldSpec(
                "preparedBy", TalentWords.Field.preparedByOthers,
                hint: "Кого нет в реестре педагогов: «Смирнова А. В., Кузнецов И. П.»."),
            FieldSpec("documentNumber", "Документ", hint: "Номер диплома, грамоты или протокола."),
        ]
    }

    /// An achievement's facts on its card.
    public static func facts(
        student: String, school: String, edition: String, subject: String, result: String, grades: String,
        achievedOn: String?, preparedBy: String?, document: String?
    ) -> [(String, String)] {
        [
            (TalentWords.Field.student, student), ("Школа", school), (TalentWords.Field.edition, edition),
            (TalentWords.Field.subject, subject.isEmpty ? "—" : subject), (TalentWords.Field.result, result),
            (TalentWords.Field.grades, grades), (TalentWords.Field.achievedOn, achievedOn ?? "—"),
            (TalentWords.Field.preparedBy, preparedBy ?? "—"), (TalentWords.Field.document, document ?? "—"),
        ]
    }

    /// A new achievement's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.achievements, title: TalentWords.achievementNewTitle, fields: fields).render(ctx)
    }
}

/// A student's achievements as a section of the student's card.
public struct StudentAchievementsSection: Sendable {
    /// One achievement of the student.
    public struct Row: Sendable {
        public var id: UUID
        public var edition: String
        public var subject: String
        public var result: String
        /// An achievement row.
        public init(id: UUID, edition: String, subject: String, result: String) {
            self.id = id
            self.edition = edition
            self.subject = subject
            self.result = result
        }
    }

    public var rows: [Row]
    /// Whether the rows link to the achievement's card (the staff who keep it; not the family).
    public var links: Bool

    /// The section's data.
    public init(rows: [Row], links: Bool) {
        self.rows = rows
        self.links = links
    }

    /// The section as a card shows it.
    public var section: RegistryCard.Section {
        RegistryCard.Section(
            title: "Достижения", columns: ["Проведение", "Предмет или номинация", "Результат"],
            rows: rows.map {
                [
                    links ? .link($0.edition, SiteURL.record(.achievements, $0.id).path) : .text($0.edition),
                    .text($0.subject), .text($0.result),
                ]
            },
            emptyText: "Достижений в олимпиадах и конкурсах пока нет.")
    }
}
