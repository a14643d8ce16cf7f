import Domain
import Foundation

/// The words of the teachers' financial support (issue 23, item 3).
public enum AwardWords {
    public static let title = "Поддержка педагогов"
    public static let noun = "Распределение поддержки педагогов"
    public static let newRound = "Новое распределение"
    public static let changed =
        "Распределение изменили, пока вы его редактировали: откройте его заново и внесите суммы ещё раз."
    public static let approved = "Распределение утверждено: суммы больше не меняются."
    public static let approveConsequence =
        "После утверждения суммы и благодарности не меняются; по ним составляются приказы о финансовой поддержке и о "
        + "благодарности за этот учебный год."
    public static let approveButton = "Утвердить распределение"
    public static let nothingToApprove = "Назначьте хотя бы одну сумму, прежде чем утверждать."
    public static let yearTaken = "Распределение на этот учебный год уже есть."
    public static let chooseYear = "Выберите учебный год."
    public static let created = "Распределение создано: КМЦ может назначать суммы."
    public static let saved = "Суммы сохранены."
    public static let approvedFlash = "Распределение утверждено."
    public static let intro =
        "Раз в учебный год администратор открывает распределение: бюджет, сколько лет работы в сети дают право на "
        + "поддержку и в каких пределах сумма одному педагогу (по положению о сети — 111 000 ₽, не меньше трёх лет, "
        + "от 5 000 до 30 000 ₽). КМЦ назначает суммы и благодарности, администратор утверждает."
    public static let empty = "Распределений ещё нет."
    public static let draftState = "Черновик"
    public static let approvedState = "Утверждено"
    public static let archived = "в архиве"
    public static let draftOrder = "Подготовить приказ о финансовой поддержке"
    public static let orderHint =
        "Приказ о поддержке и приказ о благодарности за этот учебный год назовут педагогов и суммы этого распределения."

    /// «2026/2027 учебный год».
    public static func yearTitle(_ year: String) -> String { year + " учебный год" }

    /// Messages of the round's form.
    public enum Check {
        public static let maxBelowMin = "Наибольшая сумма не может быть меньше наименьшей."
    }

    /// The audit's fields beside the form's.
    public enum Audit {
        public static let range = "Сумма одному педагогу"
        public static let state = "Состояние"
        public static let amounts = "Суммы"
        public static let gratitude = "Благодарности"
    }

    /// The form's fields.
    public enum Field {
        public static let year = "Учебный год"
        public static let budget = "Бюджет, ₽"
        public static let minimumYears = "Лет работы в сети, не меньше"
        public static let amountMin = "Сумма одному педагогу от, ₽"
        public static let amountMax = "до, ₽"
    }

    /// A problem of the round as said beside a line or above the table.
    public static func problem(_ problem: AwardRule.Problem, rule: AwardRule) -> String {
        switch problem {
        case .notEligible:
            "Меньше \(RussianPlural.count(rule.minimumYears, "года", "лет", "лет")) в сети: сумму назначить нельзя."
        case .amountOutOfRange:
            "Сумма — от \(rubles(rule.amounts.lowerBound)) до \(rubles(rule.amounts.upperBound))."
        case .twice: "Педагог уже есть в распределении этого года."
        case .overBudget(let excess): "Сумма больше бюджета на \(rubles(excess)): уменьшите суммы."
        }
    }

    /// «111 000 ₽».
    public static func rubles(_ amount: Int) -> String { digits(amount) + "\u{00A0}₽" }

    /// «111 000»: thousands apart by a no-break space.
    public static func digits(_ amount: Int) -> String {
        let digits = String(amount)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append("\u{00A0}") }
            grouped.append(character)
        }
        return grouped
    }
}
