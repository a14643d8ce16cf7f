import Domain
import Foundation

/// The words of the individual routes' pages, API and audit (issue 21, item 6).
public enum RouteWords {
    public static let title = "Индивидуальные маршруты"
    public static let newTitle = "Составить маршрут"
    public static let notSaved = "Не сохранено: исправьте отмеченные поля."
    public static let notFound = "Такого маршрута нет."
    public static let stepNotFound = "Такого этапа в маршруте нет."
    public static let chooseStudent =
        "Выберите обучающегося банка данных одарённых: маршрут составляется для него (и с согласием на обработку данных "
        + "— для КМЦ)."
    public static let notMember = "Маршрут составляется для обучающихся банка данных одарённых."
    public static let chooseYear = "Выберите учебный год."
    public static let duplicate = "У обучающегося уже есть маршрут на этот учебный год."
    public static let created = "Маршрут составлен: добавьте его этапы."
    public static let updated = "Изменения сохранены."
    public static let stepSaved = "Этап сохранён."
    public static let stepDeleted = "Этап удалён."
    public static let noteSaved = "Запись сопровождения добавлена."
    public static let changed = "Запись изменили, пока вы её правили: откройте её заново."
    public static let badID = "Укажите идентификатор (UUID)."
    public static func card(_ student: String, year: String) -> String { "Маршрут: \(student), \(year)" }
    public static func deleteStepQuestion(_ title: String) -> String { "Удалить этап «\(title)»?" }
    public static let deleteStepTitle = "Удалить этап"
    public static let deleteButton = "Удалить"
    /// The audit's line of a support note: that it was made, never its words.
    public static func noteAudit(_ day: String) -> String { "запись от \(day)" }
    public static let deleteStepConsequence = "Этап пропадёт из маршрута; запись останется в журнале изменений."
    /// «выполнено 2 из 5, просрочено 1».
    public static func progress(done: Int, total: Int, overdue: Int) -> String {
        total == 0
            ? "этапов нет"
            : "выполнено \(done) из \(total)" + (overdue > 0 ? ", просрочено \(overdue)" : "")
    }
    public static let overdue = "просрочен"
    public static let notesTitle = "Психолого-педагогическое сопровождение"
    public static let notesHint =
        "Записи видит только администрация школы обучающегося (с педагогом-психологом): ни КМЦ, ни семья их не видят."

    /// The audit's fields of a route.
    public static func audit(goals: String, mentor: String?, curator: String, status: RouteStatus) -> [String: String] {
        ["Цели": goals, "Наставник": mentor ?? "—", "Куратор": curator, "Состояние": status.title]
    }

    /// The audit's fields of a step.
    public static func stepAudit(_ step: RouteStepInput) -> [String: String] {
        [
            "Этап": "\(step.kind.title): \(step.title)",
            "Сроки": (step.startsOn.map { $0.formatted + " — " } ?? "") + step.dueOn.formatted,
            "Состояние": step.status.title, "Результат": step.result ?? "—",
        ]
    }

    /// The form's labels.
    public enum Field {
        public static let student = "Обучающийся"
        public static let year = "Учебный год"
        public static let goals = "Цели и задачи маршрута"
        public static let mentor = "Наставник"
        public static let mentorHint = "Педагог, тренер или студент, который ведёт обучающегося."
        public static let curator = "Куратор в школе"
        public static let curatorHint = "Кто отвечает за маршрут: классный руководитель, заместитель директора."
        public static let status = "Состояние"
        public static let kind = "Вид этапа"
        public static let stepTitle = "Что"
        public static let stepTitleHint = "Курс, олимпиада, смена, школа или тема проекта."
        public static let startsOn = "Начало"
        public static let dueOn = "Срок (контрольная точка)"
        public static let result = "Результат"
        public static let noteDay = "Дата"
        public static let noteText = "Запись"
    }
}
