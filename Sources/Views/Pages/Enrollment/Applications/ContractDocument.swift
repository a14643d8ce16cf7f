import Documents
import Domain
import Foundation

/// The contract between a school and a resource centre on the network form for a year, as a document: the
/// parties, the programmes, the school's students in the centre's groups, the term.
public struct ContractDocument: Sendable {
    /// A party of the contract.
    public struct Party: Sendable {
        public var shortName: String, fullName: String, head: String?, address: String?, phone: String?
        public init(shortName: String, fullName: String, head: String?, address: String?, phone: String?) {
            self.shortName = shortName
            self.fullName = fullName
            self.head = head
            self.address = address
            self.phone = phone
        }
    }
    /// A programme the centre teaches the school's students.
    public struct Program: Sendable {
        public var title: String, hours: Int, gradeFrom: Int, gradeTo: Int
        public init(title: String, hours: Int, gradeFrom: Int, gradeTo: Int) {
            self.title = title
            self.hours = hours
            self.gradeFrom = gradeFrom
            self.gradeTo = gradeTo
        }
    }
    /// A student of the school in one of the centre's groups.
    public struct Place: Sendable {
        public var student: String, grade: String, group: String
        public init(student: String, grade: String, group: String) {
            self.student = student
            self.grade = grade
            self.group = group
        }
    }

    /// `starts`, `ends`: the academic year's dates, already written.
    public var school: Party, center: Party, year: String, starts: String, ends: String
    public var programs: [Program], places: [Place]

    public init(
        school: Party, center: Party, year: String, starts: String, ends: String, programs: [Program], places: [Place]
    ) {
        self.school = school
        self.center = center
        self.year = year
        self.starts = starts
        self.ends = ends
        self.programs = programs
        self.places = places
    }

    public static let mock = ContractDocument(
        school: Party(
            shortName: "СОШ № 1", fullName: "МБОУ «Средняя школа № 1»", head: "Берестов И. П.",
            address: "ул. Лесная, 1", phone: "+7 000 000-00-01"),
        center: Party(shortName: "Лицей № 2", fullName: "МАОУ «Лицей № 2»", head: nil, address: nil, phone: nil),
        year: "2025/2026", starts: "01.09.2025", ends: "31.08.2026",
        programs: [Program(title: "Основы программирования", hours: 64, gradeFrom: 9, gradeTo: 11)],
        places: [Place(student: "Ёлкин Артём Ильич", grade: "10А", group: "Информатика-10")])

    /// The document, for the printable page and the DOCX file.
    public var doc: DocModel {
        var document = DocModel(title: "Договор о сетевой форме — \(school.shortName) и \(center.shortName)")
        document.heading("Договор о сетевой форме реализации образовательных программ")
        document.paragraph("\(year) учебный год", align: .center)
        document.paragraph(
            "\(school.fullName) (далее — «Школа») в лице руководителя \(school.head ?? "________________"), с "
                + "одной стороны, и \(center.fullName) "
                + "(далее — «Ресурсный центр») в лице руководителя \(center.head ?? "________________"), с другой "
                + "стороны, заключили настоящий договор о нижеследующем."
        )
        document.heading("1. Предмет договора", level: 2)
        document.paragraph(
            "Ресурсный центр реализует для обучающихся Школы сетевые программы, согласованные "
                + "координационно-методическим центром, а Школа засчитывает их освоение "
                + "в индивидуальных учебных планах обучающихся. Объём курса — по программе (как правило, 64 часа в "
                + "год)."
        )
        document.table(
            ["№", "Программа", "Часов", "Классы"],
            programs.enumerated().map { i, program in
                [String(i + 1), program.title, String(program.hours), "\(program.gradeFrom)–\(program.gradeTo)"]
            },
            widths: [1, 8, 2, 2])
        document.heading("2. Обучающиеся", level: 2)
        document.table(
            ["№", "Обучающийся", "Класс", "Группа"],
            places.enumerated().map { i, e in [String(i + 1), e.student, e.grade, e.group] }, widths: [1, 7, 2, 4])
        if places.isEmpty {
            document.paragraph(
                "На дату составления обучающиеся Школы в группы Ресурсного центра не зачислены.", align: .left)
        }
        document.heading("3. Обязанности сторон", level: 2)
        document.paragraph(
            "Ресурсный центр обеспечивает проведение занятий по расписанию сети, ведёт учёт посещаемости и "
                + "результатов, проводит итоговую аттестацию "
                + "и сообщает её результаты Школе. Школа обеспечивает посещение занятий обучающимися, учитывает время "
                + "занятий в расписании и информирует родителей."
        )
        document.heading("4. Срок действия", level: 2)
        document.paragraph("Договор действует с \(starts) по \(ends).")
        document.heading("5. Реквизиты и подписи сторон", level: 2)
        document.table(
            ["Школа", "Ресурсный центр"],
            [
                [school.fullName, center.fullName], [school.address ?? "", center.address ?? ""],
                [school.phone ?? "", center.phone ?? ""],
            ], widths: [1, 1])
        document.signatures([
            ("Руководитель школы", school.head ?? ""), ("Руководитель ресурсного центра", center.head ?? ""),
        ])
        return document
    }
}
