import Domain
import Foundation

/// A study group's card: its facts, the actions the viewer may take, its students, waiting list and КМЦ lists.
public struct GroupCardPage: Sendable {
    /// A student in the group or waiting for a place (`position` in the waiting list).
    public struct Student: Sendable {
        public var enrollmentID: UUID, name: String, school: String, grade: String, position: Int?
        public init(enrollmentID: UUID, name: String, school: String, grade: String, position: Int? = nil) {
            self.enrollmentID = enrollmentID
            self.name = name
            self.school = school
            self.grade = grade
            self.position = position
        }
    }
    /// A КМЦ list composed for the group.
    public struct List: Sendable {
        public var url: String, created: String, items: Int, state: String
        public init(url: String, created: String, items: Int, state: String) {
            self.url = url
            self.created = created
            self.items = items
            self.state = state
        }
    }
    /// What the viewer may do on the card.
    public struct Rights: Sendable {
        public var edit: Bool, journal: Bool, certificates: Bool, enroll: Bool, composeList: Bool, readLists: Bool
        public init(
            edit: Bool, journal: Bool, certificates: Bool, enroll: Bool, composeList: Bool, readLists: Bool
        ) {
            self.edit = edit
            self.journal = journal
            self.certificates = certificates
            self.enroll = enroll
            self.composeList = composeList
            self.readLists = readLists
        }
    }

    public var id: UUID, name: String
    public var program: String, programAgreed: Bool
    public var center: String, year: String, teacher: String, room: String, plannedHours: Int
    /// The dates of the classes, already written as `dd.MM.yyyy` (or empty).
    public var startsOn: String, endsOn: String
    public var enrolled: Int, capacity: Int, waitingCount: Int, isOpen: Bool
    public var rights: Rights
    public var seated: [Student], waiting: [Student]
    /// Students of the group the viewer may not see.
    public var hidden: Int
    public var lists: [List]

    public init(
        id: UUID, name: String, program: String, programAgreed: Bool, center: String, year: String, teacher: String,
        room: String, plannedHours: Int, startsOn: String, endsOn: String, enrolled: Int, capacity: Int,
        waitingCount: Int, isOpen: Bool, rights: Rights, seated: [Student], waiting: [Student], hidden: Int,
        lists: [List]
    ) {
        self.id = id
        self.name = name
        self.program = program
        self.programAgreed = programAgreed
        self.center = center
        self.year = year
        self.teacher = teacher
        self.room = room
        self.plannedHours = plannedHours
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.enrolled = enrolled
        self.capacity = capacity
        self.waitingCount = waitingCount
        self.isOpen = isOpen
        self.rights = rights
        self.seated = seated
        self.waiting = waiting
        self.hidden = hidden
        self.lists = lists
    }

    public static let mock = GroupCardPage(
        id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, name: "Информатика-10",
        program: "Основы программирования", programAgreed: true, center: "Лицей № 2", year: "2025/2026",
        teacher: "Ёлкина Ольга Петровна", room: "Кабинет № 12", plannedHours: 64, startsOn: "01.09.2025",
        endsOn: "25.05.2026", enrolled: 1, capacity: 12, waitingCount: 1, isOpen: true,
        rights: Rights(edit: true, journal: true, certificates: true, enroll: true, composeList: true, readLists: true),
        seated: [
            Student(
                enrollmentID: UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!,
                name: "Берестова Алина Игоревна",
                school: "СОШ № 1", grade: "10А")
        ],
        waiting: [
            Student(
                enrollmentID: UUID(uuidString: "00000000-0000-0000-0000-0000000000e2")!, name: "Ёлкин Артём Ильич",
                school: "СОШ № 3", grade: "10Б", position: 1)
        ],
        hidden: 2,
        lists: [
            List(
                url: "/lists/00000000-0000-0000-0000-0000000000f1", created: "01.09.2025 10:00", items: 3,
                state: "черновик")
        ])
}
