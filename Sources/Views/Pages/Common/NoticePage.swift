import Domain
import Foundation

/// A short message page, e.g. a one-time code shown once to an administrator.
public struct NoticePage: Sendable {
    public var title: String
    public var crumbs: [Crumb]
    public var lines: [String]
    public var highlight: String?
    public var backTitle: String
    public var backURL: String

    public init(title: String, crumbs: [Crumb], lines: [String], highlight: String?, backTitle: String, backURL: String)
    {
        self.title = title
        self.crumbs = crumbs
        self.lines = lines
        self.highlight = highlight
        self.backTitle = backTitle
        self.backURL = backURL
    }

    public static let mock = NoticePage(
        title: "Одноразовый код", crumbs: [], lines: ["Передайте код пользователю."], highlight: "7Q2M-9XKD",
        backTitle: "К пользователю", backURL: "/users")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: crumbs + [Crumb(title)]) {
            el("h1") { title }
            el("div", .cls("panel")) {
                for line in lines { el("p") { line } }
                if let highlight { el("p", .cls("code")) { highlight } }
            }
            el("p") { el("a", .cls("button"), .href(backURL)) { backTitle } }
        }
    }
}
