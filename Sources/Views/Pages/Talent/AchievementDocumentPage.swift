import Domain
import Foundation

/// The form that uploads an achievement's scan (issue 21, item 2).
public struct AchievementDocumentPage: Sendable {
    public var achievementID: UUID
    public var title: String
    public var current: String?
    public var problem: String?

    /// The page's data: the achievement, the scan it has (its name and size), the last upload's problem.
    public init(achievementID: UUID, title: String, current: String?, problem: String? = nil) {
        self.achievementID = achievementID
        self.title = title
        self.current = current
        self.problem = problem
    }

    /// A made-up page.
    public static let mock = AchievementDocumentPage(
        achievementID: MockID.of(0x2141), title: "Иванов Пётр Сергеевич: призёр", current: "диплом.pdf, 240 КБ",
        problem: "Файл больше 5 МБ. Уменьшите разрешение скана или сохраните его в PDF.")

    /// Where the scan is uploaded, downloaded and removed.
    public static func path(_ id: UUID) -> String { SiteURL.record(.achievements, id).path + "/document" }

    /// «диплом.pdf, 240 КБ».
    public static func describe(name: String, size: Int) -> String {
        "\(name), \(max(1, (size + 1023) / 1024)) КБ"
    }

    public func render(_ ctx: PageContext) -> String {
        let card = SiteURL.record(.achievements, achievementID).path
        return Layout.page(
            ctx, title: "Скан документа",
            crumbs: [
                Crumb("Достижения", SiteURL.list(.achievements).path), Crumb(title, card), Crumb("Скан документа"),
            ]
        ) {
            el("h1") { "Скан документа" }
            el("p", .cls("muted")) {
                "Диплом, грамота или выписка из протокола: PDF, JPEG или PNG до 5 МБ. "
                    + (current.map { "Сейчас загружен: \($0); новый файл заменит его." } ?? "")
            }
            UI.scanForm(ctx, action: Self.path(achievementID), cancel: card, problem: problem)
        }
    }
}

extension UI {
    /// The form that uploads one scan (PDF, JPEG or PNG): the file field with the last upload's problem beside it.
    public static func scanForm(_ ctx: PageContext, action: String, cancel: String, problem: String?) -> Node {
        el(
            "form", .cls("stacked panel"), Attr("method", "post"), Attr("action", action),
            Attr("enctype", "multipart/form-data"), Attr("novalidate", "novalidate")
        ) {
            Layout.csrf(ctx)
            el("div", .cls(problem == nil ? "field" : "field has-error")) {
                el("label", .for("file")) {
                    "Файл"
                    el("span", .cls("req"), Attr("aria-hidden", "true")) { " *" }
                }
                el("input", .type("file"), .id("file"), .name("file"), Attr("accept", ".pdf,.jpg,.jpeg,.png"))
                if let problem { el("p", .cls("error"), .id("file-error")) { problem } }
            }
            el("div", .cls("actions")) {
                UI.submit("Загрузить")
                el("a", .href(cancel)) { "Отмена" }
            }
        }
    }
}
