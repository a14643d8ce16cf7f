import Domain
import Foundation

/// A published stage's public protocol (issue 21, items 3 and 7): students whose guardians consented to publication,
/// as surname and initials, grade, score, place and status — nothing else.
public struct OlympiadPublicPage: Sendable {
    /// One published line.
    public struct Row: Sendable {
        public var place: String
        public var name: String
        public var grade: Int
        public var total: Double
        public var status: OlympiadStatus
        /// A published line.
        public init(place: String, name: String, grade: Int, total: Double, status: OlympiadStatus) {
            self.place = place
            self.name = name
            self.grade = grade
            self.total = total
            self.status = status
        }
    }

    /// One grade's published lines.
    public struct Grade: Sendable {
        public var grade: Int
        public var maximum: Double
        public var rows: [Row]
        /// A grade's lines.
        public init(grade: Int, maximum: Double, rows: [Row]) {
            self.grade = grade
            self.maximum = maximum
            self.rows = rows
        }
    }

    public var title: String
    public var grades: [Grade]

    /// The page's data.
    public init(title: String, grades: [Grade]) {
        self.title = title
        self.grades = grades
    }

    /// A made-up protocol.
    public static let mock = OlympiadPublicPage(
        title: "Муниципальный этап: математика, 2025/2026",
        grades: [
            Grade(
                grade: 8, maximum: 40,
                rows: [Row(place: "1", name: "Лебедева О. И.", grade: 8, total: 31, status: .winner)])
        ])

    /// «Лебедева О. И.».
    public static func shortName(surname: String, givenName: String, patronymic: String?) -> String {
        ([surname] + [givenName, patronymic ?? ""].compactMap { $0.first.map { "\($0)." } }).joined(separator: " ")
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: [Crumb("Наши победители", "/winners"), Crumb(title)]) {
            el("h1") { "Протокол: \(title)" }
            el("p", .cls("muted")) {
                "Опубликованы результаты участников, чьи родители (законные представители) дали согласие на публикацию."
            }
            if grades.allSatisfy({ $0.rows.isEmpty }) { UI.empty("Опубликованных результатов нет.") }
            for grade in grades where !grade.rows.isEmpty {
                el("h2") { "\(OlympiadWords.grade(grade.grade)) · максимум \(TalentWords.scoreText(grade.maximum))" }
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for column in ["Место", "Участник", "Класс", "Балл", "Статус"] { el("th") { column } }
                        }
                    }
                    el("tbody") {
                        for row in grade.rows {
                            el("tr") {
                                el("td") { row.place }
                                el("td") { row.name }
                                el("td") { String(row.grade) }
                                el("td") { TalentWords.scoreText(row.total) }
                                el("td") { OlympiadWords.status(row.status) }
                            }
                        }
                    }
                }
            }
        }
    }
}
