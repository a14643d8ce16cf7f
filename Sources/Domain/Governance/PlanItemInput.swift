import Foundation

/// What a plan item's form changes (issue 22, item 2): its state, the day it is due (for a deadline the template's
/// words make no day of, the author fixes one), the day it was done, the person who answers for it, the evidence, and
/// the reason when it is cancelled.
public struct PlanItemInput: Equatable, Sendable {
    public var status: PlanItemStatus
    public var dueOn: CivilDay?
    public var doneOn: CivilDay?
    /// The person who answers for it, in words (a name, a post); the account is chosen apart (`responsibleUser`).
    public var responsible: String?
    public var evidenceNote: String?
    public var evidenceLink: String?
    public var cancelReason: String?

    public init(
        status: PlanItemStatus, dueOn: CivilDay?, doneOn: CivilDay?, responsible: String?, evidenceNote: String?,
        evidenceLink: String?, cancelReason: String?
    ) {
        self.status = status
        self.dueOn = dueOn
        self.doneOn = doneOn
        self.responsible = responsible
        self.evidenceNote = evidenceNote
        self.evidenceLink = evidenceLink
        self.cancelReason = cancelReason
    }

    public static let maxNote = 2000

    /// Checks the form; errors go under each field, in Russian. `evidenceRequired`: the item may be done only with
    /// evidence (a note, a link or a file — `hasFile` says one is attached); `today`: the municipality's day, the
    /// latest a thing can have been done (and the day it was done when the form leaves it empty).
    public static func parse(
        _ form: (String) -> String?, evidenceRequired: Bool, hasFile: Bool, today: CivilDay,
        errors: inout FieldErrors
    ) -> PlanItemInput? {
        let status = errors.choice("status", form("status"), as: PlanItemStatus.self)
        let dueOn = errors.day("dueOn", form("dueOn"), required: false)
        var doneOn = errors.day("doneOn", form("doneOn"), required: false)
        let responsible = errors.optional("responsible", form("responsible"), max: 200)
        let note = errors.optional("evidenceNote", form("evidenceNote"), max: maxNote)
        let link = errors.optional("evidenceLink", form("evidenceLink"), max: 500)
        if let link, !(link.hasPrefix("http://") || link.hasPrefix("https://")) || link.contains(" ") {
            errors.add("evidenceLink", "Ссылка — адрес, начинающийся с http:// или https://.")
        }
        var reason = errors.optional("cancelReason", form("cancelReason"), max: 500)
        switch status {
        case .done:
            if let day = doneOn, today < day {
                errors.add("doneOn", "Дата выполнения — не позже сегодняшней (\(today.formatted)).")
            }
            doneOn = doneOn ?? today
            if evidenceRequired, note == nil, link == nil, !hasFile {
                errors.add(
                    "evidenceNote",
                    "Этот пункт отмечается выполненным только с подтверждением: опишите результат, дайте ссылку "
                        + "или приложите файл.")
            }
            reason = nil
        case .cancelled:
            if reason == nil { errors.add("cancelReason", "Укажите причину отмены.") }
            doneOn = nil
        case .notStarted, .inProgress, nil:
            // Reopened: the day it was done no longer holds.
            doneOn = nil
            reason = nil
        }
        guard errors.isEmpty, let status else { return nil }
        return PlanItemInput(
            status: status, dueOn: dueOn, doneOn: doneOn, responsible: responsible, evidenceNote: note,
            evidenceLink: link, cancelReason: reason)
    }
}

/// Which measures are done only with evidence (issue 22, item 2: «required where the template says so»): a measure
/// that produces a document — an order, a regulation, a plan, a programme, a report, an agreement, minutes, a
/// certificate of analysis — is shown done by that document.
public enum PlanEvidence {
    static let stems = [
        "приказ", "положени", "план", "программ", "отчет", "отчёт", "соглашени", "договор", "протокол",
        "справк", "паспорт", "мониторинг", "анализ",
    ]

    public static func required(_ measure: String) -> Bool {
        let text = measure.lowercased()
        return stems.contains { text.contains($0) }
    }
}
