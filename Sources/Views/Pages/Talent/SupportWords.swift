import Domain
import Foundation

/// The words of the support measures' pages, API and audit (issue 21, item 5).
public enum SupportWords {
    public static let title = "Меры поддержки"
    public static let candidatesTitle = "Кандидаты на меры поддержки"
    public static let weightsTitle = "Баллы за достижения"
    public static let newTitle = "Назначить меру поддержки"
    public static let notSaved = "Не сохранено: исправьте отмеченные поля."
    public static let notFound = "Такой меры поддержки нет."
    public static let chooseStudent = "Выберите обучающегося с согласием на обработку данных."
    public static let chooseYear = "Выберите учебный год."
    public static let created = "Мера поддержки сохранена."
    public static let updated = "Изменения сохранены."
    public static let deleted = "Мера поддержки удалена."
    public static let weightsSaved = "Баллы за достижения сохранены: рейтинг кандидатов пересчитан."
    public static let awardedFrozen =
        "Мера назначена приказом: её нельзя изменить или удалить. Отмена назначения — новым приказом."
    public static let changed = "Запись изменили, пока вы её правили: откройте её заново."
    public static let inDraftOrder =
        "Мера включена в проект приказа: она изменится только после удаления проекта (его документ называет её такой, "
        + "как была). Удалите проект в «Приказах», измените меру и составьте проект заново."
    public static let orderOutOfDate =
        "Меры проекта изменились после его составления: обновите проект по данным, проверьте и подпишите снова."
    public static let badID = "Укажите идентификатор (UUID)."
    public static let noProposed = "Нет предложенных мер без приказа за этот учебный год: сначала назначьте меры."
    public static let orderTitle = "Проект приказа о мерах поддержки"
    public static func orderQuestion(_ count: Int, year: String) -> String {
        "Составить проект приказа о мерах поддержки одарённых обучающихся на \(year) учебный год: "
            + RussianPlural.count(count, "мера", "меры", "мер") + "?"
    }
    public static let orderConsequence =
        "В проект войдут все предложенные меры этого года, ещё не включённые в приказ. Проект появится в реестре "
        + "приказов: там его можно проверить, обновить по данным и подписать — тогда мерам присвоятся номер и дата "
        + "приказа."
    public static let orderButton = "Составить проект"
    public static let orderDrafted = "Проект приказа составлен: проверьте и подпишите его."
    public static func deleteQuestion(_ text: String) -> String { "Удалить меру поддержки: \(text)?" }
    public static let deleteTitle = "Удалить меру поддержки"
    public static let deleteButton = "Удалить"
    public static let deleteConsequence =
        "Мера ещё не назначена приказом; запись об удалении останется в журнале изменений."

    /// «приказ № 12 от 01.10.2026».
    public static func decree(_ number: String?, _ day: String?) -> String {
        guard let number else { return "" }
        return "приказ № \(number)" + (day.map { " от \($0)" } ?? "")
    }

    /// A measure's sum as a list shows it: «5 000 ₽», «3 000 ₽ в месяц × 4 мес. = 12 000 ₽».
    public static func sum(kind: SupportKind, amount: Int, months: Int, total: Int) -> String {
        kind == .stipend
            ? "\(SupportInput.money(amount)) в месяц × \(months) мес. = \(SupportInput.money(total))"
            : SupportInput.money(amount)
    }

    /// The details of a measure's kind: a stipend's period, a trip's destination and dates.
    public static func details(
        kind: SupportKind, startsOn: String?, endsOn: String?, destination: String?, event: String?
    ) -> String {
        switch kind {
        case .stipend: "с \(startsOn ?? "") по \(endsOn ?? "")"
        case .trip:
            [destination, event, startsOn.map { "\($0) — \(endsOn ?? "")" }].compactMap { $0 }.joined(separator: ", ")
        case .premium, .grant: ""
        }
    }

    /// The audit's fields of a measure.
    public static func audit(
        student: String, kind: SupportKind, sum: String, basis: String, decree: String, status: SupportStatus
    ) -> [String: String] {
        [
            "Обучающийся": student, "Вид": kind.title, "Сумма": sum, "Основание": basis,
            "Приказ": decree.isEmpty ? "—" : decree, "Состояние": status.title,
        ]
    }

    public static let weightsAudit = "Баллы за достижения (меры поддержки)"
    /// «победитель муниципального уровня — 5; …» for the audit.
    public static func weightsText(_ points: SupportPoints, years: Bool = true) -> String {
        ContestLevel.allCases.map { level in
            level.title + ": "
                + AchievementResult.allCases.map { "\($0.title) \(points.weight(level, $0))" }.joined(separator: ", ")
        }.joined(separator: "; ") + (years ? "; " + span(points.years) : "")
    }

    /// «за выбранный учебный год и 1 предыдущий».
    public static func span(_ years: Int) -> String {
        "за выбранный учебный год"
            + (years > 1 ? " и " + RussianPlural.count(years - 1, "предыдущий", "предыдущих", "предыдущих") : "")
    }

    /// The field labels of the measure form.
    public enum Field {
        public static let student = "Обучающийся"
        public static let year = "Учебный год"
        public static let kind = "Вид поддержки"
        public static let amount = "Сумма, ₽"
        public static let amountHint =
            "Премия и грант — сумма; стипендия — сумма в месяц; поездка — расходы на проезд, проживание и взнос."
        public static let basis = "Основание"
        public static let basisHint = "Достижение или решение, за которое назначается мера."
        public static let startsOn = "Начало (стипендия — первый месяц выплаты, поездка — выезд)"
        public static let endsOn = "Окончание (стипендия — последний месяц, поездка — возвращение)"
        public static let destination = "Куда (поездка)"
        public static let event = "Мероприятие и именное приглашение (поездка)"
        public static let budgetLine = "Статья расходов программы (поездка, грант)"
        public static let budgetHint =
            "Например: «Муниципальная программа „Развитие образования“, мероприятие 2.3»."
        public static let decreeNumber = "Номер приказа"
        public static let decreeDay = "Дата приказа"
        public static let decreeHint =
            "Если мера назначена приказом, составленным вне Сетки. Иначе оставьте пустыми: составьте проект приказа "
            + "из списка мер — номер и дата придут при его подписании."
        public static let years = "За сколько учебных лет считать достижения"
    }
}
