import Domain
import Foundation

/// A student's card: facts, network courses, guardians and a warning about the consent.
public struct StudentCardPage: Sendable {
    /// A network group the student is (or was) enrolled in.
    public struct Course: Sendable {
        public var groupID: UUID
        public var group: String
        public var center: String
        /// The enrolment's state; nil shows the stored code.
        public var status: EnrollmentStatus?
        public var rawStatus: String
        /// A course row.
        public init(groupID: UUID, group: String, center: String, status: EnrollmentStatus?, rawStatus: String) {
            self.groupID = groupID
            self.group = group
            self.center = center
            self.status = status
            self.rawStatus = rawStatus
        }
    }

    public var name: String
    public var birth: String
    public var sex: Sex?
    public var school: String
    /// The class, e.g. «7Б».
    public var grade: String
    public var specialNeeds: Bool
    public var consentOn: String?
    public var consentBy: String?
    /// How the consent stands in words (`StudentsWords.consent`), for the warning when it was withdrawn.
    public var consentText: String
    public var consentWithdrawn: Bool
    public var courses: [Course]
    public var guardians: GuardiansSection

    /// The card's data (dates as the page shows them).
    public init(
        name: String, birth: String, sex: Sex?, school: String, grade: String, specialNeeds: Bool, consentOn: String?,
        consentBy: String?, consentText: String, consentWithdrawn: Bool, courses: [Course], guardians: GuardiansSection
    ) {
        self.name = name
        self.birth = birth
        self.sex = sex
        self.school = school
        self.grade = grade
        self.specialNeeds = specialNeeds
        self.consentOn = consentOn
        self.consentBy = consentBy
        self.consentText = consentText
        self.consentWithdrawn = consentWithdrawn
        self.courses = courses
        self.guardians = guardians
    }

    /// A made-up card.
    public static let mock = StudentCardPage(
        name: "Иванов Пётр Сергеевич", birth: "12.03.2012", sex: .male, school: "МБОУ «СОШ № 3»", grade: "7Б",
        specialNeeds: false, consentOn: "01.09.2025", consentBy: "Иванова Мария Петровна, мать",
        consentText: "отозвано 01.10.2025 (Иванова Мария Петровна)", consentWithdrawn: true,
        courses: [
            Course(
                groupID: MockID.of(0x621), group: "Робототехника, группа 1", center: "МБОУ «Лицей № 1»",
                status: EnrollmentStatus.allCases.first, rawStatus: "")
        ], guardians: .mock)

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            ("ФИО", name), ("Дата рождения", birth), ("Пол", sex?.title ?? ""), ("Школа", school), ("Класс", grade),
            ("ОВЗ", StudentsWords.yesNo(specialNeeds)),
            (
                "Согласие на обработку персональных данных",
                consentOn.map { $0 + (consentBy.map { ", дал(а): \($0)" } ?? "") } ?? "нет"
            ),
        ]
    }

    /// The card's related lists.
    public var sections: [RegistryCard.Section] {
        [
            RegistryCard.Section(
                title: "Сетевые курсы", columns: ["Группа", "Ресурсный центр", "Состояние"],
                rows: courses.map { enrollment in
                    [
                        .link(enrollment.group, SiteURL.record(.groups, enrollment.groupID).path),
                        .text(enrollment.center),
                        .text(enrollment.status?.title ?? enrollment.rawStatus),
                    ]
                }, emptyText: "В сетевых группах не состоит."),
            guardians.section,
        ]
    }

    /// The card's warnings about the consent.
    public var warnings: [String] {
        if consentWithdrawn {
            return [
                "Согласие на обработку персональных данных \(consentText). "
                    + "Записывать в группы нельзя, пока не получено новое согласие (укажите его дату при "
                    + "изменении записи)."
            ]
        }
        if consentOn == nil {
            return [
                "Нет согласия на обработку персональных данных: получите его у родителя (законного "
                    + "представителя)."
            ]
        }
        return []
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.students, title: name, facts: facts, sections: sections, warnings: warnings).render(ctx)
    }
}

/// A student's form.
public struct StudentFormPage: Sendable {
    /// Schools the user may add students to.
    public var schools: [(value: String, title: String)]

    /// The form's choices.
    public init(schools: [(value: String, title: String)]) { self.schools = schools }

    /// A made-up form.
    public static let mock = StudentFormPage(schools: [("o1", "МБОУ «СОШ № 3»"), ("o2", "МБОУ «СОШ № 5»")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "school", "Школа", .select(schools, empty: schools.count == 1 ? nil : "— выберите —"), required: true),
            FieldSpec("surname", "Фамилия", required: true), FieldSpec("givenName", "Имя", required: true),
            FieldSpec("patronymic", "Отчество"),
            FieldSpec("birthDate", "Дата рождения", .date, required: true),
            FieldSpec("sex", "Пол", .select(Sex.allCases.map { ($0.rawValue, $0.title) }, empty: "— не указан —")),
            FieldSpec("grade", "Класс (параллель)", .number, required: true), FieldSpec("letter", "Буква класса"),
            FieldSpec(
                "specialNeeds", "ОВЗ", .checkboxes([("yes", "обучающийся с ограниченными возможностями здоровья")])),
            FieldSpec("consentOn", "Согласие на обработку персональных данных: дата", .date),
            FieldSpec(
                "consentBy", "Кто дал согласие", hint: "ФИО родителя (законного представителя) и кем приходится."),
            FieldSpec(
                "publicationConsentOn", "Согласие на публикацию достижений: дата", .date,
                hint: "Имя, школа, класс и достижения на странице «Наши победители»; только вместе с согласием на "
                    + "обработку данных."),
            FieldSpec("publicationConsentBy", "Кто дал согласие на публикацию"),
        ]
    }

    /// A new student's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.students, title: StudentsWords.newTitle, fields: fields).render(ctx)
    }
}
