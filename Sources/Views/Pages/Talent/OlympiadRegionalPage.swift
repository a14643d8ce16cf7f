import Domain
import Foundation

/// The regional stage as the municipality prepares for it (issue 21, item 3; `000_5375b2a087477e6d.txt` §4.3): the
/// municipal participants who take part in it, and the resource centres' preparation sessions with their trainers.
public struct OlympiadRegionalPage: Sendable {
    /// A municipal participant.
    public struct Participant: Sendable {
        public var id: UUID
        public var name: String
        public var school: String
        public var grade: Int
        public var result: String
        public var regional: Bool
        /// A participant's line.
        public init(id: UUID, name: String, school: String, grade: Int, result: String, regional: Bool) {
            self.id = id
            self.name = name
            self.school = school
            self.grade = grade
            self.result = result
            self.regional = regional
        }
    }

    /// A preparation session.
    public struct Session: Sendable {
        public var id: UUID
        public var date: String
        public var hours: Double
        public var trainer: String
        public var outside: Bool
        public var center: String
        public var topic: String
        public var canDelete: Bool
        /// A session's line.
        public init(
            id: UUID, date: String, hours: Double, trainer: String, outside: Bool, center: String, topic: String,
            canDelete: Bool
        ) {
            self.id = id
            self.date = date
            self.hours = hours
            self.trainer = trainer
            self.outside = outside
            self.center = center
            self.topic = topic
            self.canDelete = canDelete
        }
    }

    public var stageID: UUID
    public var stageTitle: String
    /// The participants the reader may see (nil: none of their names).
    public var participants: [Participant]?
    public var regionalCount: Int
    public var canMark: Bool
    public var sessions: [Session]
    /// The centres the reader may add a session for (none: no form).
    public var centers: [(value: String, title: String)]
    public var values: FormValues
    public var errors: FieldErrors

    /// The page's data.
    public init(
        stageID: UUID, stageTitle: String, participants: [Participant]?, regionalCount: Int, canMark: Bool,
        sessions: [Session], centers: [(value: String, title: String)], values: FormValues = FormValues(),
        errors: FieldErrors = FieldErrors()
    ) {
        self.stageID = stageID
        self.stageTitle = stageTitle
        self.participants = participants
        self.regionalCount = regionalCount
        self.canMark = canMark
        self.sessions = sessions
        self.centers = centers
        self.values = values
        self.errors = errors
    }

    /// A made-up page.
    public static let mock = OlympiadRegionalPage(
        stageID: MockID.of(0x2151), stageTitle: "Муниципальный этап: математика, 2025/2026",
        participants: [
            Participant(
                id: MockID.of(0x2171), name: "Лебедева Ольга Ивановна", school: "Школа № 1", grade: 10,
                result: "победитель, 48 баллов", regional: true)
        ], regionalCount: 1, canMark: true,
        sessions: [
            Session(
                id: MockID.of(0x2181), date: "12.12.2025", hours: 3, trainer: "Орлов В. П.", outside: true,
                center: "МБОУ «Гимназия № 2»", topic: "Комбинаторика", canDelete: true)
        ], centers: [("c1", "МБОУ «Гимназия № 2»")])

    public static func path(_ id: UUID) -> String { OlympiadPaths.stage(id) + "/regional" }
    public static func sessions(_ id: UUID) -> String { OlympiadPaths.stage(id) + "/sessions" }

    /// Hours by trainer, the most first: what the programme pays for (§4.3).
    public var hoursByTrainer: [(trainer: String, outside: Bool, hours: Double)] {
        var hours: [String: (Bool, Double)] = [:]
        for session in sessions { hours[session.trainer, default: (session.outside, 0)].1 += session.hours }
        return hours.map { ($0.key, $0.value.0, $0.value.1) }.sorted { ($0.hours, $1.trainer) > ($1.hours, $0.trainer) }
    }

