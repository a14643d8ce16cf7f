import Domain
import Foundation

/// Words of loading students from a file outside its pages: states, counts, form checks, summary lines, flash messages.
public enum StudentImportWords {
    /// A load's state in the history of loads.
    public static func state(_ state: StudentImportBatchPage.State?, raw: String, rowCount: Int) -> String {
        switch state {
        case .preview?: rowCount == 0 ? "не принят" : "предпросмотр"
        case .committed?: "загружено"
        case .reverted?: "отменено"
        case nil: raw
        }
    }
    /// A load's counts in the history of loads: rows of a preview, or what the load did.
    public static func counts(preview: Bool, rows: Int, created: Int, merged: Int, skipped: Int) -> String {
        preview
            ? RussianPlural.count(rows, "строка", "строки", "строк")
            : "добавлено \(created), объединено \(merged), пропущено \(skipped)"
    }
    /// No school chosen.
    public static let chooseSchool = "Выберите школу."
    /// An empty file.
    public static func emptyFile(_ name: String) -> String { "Файл «\(name)» пустой: в нём нет ни строки." }
    /// No file chosen.
    public static let chooseFile = "Выберите файл CSV или XLSX."
    /// The name of a file sent without one.
    public static let unnamed = "без имени"
    /// The file of a load was not kept.
    public static let fileNotKept = "Файл этой загрузки не сохранён: загрузите его снова."
    /// «нет» for a missing consent in the preview.
    public static let noConsent = "нет"
    /// The sheet name of the XLSX template.
    public static let sheetName = "Обучающиеся"
    /// After a load was committed.
    public static func committed(created: Int, merged: Int, skipped: Int) -> String {
        "Загружено: добавлено \(created), объединено \(merged), пропущено \(skipped)."
    }
    /// After a load was undone.
    public static let reverted = "Загрузка отменена."

    /// Labels of a load's summary.
    public enum Summary {
        /// When and by whom the file was loaded.
        public static let loaded = "Загружен"
        /// Students in the file.
        public static let inFile = "Обучающихся в файле"
        /// Repeated rows merged.
        public static let repeated = "Повторы в файле (объединены)"
        /// Rows new to the registry.
        public static let new = "Новых"
        /// Rows matching the school's students.
        public static let matching = "Уже в реестре школы"
        /// Records added.
        public static let added = "Добавлено"
        /// Records merged.
        public static let merged = "Объединено с имевшимися"
        /// Rows skipped.
        public static let skipped = "Пропущено"
        /// When the load was committed.
        public static let committedAt = "Загружено в реестр"
        /// When the load was undone.
        public static let revertedAt = "Отменено"
    }

    /// The confirmation before a load is undone.
    public static func revertConfirm(url: String, fileName: String, created: Int, merged: Int) -> ConfirmPage {
        ConfirmPage(
            title: "Отменить загрузку", question: "Отменить загрузку «\(fileName)»?",
            consequence:
                "Добавленные записи (\(created)) будут удалены, у объединённых записей (\(merged)) "
                + "восстановятся прежние значения. Если кого-то из них уже записали в группы или изменили, "
                + "отмена не выполнится.",
            action: url + "/revert", button: "Отменить загрузку", cancelURL: url,
            crumbs: [
                Crumb("Обучающиеся", SiteURL.list(.students).path), Crumb("Загрузка «\(fileName)»", url),
                Crumb("Отмена"),
            ])
    }
}
