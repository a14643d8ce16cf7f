import Domain
import Foundation

/// The second page that confirms a destructive action.
public struct ConfirmPage: Sendable {
    public var title: String
    public var question: String
    public var consequence: String
    public var action: String
    public var button: String
    public var cancelURL: String
    public var crumbs: [Crumb]
    /// The version of the record as read, sent with the answer when the action is claimed under it.
    public var version: Int?

    public init(
        title: String, question: String, consequence: String, action: String, button: String, cancelURL: String,
        crumbs: [Crumb], version: Int? = nil
    ) {
        self.title = title
        self.question = question
        self.consequence = consequence
        self.action = action
        self.button = button
        self.cancelURL = cancelURL
        self.crumbs = crumbs
        self.version = version
    }

    public static let mock = ConfirmPage(
        title: "Архивирование", question: "Перенести «МБОУ «СОШ № 7»» в архив?",
        consequence: "Организация пропадёт из списков выбора.", action: "/x", button: "В архив",
        cancelURL: "/", crumbs: [])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs) {
            el("h1") { title }
            el("form", .cls("stacked"), Attr("method", "post"), Attr("action", action)) {
                Layout.csrf(ctx)
                if let version { UI.hidden("version", String(version)) }
                el("p") { el("strong") { question } }
                el("p") { consequence }
                el("div", .cls("actions")) {
                    el("button", .type("submit"), .cls("danger")) { button }
                    el("a", .href(cancelURL)) { "Отмена" }
                }
            }
        }
    }
}