    public func render(_ ctx: PageContext) -> String {
        let title = OlympiadWords.regionalTitle
        return Layout.page(ctx, title: title, crumbs: OlympiadPaths.crumbs(stageID, stage: stageTitle, page: title)) {
            el("h1") { title }
            el("p", .cls("muted")) { OlympiadWords.regionalIntro }
            el("h2") { "Участники регионального этапа: \(regionalCount)" }
            if let participants { participantsNode(participants, ctx) }
            el("h2") { "Подготовительные занятия" }
            if sessions.isEmpty {
                UI.empty("Занятий пока нет.")
            } else {
                sessionsNode(ctx)
            }
            if !centers.isEmpty { sessionForm(ctx) }
        }
    }

    func participantsNode(_ participants: [Participant], _ ctx: PageContext) -> Node {
        el("form", Attr("method", "post"), Attr("action", Self.path(stageID))) {
            Layout.csrf(ctx)
            if participants.isEmpty { UI.empty("Результатов муниципального этапа пока нет.") }
            el("table", .cls("list")) {
                el("thead") {
                    el("tr") {
                        for column in ["Региональный этап", "Участник", "Школа", "Класс", "Муниципальный этап"] {
                            el("th") { column }
                        }
                    }
                }
                el("tbody") {
                    for row in participants {
                        el("tr") {
                            el("td") {
                                if canMark {
                                    el("label", .cls("check")) {
                                        el(
                                            "input", .type("checkbox"), .name("participant"),
                                            .value(row.id.uuidString.lowercased()), .flag("checked", row.regional))
                                        "участвует"
                                    }
                                } else {
                                    row.regional ? "участвует" : "—"
                                }
                            }
                            el("td") { row.name }
                            el("td") { row.school }
                            el("td") { String(row.grade) }
                            el("td") { row.result }
                        }
                    }
                }
            }
            if canMark && !participants.isEmpty { el("div", .cls("actions")) { UI.submit("Сохранить список") } }
        }
    }

    func sessionsNode(_ ctx: PageContext) -> Node {
        fragment {
            el("table", .cls("list")) {
                el("thead") {
                    el("tr") {
                        for column in ["Дата", "Часов", "Тренер", "Ресурсный центр", "Тема", ""] { el("th") { column } }
                    }
                }
                el("tbody") {
                    for session in sessions {
                        el("tr") {
                            el("td") { session.date }
                            el("td") { TalentWords.scoreText(session.hours) }
                            el("td") { session.trainer + (session.outside ? " (привлечённый)" : "") }
                            el("td") { session.center }
                            el("td") { session.topic }
                            el("td") {
                                if session.canDelete {
                                    el(
                                        "a",
                                        .href(Self.sessions(stageID) + "/\(session.id.uuidString.lowercased())/delete")
                                    ) {
                                        "Удалить"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h3") { "Часы по тренерам" }
            el("ul") {
                for item in hoursByTrainer {
                    el("li") {
                        "\(item.trainer)\(item.outside ? " (привлечённый)" : ""): "
                            + RussianPlural.count(Int(item.hours.rounded()), "час", "часа", "часов")
                    }
                }
            }
        }
    }

    func sessionForm(_ ctx: PageContext) -> Node {
        el(
            "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", Self.sessions(stageID)),
            Attr("novalidate", "novalidate")
        ) {
            el("h3") { "Добавить занятие" }
            Layout.csrf(ctx)
            UI.formError(errors.isEmpty ? nil : OlympiadWords.notSaved)
            FieldSpec("center", "Ресурсный центр", .select(centers, empty: "— выберите —"), required: true).render(
                values: values, errors: errors)
            FieldSpec("heldOn", "Дата", .date, required: true).render(values: values, errors: errors)
            FieldSpec("hours", "Часов", required: true, hint: "От 0,5 до 12, например 1,5.").render(
                values: values, errors: errors)
            FieldSpec("trainer", "Тренер", required: true, hint: "Фамилия и инициалы.").render(
                values: values, errors: errors)
            FieldSpec(
                "trainerOutside", "Тренер", .checkboxes([("yes", "не сотрудник центра (привлечённый)")])
            ).render(values: values, errors: errors)
            FieldSpec("topic", "Тема", required: true).render(values: values, errors: errors)
            el("div", .cls("actions")) { UI.submit("Добавить занятие") }
        }
    }
}
