import Domain
import Foundation

/// The words of report campaigns (issue 22, item 5).
public enum ReportWords {
    public static let title = "Отчёты"
    public static let intro =
        "Кампании отчётности: форма, период и срок сдачи; организации заполняют отчёт, сохраняют черновик и сдают его, "
        + "МОУО и КМЦ видят, кто сдал в срок, кто с опозданием и кто не сдал, возвращают отчёт с замечаниями и получают "
        + "сводный отчёт."
    public static let newTitle = "Новая кампания отчётности"
    public static let create = "Объявить кампанию"
    public static let created = "Кампания объявлена: организации видят отчёт в своих задачах."
    public static let notCreated = "Кампания не объявлена: исправьте отмеченные поля."
    public static let none = "Кампаний отчётности пока нет."
    public static let noneOwn = "Отчётов вашей организации пока нет."
    public static let campaignNoun = "Кампания отчётности"
    public static let reportNoun = "Отчёт"
    public static let saved = "Черновик отчёта сохранён."
    public static let submitted = "Отчёт сдан."
    public static let submittedLate = "Отчёт сдан с опозданием: срок сдачи прошёл."
    public static let returned = "Отчёт возвращён на доработку."
    public static let notSaved = "Отчёт не сохранён: исправьте отмеченные показатели."
    public static let notSubmitted = "Отчёт не сдан: заполните или исправьте отмеченные показатели."
    public static let changed =
        "Отчёт уже изменил другой пользователь. Ниже — текущие значения; внесите изменения ещё раз."
    public static let locked =
        "Отчёт сдан: изменить его можно только после того, как МОУО или КМЦ вернёт его на доработку."
    public static let notSubmittedYet = "Вернуть можно только сданный отчёт."
    public static let commentRequired = "Напишите, что исправить."
    public static let chooseForm = "Выберите форму."
    public static let chooseQuarter = "Выберите квартал."
    public static let exists = "Кампания по этой форме за этот квартал уже объявлена."
    public static let chooseOrganizations = "Отметьте хотя бы одну организацию."
    public static let versionRequired = "Укажите версию отчёта."
    public static let saveDraft = "Сохранить черновик"
    public static let submit = "Сдать отчёт"
    public static let returnTitle = "Вернуть на доработку"
    public static let returnButton = "Вернуть"
    public static let consolidated = "Сводный отчёт"
    public static let xlsx = "Сводный отчёт (XLSX)"
    public static let fromSetka = "Посчитано в Setka"

    public enum Field {
        public static let form = "Форма"
        public static let year = "Год"
        public static let quarter = "Квартал"
        public static let organizations = "Кто отчитывается"
        public static let comment = "Что исправить"
    }

    /// «до 05.04.2027».
    public static func due(_ day: String) -> String { "до \(day)" }
    /// «Сдано 3 из 5 (с опозданием 1); не сдано 2 — срок прошёл».
    public static func summary(submitted: Int, late: Int, total: Int, overdue: Bool) -> String {
        var text = "Сдано \(submitted) из \(total)"
        if late > 0 { text += " (с опозданием \(late))" }
        if submitted < total { text += "; не сдано \(total - submitted)" + (overdue ? " — срок прошёл" : "") }
        return text + "."
    }
    /// The state of a report as the campaign's table shows it.
    public static func state(_ status: ReportStatus, late: Bool, overdue: Bool) -> String {
        switch status {
        case .submitted: late ? "сдан с опозданием" : "сдан в срок"
        case .pending, .draft, .returned: status.title + (overdue ? ", срок прошёл" : "")
        }
    }
    /// «Посчитано в Setka: 124 — обучающиеся, …».
    public static func computed(_ value: String, _ source: ReportSource) -> String {
        "\(fromSetka): \(value) — \(source.title)."
    }
}
