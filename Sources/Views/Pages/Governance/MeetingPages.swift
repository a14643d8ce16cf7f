import Domain
import Foundation

/// The words of the КМЦ's meetings (issue 22, item 6).
public enum MeetingWords {
    public static let title = "Совещания КМЦ"
    public static let intro =
        "Совещания координационно-методического центра проходят не реже одного раза в квартал: повестка, участники "
        + "из состава КМЦ, явка, протокол и решения. Решение со сроком становится пунктом плана решений КМЦ."
    public static let newTitle = "Новое совещание"
    public static let create = "Запланировать совещание"
    public static let none = "Совещаний пока нет."
    public static let noun = "Совещание"
    public static let created = "Совещание запланировано."
    public static let saved = "Совещание сохранено."
    public static let notSaved = "Совещание не сохранено: исправьте отмеченные поля."
    public static let changed =
        "Совещание уже изменил другой пользователь. Ниже — текущие значения; внесите изменения ещё раз."
    public static let minutesRequired = "Для проведённого совещания нужен протокол."
    public static func deadlineOutOfRange(line: Int, lastYear: Int) -> String {
        "Строка \(line): срок — не раньше дня совещания и не позже \(lastYear) года."
    }
    /// The plan section of a meeting's decisions.
    public static func decisionsSection(_ day: String) -> String { "Решения совещания КМЦ от \(day)" }
    public static func until(_ day: String) -> String { "до \(day)" }
    public static let heldInFuture = "Проведённым можно отметить только совещание, день которого наступил."
    public static let versionRequired = "Укажите версию совещания."
    public static let decisionsOnlyHeld = "Решения записываются в протокол проведённого совещания."
    /// An API decision whose part would break the form's line.
    public static func decisionPart(_ number: Int) -> String {
        "Решение \(number): текст, ответственный и срок пишутся без «;», переводов строки и служебных символов."
    }
    public static func decisionText(_ number: Int) -> String { "Решение \(number): напишите текст решения." }
    public static let chooseMembers = "Отметьте участников из состава КМЦ."
    public static let plan = "Решения совещаний КМЦ"
    /// «В I квартале 2026 года не было проведено ни одного совещания КМЦ — …»
    public static func quarterWithout(_ quarter: Int, year: Int) -> String {
        "В \(["I", "II", "III", "IV"][quarter - 1]) квартале \(year) года не было проведено ни одного совещания КМЦ — "
            + "по положению они проходят не реже одного раза в квартал."
    }

    public enum Field {
        public static let day = "Дата"
        public static let title = "Тема"
        public static let agenda = "Повестка"
        public static let status = "Состояние"
        public static let members = "Участники (состав КМЦ)"
        public static let present = "Присутствовали"
        public static let minutes = "Протокол"
        public static let decisions = "Новые решения"
        public static let decisionsHint =
            "Каждое решение — отдельной строкой: «решение; ответственный; срок ДД.ММ.ГГГГ». Решение со сроком станет "
            + "пунктом плана решений КМЦ."
    }
}

/// One meeting: its facts, who was invited and came, the minutes, the decisions with their plan items.
public struct MeetingPage: Sendable {
    public struct Decision: Sendable {
        public var text: String
        public var responsible: String
        public var due: String
        public var planItemID: UUID?
        public init(text: String, responsible: String, due: String, planItemID: UUID?) {
            self.text = text
            self.responsible = responsible
            self.due = due
            self.planItemID = planItemID
        }
    }

    public var id: UUID
    public var title: String
    public var day: String
    public var status: MeetingStatus
    public var agenda: String
    public var participants: [(name: String, present: Bool?)]
    public var minutes: String?
    public var decisions: [Decision]
    /// The resource centres heard, with the form for who records the results.
    public var hearings: HearingPart
    public var canEdit: Bool
    public var history: [HistoryLine]

