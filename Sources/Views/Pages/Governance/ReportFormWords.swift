import Domain
import Foundation

/// The words of report forms (issue 22, item 5).
public enum ReportFormWords {
    public static let title = "Формы отчётов"
    public static let intro =
        "Форма — это показатели отчёта: число, доля, текст, дата или таблица, с единицами измерения и отметкой, какие "
        + "обязательны. Кампания отчётности объявляется по одной из форм и хранит её такой, какой она была в день "
        + "объявления: изменения формы касаются только новых кампаний."
    public static let create = "Новая форма"
    public static let newTitle = "Новая форма отчёта"
    public static let edit = "Изменить форму"
    public static let noun = "Форма отчёта"
    public static let own = "своя"
    public static let builtIn = "встроенная"
    public static let builtInNote = "Встроенная форма Setka: её нельзя изменить."
    public static let ownNote = "Форма муниципалитета: каждое сохранение — новая версия."
    public static let created = "Форма создана: по ней можно объявить кампанию отчётности."
    public static let saved = "Форма сохранена новой версией; уже объявленные кампании её не меняют."
    public static let notSaved = "Форма не сохранена: исправьте отмеченные поля."
    public static let changed =
        "Форму уже изменил другой пользователь. Ниже — текущий текст; внесите изменения ещё раз."
    public static let versions = "Версии"
    public static let titleTaken = "Форма с таким названием уже есть — назовите её иначе."
    public static let refused = "Ваш текст, который не был сохранён"
    public static let noSuchVersion = "Такой версии у формы нет."
    public static let indicators = "Показатели"
    public static let required = "обязательный"
    public static let byHand = "заполняет организация"
    public static let toCampaigns = "Формы отчётов"
    public static func version(_ number: Int, saved: String, by: String) -> String {
        "Версия \(number) от \(saved), \(by)"
    }
    public static func showing(_ number: Int) -> String { "Показана версия \(number) — форма с тех пор изменена." }
    public static func counted(_ source: ReportSource) -> String { "считает Setka: \(source.title)" }

    public enum Field {
        public static let title = "Название"
        public static let titleHint = "Например: «Отчёт о работе с родителями за квартал»."
        public static let body = "Показатели"
        public static let bodyHint =
            "Каждый показатель — строка «название; тип; единица; обязательный; откуда». Тип — «число», «доля», "
            + "«текст», «дата» или «таблица: графа, графа, …». Единица («чел.», «ч», «%») и остальные поля — по "
            + "желанию; обязательный — «да», если без показателя отчёт не сдать. Откуда — для числа, которое Setka "
            + "посчитает сама: " + ReportSource.allCases.map { "«\($0.word)»" }.joined(separator: ", ")
            + ". Строка «> …» под показателем — подсказка к нему. Знак «;» разделяет поля — внутри названия его не пишите."
        public static let bodyExample =
            "Обучающихся в группах центра; число; чел.; да; обучающиеся\n"
            + "Доля родителей, довольных занятиями; доля; %\n> По анкете в конце квартала.\n"
            + "Мероприятия для родителей; таблица: Мероприятие, Дата, Участников; ; да"
    }
}
