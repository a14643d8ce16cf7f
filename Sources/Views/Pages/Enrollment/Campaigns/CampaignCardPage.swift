import Domain
import Foundation

/// What a campaign's card shows besides the registry's own parts: its facts, its courses, the lottery order and a
/// reminder to distribute the places.
public struct CampaignCardPage: Sendable {
    /// A group of one of the campaign's programmes.
    public struct Group: Sendable {
        public var id: UUID, name: String, program: String, center: String, gradeFrom: Int, gradeTo: Int
        public var enrolled: Int, capacity: Int
        public init(
            id: UUID, name: String, program: String, center: String, gradeFrom: Int, gradeTo: Int, enrolled: Int,
            capacity: Int
        ) {
            self.id = id
            self.name = name
            self.program = program
            self.center = center
            self.gradeFrom = gradeFrom
            self.gradeTo = gradeTo
            self.enrolled = enrolled
            self.capacity = capacity
        }
    }
    /// An application in the lottery order (`number`: its place in the order) and the seats it got; `sex` from the
    /// registry (nil when not known) makes «зачислен» or «зачислена».
    public struct Draw: Sendable {
        public var number: Int, student: String, sex: Sex?, school: String
        public var results: [(group: String, enrolled: Bool)]
        public init(
            number: Int, student: String, sex: Sex?, school: String, results: [(group: String, enrolled: Bool)]
        ) {
            self.number = number
            self.student = student
            self.sex = sex
            self.school = school
            self.results = results
        }
    }

    /// The window, already written as date and time.
    public var opens: String, closes: String
    public var mode: CampaignMode, maxCourses: Int, choiceSlots: Int, confirmDays: Int
    public var applications: [ApplicationState: Int]
    /// The lottery's seed, when the places were distributed, and when and by whom.
    public var seed: String?, distributedAt: String?, distributedBy: String?
    public var groups: [Group]
    /// The lottery order, for those who may see it.
    public var draws: [Draw]?
    /// The window is closed and the places wait to be distributed.
    public var awaitingDistribution: Bool

    public init(
        opens: String, closes: String, mode: CampaignMode, maxCourses: Int, choiceSlots: Int, confirmDays: Int,
        applications: [ApplicationState: Int], seed: String?, distributedAt: String?, distributedBy: String?,
        groups: [Group], draws: [Draw]?, awaitingDistribution: Bool
    ) {
        self.opens = opens
        self.closes = closes
        self.mode = mode
        self.maxCourses = maxCourses
        self.choiceSlots = choiceSlots
        self.confirmDays = confirmDays
        self.applications = applications
        self.seed = seed
        self.distributedAt = distributedAt
        self.distributedBy = distributedBy
        self.groups = groups
        self.draws = draws
        self.awaitingDistribution = awaitingDistribution
    }

    public static let mock = CampaignCardPage(
        opens: "01.05.2026 09:00", closes: "31.05.2026 23:59", mode: .ranked, maxCourses: 2, choiceSlots: 4,
        confirmDays: 3, applications: [.confirmed: 2, .distributed: 5], seed: "a1b2c3",
        distributedAt: "01.06.2026 10:00",
        distributedBy: "Ёлкина Ольга Петровна",
        groups: [
            Group(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, name: "Информатика-10",
                program: "Основы программирования", center: "Лицей № 2", gradeFrom: 9, gradeTo: 11, enrolled: 5,
                capacity: 12)
        ],
        draws: [
            Draw(
                number: 1, student: "Ёлкин Артём Ильич", sex: .male, school: "СОШ № 1",
                results: [("Информатика-10", true)]),
            Draw(
                number: 2, student: "Берестова Алина Игоревна", sex: .female, school: "СОШ № 3",
                results: [("Информатика-10", true)]),
            Draw(number: 3, student: "Сосновский Павел Андреевич", sex: nil, school: "СОШ № 3", results: []),
        ],
        awaitingDistribution: false)

    /// The card's facts.
    public var facts: [(String, String)] {
        var facts: [(String, String)] = [
            ("Приём заявок", "с " + opens + " до " + closes),
            ("Порядок распределения", mode.title), ("Курсов на одного обучающегося", String(maxCourses)),
            ("Можно указать курсов в ИУП", String(choiceSlots)),
        ]
        if mode == .firstCome {
            facts.append(
                (
                    "Срок подтверждения",
                    RussianPlural.count(confirmDays, "день", "дня", "дней") + " после подачи: иначе место освобождается"
                ))
        }
        let counts = ApplicationState.allCases.compactMap { s in applications[s].map { "\(s.title): \($0)" } }
        facts.append(("Заявок", counts.isEmpty ? "нет" : counts.joined(separator: "; ")))
        if let seed {
            facts.append(("Распределение", (distributedAt ?? "") + (distributedBy.map { ", \($0)" } ?? "")))
            facts.append(("Зерно жеребьёвки", seed))
        }
        return facts
    }

    /// The card's related lists: the courses and, for those who may see it, the lottery order.
    public var sections: [RegistryCard.Section] {
        var sections = [
            RegistryCard.Section(
                title: "Курсы кампании", columns: ["Группа", "Программа", "Ресурсный центр", "Классы", "Места"],
                rows: groups.map { group in
                    [
                        .link(group.name, SiteURL.record(.groups, group.id).path), .text(group.program),
                        .text(group.center),
                        .text("\(group.gradeFrom)–\(group.gradeTo)"),
                        .text("занято \(group.enrolled) из \(group.capacity)"),
                    ]
                }, emptyText: "У программ кампании нет открытых групп.")
        ]
        if let draws {
            sections.append(
                RegistryCard.Section(
                    title: "Порядок жеребьёвки", columns: ["№", "Обучающийся", "Школа", "Результат"],
                    rows: draws.map { draw in
                        let enrolled = Sex.agree(draw.sex, masculine: "зачислен", feminine: "зачислена")
                        let got = draw.results.map { "\($0.group): \($0.enrolled ? enrolled : "лист ожидания")" }
                        return [
                            .text(String(draw.number)), .text(draw.student), .text(draw.school),
                            .text(got.isEmpty ? "без места" : got.joined(separator: "; ")),
                        ]
                    }, emptyText: ""))
        }
        return sections
    }

    /// The card's warnings.
    public var warnings: [String] {
        awaitingDistribution
            ? ["Приём заявок закрыт: нажмите «Распределить», чтобы провести жеребьёвку и распределить места."] : []
    }
}
