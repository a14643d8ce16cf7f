import Documents
import Domain
import Foundation

/// One of the authority's recurring orders as plain data — the requisites, number and date, the appendix's lines —
/// turned into the `DocModel` that the DOCX writer and the print page share (`model`, in `OrderDocument+Text`).
public struct OrderDocument: Sendable {
    /// The education authority that issues the order (nil: the municipality's name heads the order).
    public struct Authority: Sendable {
        public var fullName: String, address: String?, phone: String?, email: String?, headName: String?
        public init(fullName: String, address: String?, phone: String?, email: String?, headName: String?) {
            self.fullName = fullName
            self.address = address
            self.phone = phone
            self.email = email
            self.headName = headName
        }
    }
    /// A resource centre and its subjects.
    public struct Center: Sendable {
        public var name: String, subjects: [String]
        public init(name: String, subjects: [String]) {
            self.name = name
            self.subjects = subjects
        }
    }
    /// A group of the year.
    public struct Group: Sendable {
        public var center: String, program: String, name: String, teacher: String, capacity: Int, hours: Int
        public init(center: String, program: String, name: String, teacher: String, capacity: Int, hours: Int) {
            self.center = center
            self.program = program
            self.name = name
            self.teacher = teacher
            self.capacity = capacity
            self.hours = hours
        }
    }
    /// A weekly pattern of a group.
    public struct Pattern: Sendable {
        public var center: String, group: String, program: String, weekday: String, times: String, room: String
        public var teacher: String, period: String
        public init(
            center: String, group: String, program: String, weekday: String, times: String, room: String,
            teacher: String, period: String
        ) {
            self.center = center
            self.group = group
            self.program = program
            self.weekday = weekday
            self.times = times
            self.room = room
            self.teacher = teacher
            self.period = period
        }
    }
    /// How a lesson differs from its group's weekly pattern.
    public enum ChangeKind: Sendable {
        case cancelled(note: String?)
        case single, moved, substitute
    }
    /// A lesson outside the weekly patterns, or a change to one.
    public struct Change: Sendable {
        public var group: String, day: String, times: String, room: String, teacher: String, kind: ChangeKind
        public init(group: String, day: String, times: String, room: String, teacher: String, kind: ChangeKind) {
            self.group = group
            self.day = day
            self.times = times
            self.room = room
            self.teacher = teacher
            self.kind = kind
        }
    }
    /// A student's final result.
    public struct Result: Sendable {
        public var student: String, group: String, center: String, form: String, passed: Bool, grade: String?
        public var day: String
        public init(
            student: String, group: String, center: String, form: String, passed: Bool, grade: String?, day: String
        ) {
            self.student = student
            self.group = group
            self.center = center
            self.form = form
            self.passed = passed
            self.grade = grade
            self.day = day
        }
    }
    /// A certificate issued.
    public struct Certificate: Sendable {
        public var number: String, student: String, course: String, center: String, hours: Int
        public init(number: String, student: String, course: String, center: String, hours: Int) {
            self.number = number
            self.student = student
            self.course = course
            self.center = center
            self.hours = hours
        }
    }
    /// A teacher named by a support or gratitude order.
    public struct Teacher: Sendable {
        public var name: String, organizations: String, groups: [String], hours: Int
        /// The amount of support from the approved round, roubles.
        public var amount: Int?
        public init(name: String, organizations: String, groups: [String], hours: Int, amount: Int? = nil) {
            self.name = name
            self.organizations = organizations
            self.groups = groups
            self.hours = hours
            self.amount = amount
        }
    }
    /// A signed network agreement in force during the year.
    public struct Agreement: Sendable {
        public var parties: String, subject: String, number: String, term: String
        public init(parties: String, subject: String, number: String, term: String) {
            self.parties = parties
            self.subject = subject
            self.number = number
            self.term = term
        }
    }
    /// A measure of support of a gifted student named by the order (issue 21, item 5).
    public struct Award: Sendable {
        public var student: String, school: String, grade: Int, measure: String, sum: String, basis: String
        public init(student: String, school: String, grade: Int, measure: String, sum: String, basis: String) {
            self.student = student
            self.school = school
            self.grade = grade
            self.measure = measure
            self.sum = sum
            self.basis = basis
        }
    }
    /// What the order's appendix lists, by the order's kind.
    public enum Annex: Sendable {
        case organization(centers: [Center], groups: [Group])
        case schedule(patterns: [Pattern], changes: [Change])
        case attestation([Result])
        case certificates([Certificate])
        case support([Teacher])
        case gratitude([Teacher])
        case interaction([Agreement])
        case talentSupport([Award])
    }

    public var kind: OrderKind
    public var yearTitle: String
    /// The academic year's first and last days, «01.09.2026 — 31.05.2027».
    public var period: String
    public var municipality: String
    public var authority: Authority?
    public var number: String?
    public var day: String?
    public var annex: Annex

    public init(
        kind: OrderKind, yearTitle: String, period: String, municipality: String, authority: Authority?,
        number: String?, day: String?, annex: Annex
    ) {
        self.kind = kind
        self.yearTitle = yearTitle
        self.period = period
        self.municipality = municipality
        self.authority = authority
        self.number = number
        self.day = day
        self.annex = annex
    }

    public static let mock = OrderDocument(
        kind: .organization, yearTitle: "2026/2027", period: "01.09.2026 — 31.05.2027",
        municipality: "Городской округ Примерный",
        authority: Authority(
            fullName: "Управление образования администрации городского округа Примерный", address: "ул. Ленина, 1",
            phone: "+7 000 000-00-00", email: "uo@example.org", headName: "Иванова Мария Сергеевна"),
        number: nil, day: nil,
        annex: .organization(
            centers: [Center(name: "МБОУ «Гимназия № 2»", subjects: ["Математика", "Физика"])],
            groups: [
                Group(
                    center: "Гимназия № 2", program: "Олимпиадная математика", name: "Математика-10",
                    teacher: "Орлов Денис Андреевич", capacity: 15, hours: 72)
            ]))
}
