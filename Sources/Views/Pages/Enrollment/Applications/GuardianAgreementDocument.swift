import Documents
import Domain
import Foundation

/// The guardian's agreement to a child's studies in the network form, as a document.
public struct GuardianAgreementDocument: Sendable {
    /// A programme of the application (`center`: the centre's short name, as a table cell).
    public struct Program: Sendable {
        public var rank: Int, title: String, center: String, hours: Int
        public init(rank: Int, title: String, center: String, hours: Int) {
            self.rank = rank
            self.title = title
            self.center = center
            self.hours = hours
        }
    }

    /// Dates already written; `school`: the school's short name («МБОУ «СОШ № 1»», after «ученика 10А класса»); `agreedBy`/`agreedOn`: nil until the guardian agrees.
    public var student: String, sex: Sex?, birthDate: String, grade: String, school: String
    public var agreedBy: String?, agreedOn: String?
    public var programs: [Program]

    public init(
        student: String, sex: Sex?, birthDate: String, grade: String, school: String, agreedBy: String?,
        agreedOn: String?, programs: [Program]
    ) {
        self.student = student
        self.sex = sex
        self.birthDate = birthDate
        self.grade = grade
        self.school = school
        self.agreedBy = agreedBy
        self.agreedOn = agreedOn
        self.programs = programs
    }

    public static let mock = GuardianAgreementDocument(
        student: "Ёлкин Артём Ильич", sex: .male, birthDate: "12.03.2010", grade: "10А",
        school: "МБОУ «СОШ № 1»", agreedBy: nil, agreedOn: nil,
        programs: [Program(rank: 1, title: "Основы программирования", center: "МАОУ «Лицей № 2»", hours: 64)])

    /// The document, for the printable page and the DOCX file.
    public var doc: DocModel {
        let guardian = agreedBy ?? "________________________________"
        var document = DocModel(title: "Согласие родителя — \(student)")
        document.heading("Согласие родителя (законного представителя) на обучение по сетевым программам")
        // The guardian says who they are once, names stay in the nominative after a dash, and the words about the
        // child agree with the child's sex when the registry knows it.
        let minor = Sex.agree(
            sex, masculine: "несовершеннолетнего обучающегося", feminine: "несовершеннолетней обучающейся",
            unknown: "несовершеннолетнего обучающегося (обучающейся)")
        let scholar = Sex.agree(sex, masculine: "ученика", feminine: "ученицы")
        let their = Sex.agree(sex, masculine: "его", feminine: "её", unknown: "его (её)")
        document.paragraph(
            "Я, \(guardian), являясь родителем (законным представителем) \(minor) — \(student), \(birthDate) г. р., "
                + "\(scholar) \(grade) класса \(school), даю согласие на \(their) обучение в сетевой форме по программам:"
        )
        document.table(
            ["№", "Программа", "Ресурсный центр", "Часов"],
            programs.map { [String($0.rank), $0.title, $0.center, String($0.hours)] }, widths: [1, 7, 6, 2])
        document.paragraph(
            "Мне известно, что занятия проходят в ресурсном центре по расписанию муниципальной сети, что результаты "
                + "освоения курса учитываются "
                + "школой и что я могу отозвать согласие, сообщив об этом в школу или в «Сетке» (раздел «Мои дети»).")
        document.paragraph("Дата: " + (agreedOn ?? "«____» ____________ 20___ г."), align: .left)
        document.signatures([("Родитель (законный представитель)", agreedBy ?? "")])
        return document
    }
}
