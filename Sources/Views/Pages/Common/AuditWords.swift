import Foundation

/// Words of the audit log: the names of audited kinds of records and of actions.
public enum AuditWords {
    /// Audited kinds of records (the filter of the audit page, in this order).
    public static let entityTitles: [(value: String, title: String)] = [
        ("organization", "Организация"), ("resource_center", "Ресурсный центр"), ("agreement", "Договор"),
        ("partner", "Партнёр"),
        ("staff", "Сотрудник"), ("room", "Кабинет"), ("subject", "Предмет"), ("academic_year", "Учебный год"),
        ("kmc_member", "Состав КМЦ"), ("user", "Пользователь"), ("municipality", "Муниципалитет"),
        ("program", "Программа"), ("group", "Группа"), ("student", "Обучающийся"), ("enrollment", "Запись в группу"),
        ("student_import", "Загрузка обучающихся"), ("enrollment_list", "Список КМЦ"), ("application", "Заявка (ИУП)"),
        ("campaign", "Кампания записи"), ("headcount", "Численность обучающихся"),
        ("guardian", "Законный представитель"), ("olympiad_subject", "Предмет олимпиады"),
        ("contest", "Олимпиада или конкурс"), ("contest_edition", "Проведение олимпиады или конкурса"),
        ("achievement", "Достижение"), ("event", "Мероприятие"), ("event_registration", "Запись на мероприятие"),
        ("professional_development", "Повышение квалификации"), ("award_round", "Поддержка педагогов"),
    ]

    /// Audited actions.
    public static let actionTitles: [String: String] = [
        "create": "Создание", "update": "Изменение", "archive": "В архив", "restore": "Из архива",
        "login": "Вход", "logout": "Выход", "login_failed": "Неудачный вход", "login_blocked": "Вход заблокирован",
        "password_change": "Смена пароля", "token_create": "Выдан ключ API", "token_revoke": "Отозван ключ API",
        "setup": "Первый запуск", "import": "Загрузка из файла", "revert": "Отмена загрузки",
        "invite": "Код приглашения", "consent_withdraw": "Отзыв согласия", "link": "Привязка учётной записи",
        "delete": "Удаление",
    ]
}