    public init(
        id: UUID, title: String, day: String, status: MeetingStatus, agenda: String,
        participants: [(name: String, present: Bool?)], minutes: String?, decisions: [Decision],
        hearings: HearingPart, canEdit: Bool, history: [HistoryLine]
    ) {
        self.id = id
        self.title = title
        self.day = day
        self.status = status
        self.agenda = agenda
        self.participants = participants
        self.minutes = minutes
        self.decisions = decisions
        self.hearings = hearings
        self.canEdit = canEdit
        self.history = history
    }

    public static let mock = MeetingPage(
        id: MockID.of(1), title: "Итоги учебного года и план на новый", day: "15.09.2026", status: .held,
        agenda: "1. Итоги работы ресурсных центров.\n2. План работы на учебный год.",
        participants: [("Тестова Анна Петровна, председатель", true), ("Пробин Олег Ильич, член КМЦ", false)],
        minutes: "Слушали: руководителей центров. Решили: план утвердить.",
        decisions: [
            Decision(text: "Утвердить план работы", responsible: "КМЦ", due: "01.10.2026", planItemID: MockID.of(2))
        ],
        hearings: HearingPart(
            meetingID: MockID.of(1),
            rows: [
                HearingRow(
                    centerID: MockID.of(3), center: "МБОУ «Лицей № 5»", year: "2025/2026", meetingID: MockID.of(1),
                    meeting: "Итоги учебного года и план на новый, 15.09.2026", decision: .keep,
                    reasoning: "Программа выполнена.", carried: (MockID.of(4), "2026/2027"))
            ], centers: [(MockID.of(5).uuidString, "МБОУ «СОШ № 3», 2025/2026")]),
        canEdit: true, history: [])

    public func render(_ ctx: PageContext) -> String {
        let heading = "\(title), \(day)"
        return Layout.page(
            ctx, title: heading, crumbs: [Crumb(MeetingWords.title, SiteURL.meetings.path), Crumb(heading)]
        ) {
            el("h1") {
                heading + " "
                el("span", .cls("badge")) { status.title }
            }
            if canEdit {
                el("div", .cls("actions")) {
                    el("a", .cls("button primary"), .href(SiteURL.meeting(id).path + "/edit")) {
                        "Изменить, записать итоги"
                    }
                }
            }
            el("h2") { MeetingWords.Field.agenda }
            el("div", .cls("panel pre")) { agenda }
            el("h2") { MeetingWords.Field.members }
            if participants.isEmpty {
                UI.empty("Участники не отмечены.")
            } else {
                el("ul") {
                    for participant in participants {
                        el("li") {
                            participant.name
                            if let present = participant.present {
                                el("span", .cls("muted")) { present ? " — присутствовал(а)" : " — отсутствовал(а)" }
                            }
                        }
                    }
                }
            }
            if let minutes {
                el("h2") { MeetingWords.Field.minutes }
                el("div", .cls("panel pre")) { minutes }
            }
            el("h2") { "Решения" }
            if decisions.isEmpty {
                UI.empty("Решений нет.")
            } else {
                el("table", .cls("list stack")) {
                    el("thead") {
                        el("tr") { for column in ["Решение", "Ответственный", "Срок"] { el("th") { column } } }
                    }
                    el("tbody") {
                        for decision in decisions {
                            el("tr") {
                                el("td", Attr("data-label", "Решение")) {
                                    if let item = decision.planItemID {
                                        el("a", .href(SiteURL.planItem(item).path)) { decision.text }
                                    } else {
                                        decision.text
                                    }
                                }
                                el("td", Attr("data-label", "Ответственный")) { decision.responsible }
                                el("td", Attr("data-label", "Срок")) { decision.due }
                            }
                        }
                    }
                }
            }
            hearings.node(ctx)
            el("h2") { "История изменений" }
            if history.isEmpty {
                UI.empty("Изменений пока не было.")
            } else {
                HistoryLine.table(history, showEntity: false)
            }
        }
    }
}
