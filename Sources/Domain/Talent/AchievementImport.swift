import Foundation

/// Importing a school's achievements from a table (issue 21, item 2: «the student import's rules: preview, row
/// errors, all or nothing»): the column layout and each row's checks with Russian messages per cell. Finding the
/// students, contests and editions happens in the application, which knows the database; this part is pure.
public enum AchievementImport {
    public typealias Column = TableColumn

    /// At most this many rows in one file: a school's results of a year fit many times over.
    public static let maxRows = 5_000

    /// The layout documented on the import page and written into the template.
    public static let columns: [Column] = [
        Column(key: "surname", title: "Фамилия", required: true, hint: "", example: "Ёлкина", aliases: []),
        Column(key: "givenName", title: "Имя", required: true, hint: "", example: "Варвара", aliases: []),
        Column(
            key: "patronymic", title: "Отчество", required: false, hint: "если есть", example: "Сергеевна", aliases: []),
        Column(
            key: "birthDate", title: "Дата рождения", required: true, hint: "как в реестре обучающихся",
            example: "14.03.2010", aliases: ["др"]),
        Column(
            key: "contest", title: "Олимпиада или конкурс", required: true,
            hint: "название из списка «Олимпиады и конкурсы»",
            example: "Всероссийская олимпиада школьников", aliases: ["олимпиада", "конкурс", "мероприятие"]),
        Column(
            key: "year", title: "Учебный год", required: false, hint: "пусто — текущий", example: "2025/2026",
            aliases: ["год"]),
        Column(
            key: "level", title: "Этап или уровень", required: true,
            hint: "школьный, муниципальный, региональный, заключительный (всероссийский), международный",
            example: "муниципальный", aliases: ["этап", "уровень"]),
        Column(
            key: "subject", title: "Предмет или номинация", required: false,
            hint: "для всероссийской олимпиады — предмет из её перечня", example: "математика",
            aliases: ["предмет", "номинация"]),
        Column(
            key: "result", title: "Результат", required: true, hint: "победитель, призёр или участник",
            example: "призёр", aliases: ["статус"]),
        Column(
            key: "score", title: "Балл", required: false, hint: "число, можно с запятой", example: "87,5",
            aliases: ["баллы"]),
        Column(key: "place", title: "Место", required: false, hint: "", example: "2", aliases: []),
        Column(
            key: "gradeCompeted", title: "Класс участия", required: false, hint: "пусто — класс обучения",
            example: "10", aliases: ["класс"]),
        Column(
            key: "achievedOn", title: "Дата", required: false, hint: "ДД.ММ.ГГГГ", example: "20.11.2025", aliases: []),
        Column(
            key: "preparedBy", title: "Подготовили", required: false,
            hint: "педагоги и тренеры через запятую; кто есть в реестре педагогов (ФИО или фамилия с инициалами), "
                + "связывается с ним",
            example: "Смирнова А. В.", aliases: ["педагог", "наставник"]),
        Column(
            key: "documentNumber", title: "Документ", required: false, hint: "номер диплома или протокола",
            example: "Д-17", aliases: ["диплом", "номер диплома"]),
    ]

    public static var header: [String] { columns.map(\.title) }
    /// A column's title by its key (a row error names the column as the file's header does).
    public static func title(_ key: String) -> String { columns.first { $0.key == key }?.title ?? "" }
    public static var exampleRow: [String] { columns.map(\.example) }

    /// One row whose cells read well, still to be matched with the registry.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var surname: String
        public var givenName: String
        public var patronymic: String?
        public var birthDate: Date
        public var contest: String
        public var year: String?
        public var level: ContestLevel
        public var subject: String?
        public var result: AchievementResult
        public var score: Double?
        public var place: Int?
        public var gradeCompeted: Int?
        public var achievedOn: Date?
        public var preparedBy: String?
        public var documentNumber: String?
    }

    public typealias RowError = TableRowError

    /// What a file holds: rows that read well, errors of those that do not, problems of the file as a whole.
    public struct Plan: Sendable {
        public var rows: [Row] = []
        public var errors: [RowError] = []
        public var fileErrors: [String] = []
    }

    /// A level as people write it: «муниципальный», «муниципальный этап», «заключительный», «всероссийский».
    public static func level(_ text: String) -> ContestLevel? {
        let word = TextKey.normalize(text).split(separator: " ").first.map(String.init) ?? ""
        switch word {
        case "школьный": return .school
        case "муниципальный", "городской", "районный": return .municipal
        case "региональный", "областной", "краевой": return .regional
        case "заключительный", "всероссийский", "федеральный": return .federal
        case "международный": return .international
        default: return nil
        }
    }

    /// A result as people write it: «победитель», «призёр» or «призер», «участник» (also in the feminine).
    public static func result(_ text: String) -> AchievementResult? {
        switch TextKey.normalize(text) {
        case "победитель", "победительница": .winner
        case "призер", "призерка": .prizeWinner
        case "участник", "участница": .participant
        default: nil
        }
    }
}
