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
