import Domain
import Foundation

/// A student's own record in the network: attendance per course, final results, the latest marks and certificates.
public struct StudentProgressPage: Sendable {
    /// One course the student attends or attended.
    public struct Course: Sendable {
        public var year: String, program: String, center: String
        /// When the student left the group: nil while enrolled; "" when the date is not known.
        public var withdrawn: String?
        public var deliveredHours: Int, attendedHours: Int, percent: Int, missed: Int
        /// The final result: its form, whether passed, the grade.
        public var result: (form: String, passed: Bool, grade: String?)?
        public init(
            year: String, program: String, center: String, withdrawn: String?, deliveredHours: Int,
            attendedHours: Int, percent: Int, missed: Int, result: (form: String, passed: Bool, grade: String?)?
        ) {
            self.year = year
            self.program = program
            self.center = center
            self.withdrawn = withdrawn
            self.deliveredHours = deliveredHours
            self.attendedHours = attendedHours
            self.percent = percent
            self.missed = missed
            self.result = result
        }
    }
    /// One attendance mark (`status` as stored: `present`, `excused`, `absent`).
    public struct Mark: Sendable {
        public var day: String, group: String, status: String
        public init(day: String, group: String, status: String) {
            self.day = day
            self.group = group
            self.status = status
        }
    }
    /// One certificate; `printURL` for a valid one.
    public struct Certificate: Sendable {
        public var number: String, course: String, issued: String, printURL: String?
        public init(number: String, course: String, issued: String, printURL: String?) {
            self.number = number
            self.course = course
            self.issued = issued
            self.printURL = printURL
        }
    }

    public var name: String, school: String, grade: String, weekURL: String
    /// The student's sex from the registry (nil when not known): the marks and the words about the student agree.
    public var sex: Sex?
    public var courses: [Course], marks: [Mark], certificates: [Certificate]
    /// Whether the reader opens the registry of students (else the trail leads to the child's week).
    public var readsRegistry: Bool

    public init(
        name: String, school: String, grade: String, weekURL: String, sex: Sex?, courses: [Course], marks: [Mark],
        certificates: [Certificate], readsRegistry: Bool
    ) {
        self.name = name
        self.school = school
        self.grade = grade
        self.weekURL = weekURL
        self.sex = sex
        self.courses = courses
        self.marks = marks
        self.certificates = certificates
        self.readsRegistry = readsRegistry
    }

    public static let mock = StudentProgressPage(
        name: "Ёлкин Артём Ильич", school: "СОШ № 1", grade: "10А", weekURL: "/timetable/students/x",
        sex: .male,
        courses: [
            Course(
                year: "2026/2027", program: "Основы робототехники", center: "ЦДО «Кванториум»", withdrawn: nil,
                deliveredHours: 20, attendedHours: 18, percent: 90, missed: 1,
                result: (form: "зачёт", passed: true, grade: nil)),
            Course(
                year: "2025/2026", program: "Олимпиадная математика", center: "Гимназия № 2", withdrawn: "15.01.2026",
                deliveredHours: 0, attendedHours: 0, percent: 0, missed: 0, result: nil),
        ],
        marks: [Mark(day: "07.09.2026", group: "Робототехника-7", status: "present")],
        certificates: [
            Certificate(
                number: "2026-000123", course: "Основы робототехники", issued: "25.05.2026",
                printURL: "/timetable/students/x/certificates/c")
        ],
        readsRegistry: false)

    /// The card the controller renders.
    public var card: RegistryCard {
        let left = Sex.agree(sex, masculine: "выбыл", feminine: "выбыла")
        let courseRows: [[Cell]] = courses.map { course in
            [
                .text(course.year),
                .text(
                    course.program
                        + (course.withdrawn.map { " (\(left)" + ($0.isEmpty ? "" : " " + $0) + ")" } ?? "")),
                .text(course.center),
                .text(
                    course.deliveredHours == 0
                        ? "занятий ещё не было"
                        : "\(course.percent) % (\(course.attendedHours) из \(course.deliveredHours) ч; пропусков: \(course.missed))"
                ),
                .text(
                    course.result.map {
                        $0.form + ": " + ($0.passed ? "зачтено" : "не зачтено") + ($0.grade.map { ", \($0)" } ?? "")
                    } ?? "—"),
            ]
        }
        var card = RegistryCard(
            title: "Успеваемость: \(name)", area: .students, status: nil,
            facts: [("Школа", school), ("Класс", grade)],
            actions: [.link("Расписание", weekURL, primary: false)],
            sections: [
                RegistryCard.Section(
                    title: "Сетевые курсы",
                    columns: ["Год", "Курс", "Ресурсный центр", "Посещаемость", "Итоговая аттестация"],
                    rows: courseRows,
                    emptyText: "Сетевых курсов пока нет."),
                RegistryCard.Section(
                    title: "Последние отметки", columns: ["Дата", "Группа", "Отметка"],
                    rows: marks.map { mark in
                        [
                            .text(mark.day), .text(mark.group),
                            .text(AttendanceStatus(rawValue: mark.status)?.title(for: sex) ?? mark.status),
                        ]
                    },
                    emptyText: "Отметок в журнале пока нет."),
                RegistryCard.Section(
                    title: "Сертификаты", columns: ["Номер", "Курс", "Выдан", "Состояние", ""],
                    rows: certificates.map { certificate in
                        [
                            .text(certificate.number), .text(certificate.course), .text(certificate.issued),
                            certificate.printURL != nil
                                ? .tag("действителен", "active") : .tag("аннулирован", "expired"),
                            certificate.printURL.map { .link("Печать", $0) } ?? .text(""),
                        ]
                    }, emptyText: "Сертификатов пока нет."),
            ], history: nil)
        // The student and guardians do not open the registry: their trail leads to the child's week.
        if !readsRegistry { card.crumbs = [Crumb("Расписание", weekURL)] }
        return card
    }
}
