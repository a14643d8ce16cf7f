import Domain
import Foundation

/// The words of governing the network (issue 22): roadmaps, plans, reports.
public enum GovernanceWords {
    public static let roadmapsTitle = "Дорожные карты"
    public static let roadmapsIntro =
        "Шаблоны дорожных карт: для каждой строки — что делает центр и к какому сроку, что делает муниципальный "
        + "орган управления образованием (МОУО) и к какому сроку. Встроенные шаблоны — дорожные карты центров "
        + "«Точка роста» первого и второго года функционирования, перенесённые строка за строкой, с нумерацией "
        + "документа."
    public static let builtIn = "встроенный"
    public static let year = "Год плана"
    public static let show = "Показать"
    public static let noDeadline = "срок не указан"
    public static let noExactDay = "без точной даты"
    /// A year outside the ones a plan is made for: «Укажите год с 2025 по 2028.»
    public static func chooseYear(_ years: [Int]) -> String {
        "Укажите год с \(years.first ?? 0) по \(years.last ?? 0)."
    }

    /// «Мероприятий центра: 38, МОУО: 41. Сроков без точной даты: 9 — дату уточняет составитель плана.»
    public static func roadmapSummary(center: Int, authority: Int, inexact: Int) -> String {
        "Мероприятий центра: \(center), МОУО: \(authority)."
            + (inexact == 0
                ? ""
                : " Сроков без точной даты: \(inexact) — дату уточняет составитель плана.")
    }

    /// The days a deadline makes in the year: «31.05.2027», «с 01.04.2027 по 30.06.2027», «05.04.2027, 05.07.2027, …».
    public static func days(_ due: RoadmapDeadline, year: Int) -> String {
        let days = due.days(year: year).map(\.formatted)
        if let start = due.start(year: year) {
            return days.isEmpty ? "с \(start.formatted), без срока" : "с \(start.formatted) по \(days[0])"
        }
        return days.isEmpty ? "дата уточняется" : days.joined(separator: ", ")
    }
}

/// The words of the archive of the administrator's own texts: plan templates and report forms.
public enum OwnTextWords {
    public static let archiveTitle = "Перенос в архив"
    public static let archiveButton = "В архив"
    public static let archiveLink = "Убрать в архив"
    public static let restoreButton = "Вернуть из архива"
    public static let status = "Состояние"
    public static let inArchive = "в архиве"
    public static let archivedFinal = "Запись в архиве: сначала верните её из архива."
    public static let restoreTaken = "Вернуть нельзя: среди действующих уже есть запись с таким названием."

    public enum Template {
        public static func question(_ title: String) -> String { "Перенести шаблон «\(title)» в архив?" }
        public static let consequence =
            "Новые планы из него составить будет нельзя; уже составленные планы не меняются. Вернуть шаблон можно на "
            + "его странице."
        public static let archived = "Шаблон перенесён в архив."
        public static let restored = "Шаблон возвращён из архива: из него снова можно составлять планы."
        public static let note = "Шаблон в архиве: новые планы из него не составляются."
    }

    public enum Form {
        public static func question(_ title: String) -> String { "Перенести форму «\(title)» в архив?" }
        public static let consequence =
            "Новые кампании по ней объявить будет нельзя; объявленные кампании и их отчёты не меняются. Вернуть форму "
            + "можно на её странице."
        public static let archived = "Форма перенесена в архив."
        public static let restored = "Форма возвращена из архива: по ней снова можно объявить кампанию."
        public static let note = "Форма в архиве: новые кампании по ней не объявляются."
    }
}

/// An own text's archive controls on its page: the note that it is archived, «Вернуть из архива» or «Убрать в архив».
public struct OwnTextArchivePart: Sendable {
    public var path: String
    public var archived: Bool
    public var canArchive: Bool
    public var note: String

    public init(path: String, archived: Bool, canArchive: Bool, note: String) {
        self.path = path
        self.archived = archived
        self.canArchive = canArchive
        self.note = note
    }

    public func render(_ ctx: PageContext) -> Node {
        fragment {
            if archived { el("div", .cls("warning"), Attr("role", "status")) { note } }
            if canArchive {
                if archived {
                    el("form", .cls("no-print"), Attr("method", "post"), Attr("action", path + "/restore")) {
                        Layout.csrf(ctx)
                        el("button", .type("submit")) { OwnTextWords.restoreButton }
                    }
                } else {
                    el("div", .cls("actions no-print")) {
                        el("a", .cls("button danger"), .href(path + "/archive")) { OwnTextWords.archiveLink }
                    }
                }
            }
        }
    }
}
