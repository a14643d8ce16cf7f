import Domain
import Foundation

/// The words of the municipal programme's budget (issue 23, item 6).
public enum BudgetWords {
    public static let noun = "Строка бюджета"
    public static let newTitle = "Новая строка бюджета"
    public static let archiveConsequence =
        "Строка пропадёт из бюджета года, и из неё больше ничего не возьмут; её обязательства и оплаты останутся на "
        + "карточке."
    public static let hasEntries = "Из строки уже взяты деньги: год и вид расходов не меняются."
    public static let yearShape = "Год — четыре цифры, например 2026."
    public static let titleTaken = "Строка с таким названием в этом году уже есть."
    public static let intro =
        "Расходы из средств муниципальной программы: оплата педагогов-тренеров, поездки обучающихся на финальные "
        + "мероприятия, поддержка педагогов и обучающихся, мероприятия. У строки — план на год; обязательства и "
        + "оплаты называют то, за что платят, и не могут превысить остаток."
    public static let empty = "Строк бюджета по этим условиям нет."
    public static let entriesTitle = "Обязательства и оплаты"
    public static let noEntries = "Из этой строки ещё ничего не взято."
    public static let addEntry = "Взять обязательство"
    public static let takeAwards = "Внести назначения утверждённого распределения"
    public static let exportTitle = "Скачать XLSX"
    public static let sheet = "Бюджет программы"
    public static let entriesSheet = "Обязательства и оплаты"
    public static let changed = "Строку изменили, пока вы заполняли форму: откройте её заново."
    public static let cancelled = "Обязательство отменено: деньги вернулись в строку."
    public static let paidFlash = "Оплата отмечена."
    public static let created = "Обязательство записано."
    public static let awardsTaken = "Назначения распределения внесены в строку."
    public static func awardsRefused(total: Int) -> String {
        "Назначения распределения (" + rubles(total) + ") не помещаются в строку: ничего не внесено."
    }
    public static let noAwards = "Утверждённых назначений поддержки педагогов, которых ещё нет в бюджете, нет."
    public static let notCommitted = "Оплатить или отменить можно только обязательство, которое ещё не оплачено."
    public static let paidOnce = "Эта запись уже оплачивается из бюджета."
    public static let lineArchived = "Строка в архиве: из неё ничего не берут."
    public static let chooseSource = "Выберите, за что платят."
    public static let notASource = "Выберите из списка: такой записи у этой строки нет или она уже оплачивается."
    public static let paidBeforeCommitted = "Оплата не может быть раньше обязательства."
    public static let paidInFuture = "Дата оплаты не может быть позже сегодняшней."

    /// A record paid once is paid its own amount.
    public static func ownAmount(_ amount: Int) -> String { "Сумма — как назначено: " + rubles(amount) + "." }

    /// The form's fields.
    public enum Field {
        public static let year = "Год программы"
        public static let kind = "На что"
        public static let title = "Название строки"
        public static let planned = "План на год, ₽"
        public static let note = "Примечание"
        public static let used = "Взято (обязательства и оплаты)"
        public static let committed = "Обязательства"
        public static let paid = "Оплачено"
        public static let remaining = "Остаток"
        public static let source = "За что"
        public static let amount = "Сумма, ₽"
        public static let purpose = "Назначение платежа"
        public static let committedOn = "Дата обязательства"
        public static let paidOn = "Дата оплаты"
        public static let state = "Состояние"
    }

    /// Why money is not taken or a plan not changed.
    public static func refusal(_ refusal: BudgetRefusal) -> String {
        switch refusal {
        case .notPositive: "Сумма должна быть больше нуля."
        case .aboveRemainder(let remaining): "Больше остатка строки: осталось " + rubles(remaining) + "."
        case .belowUsed(let used): "План не может быть меньше уже взятого: " + rubles(used) + "."
        }
    }

    /// The badge of an entry's state.
    public static func badge(_ state: BudgetEntryState) -> String {
        switch state {
        case .committed: "badge badge-active"
        case .paid: "badge badge-plan-done"
        case .cancelled: "badge badge-archived"
        }
    }

    /// «111 000 ₽».
    public static func rubles(_ amount: Int) -> String { AwardWords.rubles(amount) }

    /// The audit's words.
    public enum Audit {
        public static let entry = "Обязательство"

        /// The field of the n-th entry taken at once: «Обязательство», «Обязательство 2 из 3».
        public static func taken(_ index: Int, of count: Int) -> String {
            count == 1 ? entry : entry + " \(index) из \(count)"
        }

        /// «Орлов Денис Андреевич — 2026/2027: поддержка педагога, 30 000 ₽, обязательство от 01.12.2026».
        public static func describe(
            source: String?, purpose: String, amount: Int, state: BudgetEntryState, committedOn: CivilDay,
            paidOn: CivilDay?
        ) -> String {
            (source.map { $0 + ": " } ?? "") + purpose + ", " + rubles(amount) + ", "
                + state.title.lowercased() + " от " + committedOn.formatted
                + (paidOn.map { ", оплачено " + $0.formatted } ?? "")
        }
    }
}
