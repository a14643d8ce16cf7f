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
        /// The regional stage's result in the student's achievements: «призёр, 41 балл» (nil: none yet).
        public var regionalResult: String?
        /// The consent to processing is in force: a result may leave the school.
        public var consented: Bool
        /// A participant's line.
        public init(
            id: UUID, name: String, school: String, grade: Int, result: String, regional: Bool,
            regionalResult: String? = nil, consented: Bool = true
        ) {
            self.id = id
            self.name = name
            self.school = school
            self.grade = grade
            self.result = result
            self.regional = regional
            self.regionalResult = regionalResult
            self.consented = consented
        }

        /// The results form's field names of this participant.
        public var resultField: String { "result-\(id.uuidString.lowercased())" }
        public var scoreField: String { "score-\(id.uuidString.lowercased())" }
        public var versionField: String { "version-\(id.uuidString.lowercased())" }
    }

    /// A preparation session.
    public struct Session: Sendable {
        public var id: UUID
        public var date: String
        public var hours: Double
        public var trainer: String
        /// The trainer in the staff registry (nil: named as written).
        public var trainerID: UUID?
        public var outside: Bool
        public var center: String
        public var topic: String
        public var canDelete: Bool
        /// A session's line.
        public init(
            id: UUID, date: String, hours: Double, trainer: String, trainerID: UUID? = nil, outside: Bool,
            center: String, topic: String, canDelete: Bool
        ) {
            self.id = id
            self.date = date
            self.hours = hours
            self.trainer = trainer
            self.trainerID = trainerID
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
    /// The staff registry's trainers the session form offers.
    public var trainers: [(value: String, title: String)]
    /// The session form's and the results form's values (the results form's filled from the achievements).
    public var values: FormValues
    public var errors: FieldErrors
    /// Which form `errors` belong to.
    public var failedForm: Form?

    /// The page's two forms.
    public enum Form: Sendable { case results, session }

    /// The page's data.
    public init(
        stageID: UUID, stageTitle: String, participants: [Participant]?, regionalCount: Int, canMark: Bool,
        sessions: [Session], centers: [(value: String, title: String)],
        trainers: [(value: String, title: String)] = [], values: FormValues = FormValues(),
        errors: FieldErrors = FieldErrors(), failedForm: Form? = nil
    ) {
        self.stageID = stageID
        self.stageTitle = stageTitle
        self.participants = participants
        self.regionalCount = regionalCount
        self.canMark = canMark
        self.sessions = sessions
        self.centers = centers
        self.trainers = trainers
        self.values = values
        self.errors = errors
        self.failedForm = failedForm
    }

    /// A made-up page.
    public static let mock = OlympiadRegionalPage(
        stageID: MockID.of(0x2151), stageTitle: "Муниципальный этап: математика, 2025/2026",
        participants: [
            Participant(
                id: MockID.of(0x2171), name: "Лебедева Ольга Ивановна", school: "Школа № 1", grade: 10,
                result: "победитель, 48 баллов", regional: true, regionalResult: "призёр, 41 балл")
        ], regionalCount: 1, canMark: true,
        sessions: [
            Session(
                id: MockID.of(0x2181), date: "12.12.2025", hours: 3, trainer: "Тарасов Глеб Олегович",
                trainerID: MockID.of(0x2191), outside: true, center: "МБОУ «Гимназия № 2»", topic: "Комбинаторика",
                canDelete: true)
        ], centers: [("c1", "МБОУ «Гимназия № 2»")],
        trainers: [("t1", "Тарасов Глеб Олегович — педагог-тренер (привлечённый)")],
        values: FormValues(single: ["result-\(MockID.of(0x2171).uuidString.lowercased())": "prizeWinner"]))

    public static func path(_ id: UUID) -> String { OlympiadPaths.stage(id) + "/regional" }
    public static func results(_ id: UUID) -> String { OlympiadPaths.stage(id) + "/regional-results" }
    public static func sessions(_ id: UUID) -> String { OlympiadPaths.stage(id) + "/sessions" }

    /// Hours by trainer (a registry trainer by their record, others by the name written), the most first: what the
    /// programme pays for (§4.3).
    public var hoursByTrainer: [(trainer: String, outside: Bool, hours: Double)] {
        var hours: [String: (String, Bool, Double)] = [:]
        for session in sessions {
            let key = session.trainerID.map { $0.uuidString } ?? "name:" + session.trainer
            hours[key, default: (session.trainer, session.outside, 0)].2 += session.hours
        }
        return hours.values.map { ($0.0, $0.1, $0.2) }.sorted { ($0.hours, $1.trainer) > ($1.hours, $0.trainer) }
    }

    /// The regional stage's participants, in the table's order.
    var regionalParticipants: [Participant] { (participants ?? []).filter(\.regional) }

    public func render(_ ctx: PageContext) -> String {
        let title = OlympiadWords.regionalTitle
        return Layout.page(ctx, title: title, crumbs: OlympiadPaths.crumbs(stageID, stage: stageTitle, page: title)) {
            el("h1") { title }
            el("p", .cls("muted")) { OlympiadWords.regionalIntro }
            el("h2") { "Участники регионального этапа: \(regionalCount)" }
            if let participants { participantsNode(participants, ctx) }
            if !regionalParticipants.isEmpty {
                el("h2") { OlympiadWords.Regional.resultsTitle }
                if canMark { resultsForm(ctx) } else { resultsNode }
            }
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
}
