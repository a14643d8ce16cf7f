import Domain
import Foundation

/// A group's diagnostic works, each with the distribution of its scores as a bar chart (inline SVG, no script).
public struct DiagnosticsPage: Sendable {
    public struct Work: Sendable {
        public var title: String, date: String, maxScore: Int, url: String?, distribution: ScoreDistribution
        public init(title: String, date: String, maxScore: Int, url: String?, distribution: ScoreDistribution) {
            self.title = title
            self.date = date
            self.maxScore = maxScore
            self.url = url
            self.distribution = distribution
        }
    }
    public var title: String
    public var crumbs: [Crumb]
    public var newURL: String?
    public var works: [Work]
    public init(title: String, crumbs: [Crumb], newURL: String?, works: [Work]) {
        self.title = title
        self.crumbs = crumbs
        self.newURL = newURL
        self.works = works
    }

    public static let mock = DiagnosticsPage(
        title: "Диагностика: Математика-10", crumbs: [], newURL: "/groups/x/diagnostics/new",
        works: [
            Work(
                title: "Входная диагностика", date: "15.09.2026", maxScore: 20, url: "/diagnostics/x",
                distribution: ScoreDistribution(scores: [4, 9, 12, 15, 19], maxScore: 20))
        ])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            if let newURL {
                el("div", .cls("actions")) {
                    el("a", .cls("button primary"), .href(newURL)) { "Добавить диагностическую работу" }
                }
            }
            if works.isEmpty { UI.empty("Диагностических работ пока нет.") }
            for work in works {
                el("section", .cls("panel")) {
                    el("h2") { if let url = work.url { el("a", .href(url)) { work.title } } else { work.title } }
                    let distribution = work.distribution
                    el("p", .cls("muted")) {
                        "\(work.date), максимум \(work.maxScore) б. Написали: \(distribution.count). Средний балл: "
                            + "\(ScoreDistribution.format(distribution.mean)), медиана: \(ScoreDistribution.format(distribution.median))"
                            + (distribution.min.map { ", от \($0) до \(distribution.max ?? $0)" } ?? "") + "."
                    }
                    Self.chart(distribution)
                }
            }
        }
    }

    /// Five bars, one per band of the maximum score, with the count written on each (so colour is never the only cue).
    static func chart(_ distribution: ScoreDistribution) -> Node {
        let top = max(1, distribution.bands.max() ?? 1)
        let barWidth = 60
        let gap = 16
        let barHeight = 120
        let top0 = 20
        return el(
            "svg", Attr("viewBox", "0 0 \(5 * (barWidth + gap)) \(top0 + barHeight + 26)"), Attr("width", "380"),
            Attr("role", "img"),
            Attr(
                "aria-label",
                "Распределение баллов: "
                    + zip(ScoreDistribution.bandTitles, distribution.bands).map { "\($0) — \($1)" }.joined(
                        separator: ", "))
        ) {
            for (i, count) in distribution.bands.enumerated() {
                let bh = count * barHeight / top
                let left = i * (barWidth + gap)
                el(
                    "rect", Attr("x", String(left)), Attr("y", String(top0 + barHeight - bh)),
                    Attr("width", String(barWidth)),
                    Attr("height", String(max(bh, 1))), Attr("fill", "#1f5fa8")
                ) { "" }
                el(
                    "text", Attr("x", String(left + barWidth / 2)), Attr("y", String(top0 + barHeight - bh - 4)),
                    Attr("text-anchor", "middle"), Attr("font-size", "13")
                ) { String(count) }
                el(
                    "text", Attr("x", String(left + barWidth / 2)), Attr("y", String(top0 + barHeight + 18)),
                    Attr("text-anchor", "middle"), Attr("font-size", "12")
                ) { ScoreDistribution.bandTitles[i] }
            }
        }
    }
}
