import Domain
import Foundation

/// A network programme's form.
public struct ProgramFormPage: Sendable {
    /// A teacher to choose.
    public struct Teacher: Sendable {
        public var id: String
        public var name: String
        public var isOutsideTrainer: Bool
        /// A teacher choice.
        public init(id: String, name: String, isOutsideTrainer: Bool) {
            self.id = id
            self.name = name
            self.isOutsideTrainer = isOutsideTrainer
        }
    }

    /// This year's resource centres the user may write programmes for.
    public var centers: [(value: String, title: String)]
    /// Subjects of the municipality.
    public var subjects: [(value: String, title: String)]
    /// Staff of the municipality.
    public var teachers: [Teacher]

    /// The form's choices.
    public init(
        centers: [(value: String, title: String)], subjects: [(value: String, title: String)], teachers: [Teacher]
    ) {
        self.centers = centers
        self.subjects = subjects
        self.teachers = teachers
    }

    /// A made-up form.
    public static let mock = ProgramFormPage(
        centers: [("o1", "МБОУ «Лицей № 1»")], subjects: [("s1", "информатика")],
        teachers: [Teacher(id: "t1", name: "Зайцев Игорь Петрович", isOutsideTrainer: true)])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec("organization", "Ресурсный центр", .select(centers, empty: "— выберите —"), required: true),
            FieldSpec("title", "Название программы", required: true),
            FieldSpec(
                "kind", "Вид программы",
                .select(ProgramKind.allCases.map { ($0.rawValue, $0.title) }, empty: "— выберите —"), required: true),
            FieldSpec("subject", "Предмет", .select(subjects, empty: "— не указан —")),
            FieldSpec(
                "profile", "Профиль",
                .select(StudyProfile.allCases.map { ($0.rawValue, $0.title) }, empty: "— не указан —")),
            FieldSpec(
                "target", "Целевая направленность", hint: "Например: подготовка к региональному этапу олимпиады."),
            FieldSpec("gradeFrom", "С класса", .number, required: true),
            FieldSpec("gradeTo", "По класс", .number, required: true),
            FieldSpec(
                "hours", "Объём, учебных часов", .number, required: true, hint: "Обычно 64 часа в год на группу."),
            FieldSpec(
                "form", "Форма обучения", .select(StudyForm.allCases.map { ($0.rawValue, $0.title) }, empty: nil),
                required: true),
            FieldSpec(
                "modules", "Модули", .textarea,
                hint: "По одному в строке: «Название — 16». Сумма часов равна объёму программы."),
            FieldSpec(
                "teachers", "Педагоги",
                .checkboxes(teachers.map { ($0.id, $0.name + ($0.isOutsideTrainer ? " (внешний тренер)" : "")) }),
                hint: "Сотрудники центра, педагоги других организаций и внешние тренеры из реестра сотрудников."),
            FieldSpec("description", "Описание", .textarea),
            FieldSpec("results", "Ожидаемые результаты", .textarea),
        ]
    }

    /// A new programme's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.programs, title: ProgramsWords.newTitle, fields: fields).render(ctx)
    }
}
