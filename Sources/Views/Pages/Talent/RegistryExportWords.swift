import Foundation

/// The layouts of the talent registry's workbooks for the regional registry (issue 21, item 8; `docs/EXPORTS.md`
/// describes each column): the databank of gifted students and the achievements, one row per student or result.
public enum RegistryExportWords {
    public static let giftedSheet = "Банк данных одарённых"
    public static let giftedColumns = [
        "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Школа", "Класс", "Основание включения",
        "Достижения", "Меры поддержки", "Согласие на обработку данных",
    ]
    public static let achievementsSheet = "Достижения"
    public static let achievementsColumns = [
        "Фамилия", "Имя", "Отчество", "Дата рождения", "Школа", "Класс обучения", "Класс участия",
        "Олимпиада или конкурс", "Уровень", "Учебный год", "Предмет или номинация", "Результат", "Баллы", "Место",
        "Дата", "Подтверждающий документ", "Подготовили",
    ]
    public static let download = "Скачать XLSX для регионального реестра"
}
