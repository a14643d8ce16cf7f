import Domain
import Foundation

/// The search for students to enrol into a group: by name and school, each found student with a button.
public struct GroupEnrollSearchPage: Sendable {
    /// A found student (`inGroup`: already enrolled or waiting in this group).
    public struct Row: Sendable {
        public var id: UUID, name: String, school: String, grade: String, inGroup: Bool
        public init(id: UUID, name: String, school: String, grade: String, inGroup: Bool) {
            self.id = id
            self.name = name
            self.school = school
            self.grade = grade
            self.inGroup = inGroup
        }
    }

    public var groupID: UUID, groupName: String, enrolled: Int, capacity: Int
    public var q: String, school: String, limit: Int
    public var schools: [(value: String, title: String)]
    public var rows: [Row]
    /// How many match the search (more than `rows` when the list is cut at `limit`).
    public var found: Int
    /// The viewer may not browse names and typed fewer than three letters.
    public var tooShort: Bool
    public var csrf: String

    public init(
        groupID: UUID, groupName: String, enrolled: Int, capacity: Int, q: String, school: String, limit: Int,
        schools: [(value: String, title: String)], rows: [Row], found: Int, tooShort: Bool, csrf: String
    ) {
        self.groupID = groupID
        self.groupName = groupName
        self.enrolled = enrolled
        self.capacity = capacity
        self.q = q
        self.school = school
        self.limit = limit
        self.schools = schools
        self.rows = rows
        self.found = found
        self.tooShort = tooShort
        self.csrf = csrf
    }

    public static let mock = GroupEnrollSearchPage(
        groupID: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, groupName: "Информатика-10", enrolled: 11,
        capacity: 12, q: "Ёлк", school: "", limit: 50,
        schools: [(value: "00000000-0000-0000-0000-0000000000a1", title: "СОШ № 1")],
        rows: [
            Row(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")!, name: "Ёлкин Артём Ильич",
                school: "СОШ № 1", grade: "10А", inGroup: false),
            Row(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000b2")!, name: "Ёлкина Мария Ильинична",
                school: "СОШ № 1", grade: "8Б", inGroup: true),
        ],
        found: 3, tooShort: false, csrf: "csrf-mock")

    /// The registry list the controller renders.
    public var list: RegistryList {
        let base = SiteURL.record(.groups, groupID).path
        let letters = "Введите не меньше трёх букв фамилии или имени обучающегося."
        var list = RegistryList(
            title: "Запись в группу «\(groupName)»", area: .groups,
            query: ListQuery(q: q, filters: ["school": school], sort: "name", per: limit),
            filters: [
                FieldSpec("q", "Фамилия, имя", .text("search")),
                FieldSpec("school", "Школа", .select(schools, empty: "Все школы")),
            ],
            columns: [Column("Обучающийся"), Column("Школа"), Column("Класс"), Column("")],
            rows: rows.map { student in
                [
                    .text(student.name), .text(student.school), .text(student.grade),
                    student.inGroup
                        ? .tag("уже в группе", "signed")
                        : .post(
                            enrolled < capacity ? "Записать" : "В лист ожидания",
                            base + "/enroll?student=\(student.id.uuidString.lowercased())", csrf: csrf),
                ]
            },
            total: found, noun: ("обучающийся", "обучающихся", "обучающихся"), createTitle: nil,
            warnings: [
                "Свободно мест: \(max(0, capacity - enrolled)) из \(capacity). Когда места кончатся, "
                    + "записанные встают в лист ожидания."
            ]
                + (found > rows.count ? ["Показаны первые \(rows.count): уточните фамилию или выберите школу."] : [])
                + (tooShort && !q.isEmpty ? [letters] : []),
            emptyText: tooShort ? letters : "Никого не найдено: уточните фамилию или школу.")
        list.searchAction = base + "/enroll"
        return list
    }
}
