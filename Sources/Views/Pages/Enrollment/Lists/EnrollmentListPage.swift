import Domain
import Foundation

/// A КМЦ list for a group: its students, the search to add more (bulk, by school and grade), and the actions of
/// the coordinator (send) and of the centre (accept, return with a comment).
public struct EnrollmentListPage: Sendable {
    /// Why a student is marked in the list or cannot be added to it.
    public enum Note: Sendable {
        case inGroup, consentWithdrawn, left, waiting, inList
        /// The note as shown.
        public var title: String {
            switch self {
            case .inGroup: "уже в группе"
            case .consentWithdrawn: "согласие отозвано"
            case .left: "выбыл(а)"
            case .waiting: "в листе ожидания этой группы"
            case .inList: "уже в списке"
            }
        }
    }
    /// A student in the list.
    public struct Item: Sendable {
        public var name: String, school: String, grade: String, note: Note?, removeURL: String?
        public init(name: String, school: String, grade: String, note: Note?, removeURL: String?) {
            self.name = name
            self.school = school
            self.grade = grade
            self.note = note
            self.removeURL = removeURL
        }
    }
    /// A student found to add.
    public struct Candidate: Sendable {
        public var id: String, name: String, school: String, grade: String, note: Note?
        public init(id: String, name: String, school: String, grade: String, note: Note?) {
            self.id = id
            self.name = name
            self.school = school
            self.grade = grade
            self.note = note
        }
    }
    /// The list's group and history (dates already written; `state`: the list's state as stored).
    public struct Summary: Sendable {
        public var group: String, program: String, gradeFrom: Int, gradeTo: Int, center: String
        public var enrolled: Int, capacity: Int, state: String, createdBy: String, created: String
        public var sent: String?, decided: String?, decidedBy: String?
        public init(
            group: String, program: String, gradeFrom: Int, gradeTo: Int, center: String, enrolled: Int, capacity: Int,
            state: String, createdBy: String, created: String, sent: String?, decided: String?, decidedBy: String?
        ) {
            self.group = group
            self.program = program
            self.gradeFrom = gradeFrom
            self.gradeTo = gradeTo
            self.center = center
            self.enrolled = enrolled
            self.capacity = capacity
            self.state = state
            self.createdBy = createdBy
            self.created = created
            self.sent = sent
            self.decided = decided
            self.decidedBy = decidedBy
        }
    }
    public var url: String
    public var summary: Summary
    /// Why the last action failed, the centre's comment on a returned list, and a shortage of places.
    public var problem: String?, returnComment: String?, shortfall: String?
    public var items: [Item]
    public var editable: Bool
    public var canSend: Bool
    public var canDecide: Bool
    public var query: ListQuery
    public var schools: [(value: String, title: String)]
    public var candidates: [Candidate]
    public var candidatesTotal: Int

    public init(
        url: String, summary: Summary, problem: String?, returnComment: String?, shortfall: String?, items: [Item],
        editable: Bool, canSend: Bool, canDecide: Bool, query: ListQuery, schools: [(value: String, title: String)],
        candidates: [Candidate], candidatesTotal: Int
    ) {
        self.url = url
        self.summary = summary
        self.problem = problem
        self.returnComment = returnComment
        self.shortfall = shortfall
        self.items = items
        self.editable = editable
        self.canSend = canSend
        self.canDecide = canDecide
        self.query = query
        self.schools = schools
        self.candidates = candidates
        self.candidatesTotal = candidatesTotal
    }

    public static let mock = EnrollmentListPage(
        url: "/lists/00000000-0000-0000-0000-000000000001",
        summary: Summary(
            group: "Информатика-10", program: "Основы программирования", gradeFrom: 9, gradeTo: 11, center: "Лицей № 2",
            enrolled: 9, capacity: 12, state: "draft", createdBy: "Ёлкина Ольга Петровна", created: "01.09.2025 10:00",
            sent: nil, decided: nil, decidedBy: nil),
        problem: nil, returnComment: nil, shortfall: "Мест меньше, чем учащихся в списке: 4 на 3 места.",
        items: [
            Item(
                name: "Ёлкин Артём Ильич", school: "СОШ № 1", grade: "10А", note: nil,
                removeURL: "/lists/00000000-0000-0000-0000-000000000001/items/1/remove")
        ],
        editable: true, canSend: true, canDecide: false,
        query: ListQuery(filters: ["school": "", "grade": "10"], sort: "name"),
        schools: [(value: "00000000-0000-0000-0000-0000000000a1", title: "СОШ № 1")],
        candidates: [
            Candidate(
                id: "00000000-0000-0000-0000-0000000000b1", name: "Берестова Алина Игоревна", school: "СОШ № 1",
                grade: "10А", note: .inList)
        ],
        candidatesTotal: 1)

    /// The page's title.
    public var title: String { "Список КМЦ — \(summary.group)" }

    /// The list's facts.
    public var facts: [(String, String)] {
        let summary = summary
        var facts = [
            ("Группа", summary.group),
            ("Программа", summary.program + " (\(summary.gradeFrom)–\(summary.gradeTo) классы)"),
            ("Ресурсный центр", summary.center),
            (
                "Места",
                "занято \(summary.enrolled) из \(summary.capacity), свободно \(max(0, summary.capacity - summary.enrolled))"
            ),
            ("Состояние", EnrollmentWords.Lists.state(summary.state)),
            ("Составил", summary.createdBy + ", " + summary.created),
        ]
        if let sent = summary.sent { facts.append(("Отправлен", sent)) }
        if let decided = summary.decided {
            facts.append(("Решение центра", decided + (summary.decidedBy.map { ", \($0)" } ?? "")))
        }
        return facts
    }

    /// The warnings above the list.
    public var warnings: [String] {
        [problem, returnComment.map { "Центр вернул список: «\($0)»." }, shortfall].compactMap { $0 }
    }
}
