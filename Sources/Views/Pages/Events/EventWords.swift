import Domain
import Foundation

/// The events' words outside their pages: flash messages, refusals, audit fields, file titles (issue 23, item 1).
public enum EventWords {
    public static let noun = "мероприятие"
    public static let newTitle = "Новое мероприятие"
    public static let archiveConsequence =
        "Мероприятие будет отменено: оно останется в сводном плане и календаре с отметкой «Отменено», новых записей на "
        + "него не будет. Записавшиеся увидят отмену на его странице. Мероприятие можно будет восстановить."
    public static let registered = "Запись принята."
    public static let unregistered = "Запись отменена."
    public static let attendanceSaved = "Посещаемость сохранена."
    public static let planTitle = "Сводный план мероприятий"
    /// The plan's XLSX sheet.
    public static let planSheet = "Сводный план"

    /// The audit log's fields of a registration and of attendance.
    public enum Audit {
        public static let event = "Мероприятие"
        public static let participant = "Участник"
        public static let present = "Присутствовали"
        public static let absent = "Отсутствовали"
    }
    public static let calendarTitle = "Календарь мероприятий"

    /// The dates of an event: «12.03.2027» or «12.03.2027 — 14.03.2027».
    public static func dates(_ from: CivilDay, _ to: CivilDay) -> String {
        CivilDay.span(from, to)
    }

    /// Its hours: «10:00–12:00», «с 10:00», or empty for all day.
    public static func hours(_ from: ClockTime?, _ to: ClockTime?) -> String {
        switch (from, to) {
        case (let from?, let to?): return from.formatted + "–" + to.formatted
        case (let from?, nil): return "с " + from.formatted
        default: return ""
        }
    }

    /// Places: «12 из 30», or «12» without a limit.
    public static func places(taken: Int, capacity: Int?) -> String {
        capacity.map { "\(taken) из \($0)" } ?? String(taken)
    }

    /// Why a registration was refused.
    public static func refusal(_ refusal: EventRegistrationRefusal) -> String {
        switch refusal {
        case .cancelled: "Мероприятие отменено: запись не принимается, посещаемость не отмечается."
        case .started: "Мероприятие уже началось: запись закрыта."
        case .closed: "Запись на мероприятие закончилась."
        case .full: "Свободных мест нет: все места уже заняты."
        case .already: "Этот участник уже записан на мероприятие."
        case .otherAudience: "Мероприятие проводится для другой аудитории."
        case .notYours: "Записать можно только себя или своего ребёнка."
        }
    }

    public enum Check {
        public static let endBeforeStart = "Окончание не может быть раньше начала."
        public static let endTimeBeforeStart = "Время окончания должно быть позже начала."
        public static let endTimeWithoutStart = "Укажите и время начала."
        public static let placeOrLink = "Укажите место проведения или ссылку на трансляцию."
        public static let linkShape = "Ссылка должна начинаться с https:// или http://."
        public static let untilAfterStart = "Запись должна закончиться до дня начала мероприятия."
        public static let audienceKept = "Аудиторию нельзя сменить: на мероприятие уже записались."
        public static let capacityBelowTaken = "Мест не может быть меньше, чем уже записано."
        public static let tooLong = "Мероприятие длится не больше 92 дней."
        public static let chooseOrganization = "Выберите организацию, которая проводит мероприятие."
        public static let choosePerson = "Выберите, кого записать."
        public static let choosePublic = "Выберите, показывать ли мероприятие в открытом календаре."
    }

    /// The fields as the audit log and the form name them.
    public enum Field {
        public static let title = "Название"
        public static let kind = "Вид"
        public static let audience = "Для кого"
        public static let organization = "Организатор"
        public static let dates = "Даты"
        public static let hours = "Время"
        public static let place = "Место"
        public static let link = "Ссылка"
        public static let capacity = "Количество мест"
        public static let until = "Запись до"
        public static let isPublic = "В открытом календаре"
        public static let details = "Описание"
        public static let results = "Итоги"
        public static let materials = "Материалы"
    }

    public static func yesNo(_ value: Bool) -> String { value ? "да" : "нет" }
}

extension EventWords {
    public static let cancelledWarning = "Мероприятие отменено."
    public static let registrationsAction = "Запись и участники"
}

extension EventWords {
    public static let online = "онлайн"
}

extension EventWords {
    public static let notFound = "Мероприятие не найдено."
    public static let cancelTooLate = "Отменить запись можно только до начала мероприятия."
    public static let cancelTitle = "Отмена записи"
    public static let cancelButton = "Отменить запись"
    public static let cancelConsequence = "Место освободится, и его сможет занять другой участник."

    /// «Отменить запись Соколова Петра на «Мастер-класс»?» — the name as it was registered.
    public static func cancelQuestion(_ name: String, _ event: String) -> String {
        "Отменить запись: \(name) — «\(event)»?"
    }

    public static let attendanceBeforeStart = "Посещаемость отмечают с первого дня мероприятия."

    /// Why the user has no one to register for an event of `audience`.
    public static func nobodyToRegister(_ audience: EventAudience) -> String {
        switch audience {
        case .students: "Мероприятие для обучающихся: записать ребёнка может родитель, обучающийся — себя."
        case .teachers: "Мероприятие для педагогов: записываются сами педагоги и сотрудники организаций."
        case .parents: "Мероприятие для родителей: записываются сами родители."
        }
    }
}
