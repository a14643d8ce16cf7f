import Domain
import Foundation

/// The fields of a campaign's form: its name, year, window, mode, limits and agreed programmes.
public struct CampaignFormPage: Sendable {
    /// An agreed programme the campaign may include.
    public struct Program: Sendable {
        public var id: UUID, title: String, center: String, gradeFrom: Int, gradeTo: Int
        public init(id: UUID, title: String, center: String, gradeFrom: Int, gradeTo: Int) {
            self.id = id
            self.title = title
            self.center = center
            self.gradeFrom = gradeFrom
            self.gradeTo = gradeTo
        }
    }

    public var years: [(value: String, title: String)]
    public var programs: [Program]

    public init(years: [(value: String, title: String)], programs: [Program]) {
        self.years = years
        self.programs = programs
    }

    public static let mock = CampaignFormPage(
        years: [(value: "00000000-0000-0000-0000-0000000000c1", title: "2026/2027")],
        programs: [
            Program(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000d1")!, title: "Основы программирования",
                center: "Лицей № 2", gradeFrom: 9, gradeTo: 11)
        ])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "title", "Название", required: true, hint: "Например: «Запись на сетевые курсы, 2026/2027 учебный год»."
            ),
            FieldSpec("academicYear", "Учебный год", .select(years, empty: nil), required: true),
            FieldSpec("opensOn", "Приём открывается: дата", .date, required: true),
            FieldSpec("opensTime", "время", hint: "чч:мм, например 09:00"),
            FieldSpec("closesOn", "Приём закрывается: дата", .date, required: true),
            FieldSpec("closesTime", "время", hint: "чч:мм; по умолчанию 23:59"),
            FieldSpec(
                "mode", "Порядок распределения",
                .select(CampaignMode.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
            FieldSpec("maxCourses", "Сколько курсов может получить обучающийся", .number, required: true),
            FieldSpec(
                "confirmDays", "Дней на подтверждение (порядок подачи)", .number, required: true,
                hint: "За это время родитель и школа подтверждают заявку, иначе удержанное место освобождается."),
            FieldSpec(
                "programs", "Программы",
                .checkboxes(
                    programs.map {
                        (
                            $0.id.uuidString.lowercased(),
                            "\($0.title) — \($0.center), \($0.gradeFrom)–\($0.gradeTo) кл."
                        )
                    }),
                required: true, hint: "Только согласованные КМЦ программы."),
        ]
    }
}
