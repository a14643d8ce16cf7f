import Domain
import Foundation

/// The words of the start page.
public enum StartWords {
    public static let title = "Главная"
    public static let waiting = "Ждёт вашего решения"
    public static let nothingWaiting = "Сейчас ничего не ждёт — всё сделано."
    public static let noRoles =
        "У вашей учётной записи пока нет действующих ролей. Обратитесь к администратору муниципалитета."
    public static let week = "Занятия этой недели"
    public static let noLessons = "На этой неделе занятий нет."
    public static let today = "Сегодня"

    /// «Здравствуйте, Алла Игоревна!» — the name without the surname when the full name has one.
    public static func greeting(_ fullName: String) -> String {
        let parts = fullName.split(separator: " ")
        let name = parts.count > 1 ? parts.dropFirst().joined(separator: " ") : fullName
        return "Здравствуйте, \(name)!"
    }

    /// «и ещё 4» under a task's first lines.
    public static func more(_ count: Int) -> String { "и ещё \(count) →" }

    /// The empty state of a record list on a student's section.
    public static func noRecords(_ kind: StartPage.TaskKind) -> String {
        switch kind {
        case .applications: "Заявок пока нет."
        case .results: "Итоговой аттестации пока не было."
        case .certificates: "Сертификатов пока нет."
        default: "Пока ничего нет."
        }
    }

    public static func task(_ kind: StartPage.TaskKind) -> String {
        switch kind {
        case .programsToReview: "Программы на согласовании в КМЦ"
        case .listsReturned: "Списки КМЦ, возвращённые ресурсными центрами"
        case .campaignsToDistribute: "Кампании с рейтингом: приём закрыт, места не распределены"
        case .applicationsWaiting: "Заявки (ИУП) ждут согласия родителей или подтверждения школ"
        case .groupsWithoutTeacher: "Группы без педагога"
        case .groupsWithoutRoom: "Группы без кабинета"
        case .groupsWithoutTimetable: "Группы без расписания"
        case .certificatesDue: "Завершённые группы без сертификатов"
        case .ordersToSign: "Проекты приказов на подпись"
        case .lessonsUnmarked: "Прошедшие занятия не отмечены в журнале"
        case .diagnosticsDue: "Диагностические работы без баллов"
        case .resultsDue: "Завершённые группы без итоговой аттестации"
        case .listsToAccept: "Списки КМЦ ждут решения центра"
        case .programsReturned: "Программы возвращены КМЦ на доработку"
        case .applicationsToConfirm: "Заявки (ИУП) ждут подтверждения школы"
        case .studentsWithoutConsent: "Обучающиеся без согласия на обработку персональных данных"
        case .invitationsUnused: "Приглашения родителям не использованы"
        case .applicationsToAgree: "Заявки ждут вашего согласия"
        case .consentMissing: "Согласие на обработку персональных данных не оформлено"
        case .applications: "Заявки и ответы на них"
        case .results: "Итоговая аттестация"
        case .certificates: "Сертификаты"
        case .deadlines: "Мои сроки: пункты планов на ближайшие 14 дней и просроченные"
        case .reportsDue: "Отчёты к сдаче"
        case .quartersWithoutMeeting: "Кварталы без совещания КМЦ"
        case .programsToAgree: "Программы деятельности РЦ на согласовании"
        case .programsToWrite: "Программа деятельности РЦ: дописать и направить"
        }
    }

    /// A report's line: «до 05.01.2027 · черновик», «срок прошёл 05.10.2026 · не начат».
    public static func reportDue(_ due: String, passed: Bool, state: String) -> String {
        (passed ? "срок прошёл " : "до ") + due + " · " + state
    }

    /// A plan item's line: «до 31.05.2027 · МБОУ «СОШ № 3»» or «просрочено с 01.03.2027 · …».
    public static func deadline(_ due: String, overdue: Bool, owner: String) -> String {
        (overdue ? "просрочено, срок \(due)" : "до \(due)") + " · " + owner
    }

    public static func figure(_ kind: StartPage.FigureKind) -> String {
        switch kind {
        case .seniorsCoverage: "охват 10–11 классов (цель — 15–24\u{00A0}%)"
        case .groups: "групп в этом учебном году"
        case .students: "обучающихся в сетевых группах"
        }
    }

    /// A section's title for one child of a guardian.
    public static func child(_ name: String) -> String { "Ребёнок: \(name)" }
    public static func studentWeekLink(_ name: String) -> String { "Расписание: \(name)" }
    public static let progressLink = "Посещаемость и успеваемость"
    public static let applicationsLink = "Заявки (ИУП)"
    public static let certificatesLink = "Сертификаты"
    public static let childLink = "Карточка и согласие"
    public static let schoolWeek = "Где учатся наши обучающиеся"
    public static let journalLink = "Журнал"
    public static let hoursLink = "Мои часы"
    public static let centreWeek = "Кабинеты центра на неделю"
    public static let profileLink = "Профиль и настройки"

    /// Detail lines of task items.
    public static func lessonsBehind(_ count: Int) -> String {
        RussianPlural.count(count, "занятие не отмечено", "занятия не отмечены", "занятий не отмечено")
    }
    public static func studentsCount(_ count: Int) -> String {
        RussianPlural.count(count, "обучающийся", "обучающихся", "обучающихся")
    }
    public static func share(_ part: Int, of whole: Int) -> String { "\(part) из \(whole)" }
    public static func closedOn(_ date: String) -> String { "приём закрыт \(date)" }
    public static func endedOn(_ date: String) -> String { "завершилась \(date)" }
    public static func returnedComment(_ comment: String?) -> String { comment.map { "замечание: \($0)" } ?? "" }
    /// «направлена 04.09.2026».
    public static func submittedOn(_ day: String) -> String { "направлена " + day }
    public static func dueOn(_ date: String) -> String { "работа \(date)" }
    public static func expiresOn(_ date: String) -> String { "приглашение действует до \(date)" }
    /// A final result's line: «зачтено, экзамен, оценка 5».
    public static func result(passed: Bool, form: String, grade: String?) -> String {
        ([passed ? "зачтено" : "не зачтено", form] + (grade.map { ["оценка \($0)"] } ?? [])).filter { !$0.isEmpty }
            .joined(separator: ", ")
    }
    public static let expired = "срок приглашения истёк"
}
