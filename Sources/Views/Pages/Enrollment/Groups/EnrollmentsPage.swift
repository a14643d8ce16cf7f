import Domain
import Foundation

/// «Записи в группы»: who studies in which group, for a school (its students) or a centre (its groups' students).
public struct EnrollmentsPage: Sendable {
    /// One enrolment (`position`: the place in the waiting list; `withdrawnOn`: already written as a date).
    public struct Row: Sendable {
        public var student: String, school: String, grade: String, groupID: UUID, group: String, program: String
        public var center: String, status: EnrollmentStatus?, rawStatus: String, position: Int?
        public var withdrawnOn: String?, withdrawReason: String?, source: String?, created: String
        public init(
            student: String, school: String, grade: String, groupID: UUID, group: String, program: String,
            center: String, rawStatus: String, position: Int?, withdrawnOn: String?, withdrawReason: String?,
            source: String?, created: String
        ) {
            self.student = student
            self.school = school
            self.grade = grade
            self.groupID = groupID
            self.group = group
            self.program = program
            self.center = center
            self.status = EnrollmentStatus(rawValue: rawStatus)
            self.rawStatus = rawStatus
            self.position = position
            self.withdrawnOn = withdrawnOn
            self.withdrawReason = withdrawReason
            self.source = source
            self.created = created
        }
    }
    /// A contract between the viewer's organisation and a partner (`partner`: the other party's short name).
    public struct Contract: Sendable {
        public var partner: String, url: String
        public init(partner: String, url: String) {
            self.partner = partner
            self.url = url
        }
    }

    public var query: ListQuery
    public var schools: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var contracts: [Contract]

    public init(
        query: ListQuery, schools: [(value: String, title: String)], rows: [Row], total: Int, contracts: [Contract]
    ) {
        self.query = query
        self.schools = schools
        self.rows = rows
        self.total = total
        self.contracts = contracts
    }

    public static let mock = EnrollmentsPage(
        query: ListQuery(sort: "student"), schools: [(value: "00000000-0000-0000-0000-0000000000a1", title: "СОШ № 1")],
        rows: [
            Row(
                student: "Ёлкин Артём Ильич", school: "СОШ № 1", grade: "10А",
                groupID: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, group: "Информатика-10",
                program: "Основы программирования", center: "Лицей № 2", rawStatus: "waitlisted", position: 2,
                withdrawnOn: nil, withdrawReason: nil, source: "list", created: "01.09.2025"),
            Row(
                student: "Берестова Алина Игоревна", school: "СОШ № 1", grade: "9Б",
                groupID: UUID(uuidString: "00000000-0000-0000-0000-000000000002")!, group: "Химия-9",
                program: "Химия вокруг нас", center: "Лицей № 2", rawStatus: "withdrawn", position: nil,
                withdrawnOn: "01.12.2025", withdrawReason: "смена школы или переезд", source: nil, created: "02.09.2025"
            ),
        ],
        total: 2,
        contracts: [
            Contract(
                partner: "Лицей № 2",
                url: "/contracts/00000000-0000-0000-0000-0000000000a1/00000000-0000-0000-0000-0000000000a2")
        ])

    /// How a student came into a group.
    public static func sourceTitle(_ source: String?) -> String {
        switch source {
        case "list": "список КМЦ"
        case "application": "заявка (ИУП)"
        case "transfer": "перевод"
        case "direct", nil: "запись центром или КМЦ"
        default: source ?? ""
        }
    }

    /// The registry list the controller renders.
    public var list: RegistryList {
        var list = RegistryList(
            title: "Записи в группы", area: .groups, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
                FieldSpec(
                    "status", "Состояние",
                    .select(EnrollmentStatus.allCases.map { ($0.rawValue, $0.title) }, empty: "Зачислены и ожидают")),
            ],
            columns: [
                Column("Обучающийся", sort: "student"), Column("Школа"), Column("Класс"), Column("Группа"),
                Column("Программа"),
                Column("Ресурсный центр"), Column("Состояние"), Column("Основание"), Column("С", sort: "created"),
            ],
            rows: rows.map { enrollment in
                var state = enrollment.status?.title ?? enrollment.rawStatus
                if let position = enrollment.position { state += ", место № \(position)" }
                if let withdrawnOn = enrollment.withdrawnOn {
                    state += " " + withdrawnOn + (enrollment.withdrawReason.map { " (\($0))" } ?? "")
                }
                return [
                    .text(enrollment.student), .text(enrollment.school), .text(enrollment.grade),
                    .link(enrollment.group, SiteURL.record(.groups, enrollment.groupID).path),
                    .text(enrollment.program), .text(enrollment.center),
                    .text(state), .text(Self.sourceTitle(enrollment.source)), .text(enrollment.created),
                ]
            },
            total: total, noun: ("запись", "записи", "записей"), createTitle: nil, emptyText: "Записей в группы нет.")
        list.searchAction = "/enrollments"
        list.links = contracts.map { ("Договор: " + $0.partner, $0.url) }
        return list
    }
}
