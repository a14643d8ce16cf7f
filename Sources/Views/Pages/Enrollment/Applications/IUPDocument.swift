import Documents
import Domain
import Foundation

/// The individual curriculum (ИУП) of an application as a document: the student, the courses by priority and what
/// each gave, the agreements and the signatures.
public struct IUPDocument: Sendable {
    /// A chosen course (`status`: what it gave, as stored: `enrolled`, `waitlisted`, `pending`, `unused`, `released`).
    public struct Course: Sendable {
        public var rank: Int, program: String, center: String, group: String, hours: Int, status: String
        public var position: Int?
        public init(
            rank: Int, program: String, center: String, group: String, hours: Int, status: String, position: Int?
        ) {
            self.rank = rank
            self.program = program
            self.center = center
            self.group = group
            self.hours = hours
            self.status = status
            self.position = position
        }
    }

    /// Dates already written; `school`: the school's full name; `schoolDecision` as stored.
    public var student: String, initials: String, birthDate: String, school: String, schoolHead: String?
    public var grade: String, year: String?, campaign: String, submitted: String, submittedBy: String
    public var guardianAgreed: String?, guardianAgreedBy: String?
    public var schoolDecision: String, schoolDecided: String?, schoolDecidedBy: String?
    public var courses: [Course]
    /// The student's sex from the registry (nil when not known): «зачислен» or «зачислена».
    public var sex: Sex?

    public init(
        student: String, sex: Sex?, initials: String, birthDate: String, school: String, schoolHead: String?,
        grade: String,
        year: String?, campaign: String, submitted: String, submittedBy: String, guardianAgreed: String?,
        guardianAgreedBy: String?, schoolDecision: String, schoolDecided: String?, schoolDecidedBy: String?,
        courses: [Course]
    ) {
        self.student = student
        self.sex = sex
        self.initials = initials
        self.birthDate = birthDate
        self.school = school
        self.schoolHead = schoolHead
        self.grade = grade
        self.year = year
        self.campaign = campaign
        self.submitted = submitted
        self.submittedBy = submittedBy
        self.guardianAgreed = guardianAgreed
        self.guardianAgreedBy = guardianAgreedBy
        self.schoolDecision = schoolDecision
        self.schoolDecided = schoolDecided
        self.schoolDecidedBy = schoolDecidedBy
        self.courses = courses
    }

    public static let mock = IUPDocument(
        student: "Ёлкин Артём Ильич", sex: .male, initials: "Ёлкин А. И.", birthDate: "12.03.2010",
        school: "МБОУ «Средняя школа № 1»", schoolHead: "Берестов И. П.", grade: "10А", year: "2026/2027",
        campaign: "Запись на сетевые курсы, 2026/2027", submitted: "01.05.2026 09:15",
        submittedBy: "Ёлкина Ольга Петровна", guardianAgreed: "01.05.2026", guardianAgreedBy: "Ёлкина Ольга Петровна",
        schoolDecision: "confirmed", schoolDecided: "02.05.2026", schoolDecidedBy: "Берестов И. П.",
        courses: [
            Course(
                rank: 1, program: "Основы программирования", center: "Лицей № 2", group: "Информатика-10", hours: 64,
                status: "enrolled", position: nil),
            Course(
                rank: 2, program: "Химия вокруг нас", center: "Лицей № 2", group: "Химия-10", hours: 64,
                status: "waitlisted", position: 3),
        ])

    /// What a course gave the student, in words that agree with the student's sex.
    static func statusTitle(_ status: String, sex: Sex?) -> String {
        switch status {
        case "enrolled": Sex.agree(sex, masculine: "зачислен", feminine: "зачислена")
        case "waitlisted": "лист ожидания"
        case "pending": "ждёт распределения"
        case "unused": "—"
        case "released": "место освобождено"
        default: status
        }
    }

    /// The document, for the printable page and the DOCX file.
    public var doc: DocModel {
        var document = DocModel(title: "ИУП — \(student)")
        document.heading("Индивидуальный учебный план обучающегося")
        document.paragraph("на \(year ?? "") учебный год (сетевые курсы)", align: .center)
        document.field("Обучающийся", student)
        document.field("Дата рождения", birthDate)
        document.field("Школа, класс", "\(school), \(grade) класс")
        document.field("Кампания записи", campaign)
        document.field("Заявка подана", submitted + ", " + submittedBy)
        document.heading("Сетевые курсы по приоритету", level: 2)
        document.table(
            ["№", "Курс (программа)", "Ресурсный центр", "Группа", "Часов", "Результат"],
            courses.map { course in
                [
                    String(course.rank), course.program, course.center, course.group, String(course.hours),
                    Self.statusTitle(course.status, sex: sex)
                        + (course.position.map { ", место № \($0)" } ?? ""),
                ]
            }, widths: [1, 6, 4, 3, 2, 4])
        document.field(
            "Согласие родителя (законного представителя)",
            guardianAgreed.map { "дано \($0): \(guardianAgreedBy ?? "")" } ?? "не дано")
        document.field(
            "Подтверждение школы",
            schoolDecision == "confirmed"
                ? "подтверждено" + (schoolDecided.map { " \($0)" } ?? "") + (schoolDecidedBy.map { ", \($0)" } ?? "")
                : schoolDecision == "refused" ? "отказано" : "ожидается")
        document.signatures([
            ("Обучающийся", initials), ("Родитель (законный представитель)", guardianAgreedBy ?? ""),
            ("Руководитель школы", schoolHead ?? ""),
        ])
        return document
    }
}
