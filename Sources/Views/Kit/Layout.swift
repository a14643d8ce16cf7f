import Domain
import Foundation

public enum Layout {
    public static let siteName = "Сетка"

    /// A whole HTML document.
    public static func page(
        _ ctx: PageContext, title: String, crumbs: [Crumb] = [], @HTMLBuilder _ content: () -> [Node]
    ) -> String {
        let body = content()
        let doc = el("html", Attr("lang", "ru")) {
            el("head") {
                el("meta", Attr("charset", "utf-8"))
                el("meta", .name("viewport"), Attr("content", "width=device-width, initial-scale=1"))
                el("title") { "\(title) — \(siteName)" }
                el("link", Attr("rel", "stylesheet"), .href(SiteURL.stylesheet.path))
            }
            el("body") {
                header(ctx)
                el("div", .cls(ctx.menu.isEmpty ? "shell shell-public" : "shell")) {
                    if !ctx.menu.isEmpty { menu(ctx) }
                    el("main", .id("main")) {
                        if !crumbs.isEmpty { breadcrumbs(crumbs) }
                        if let flash = ctx.flash { el("p", .cls("flash"), Attr("role", "status")) { flash } }
                        body
                    }
                }
            }
        }
        return "<!DOCTYPE html>" + doc.render()
    }

    static func header(_ ctx: PageContext) -> Node {
        el("header", .cls("top")) {
            el("a", .cls("brand"), .href(SiteURL.home.path)) { siteName }
            el("span", .cls("tagline")) { "сеть школ и ресурсных центров" }
            el("div", .cls("who")) {
                if let name = ctx.userName {
                    el("a", .href(SiteURL.profile.path)) { name }
                    el("form", Attr("method", "post"), Attr("action", SiteURL.logout.path), .cls("inline")) {
                        csrf(ctx)
                        el("button", .type("submit"), .cls("link")) { "Выйти" }
                    }
                } else {
                    el("a", .href(SiteURL.login.path)) { "Войти" }
                }
            }
        }
    }

    /// The left menu; on a phone it folds behind a «Меню» button (a checkbox and its label: no script needed).
    static func menu(_ ctx: PageContext) -> Node {
        el("div", .cls("menu-box")) {
            el("input", .type("checkbox"), .id("menu-toggle"), .cls("menu-toggle"), Attr("aria-hidden", "true"))
            el("label", Attr("for", "menu-toggle"), .cls("menu-button")) {
                "Меню" + (ctx.activeArea.map { ": " + $0.title } ?? "")
            }
            menuList(ctx)
        }
    }

    static func menuList(_ ctx: PageContext) -> Node {
        el("nav", .cls("menu"), Attr("aria-label", "Разделы")) {
            el("ul") {
                for area in ctx.menu {
                    el("li") {
                        el("a", .href(area.url.path), Attr("aria-current", area == ctx.activeArea ? "page" : nil)) {
                            area.title
                        }
                    }
                }
            }
        }
    }

    static func breadcrumbs(_ crumbs: [Crumb]) -> Node {
        el("nav", .cls("crumbs"), Attr("aria-label", "Навигационная цепочка")) {
            for (i, crumb) in crumbs.enumerated() {
                if i > 0 { el("span", Attr("aria-hidden", "true")) { " / " } }
                if let url = crumb.url { el("a", .href(url)) { crumb.title } } else { el("span") { crumb.title } }
            }
        }
    }

    public static func csrf(_ ctx: PageContext) -> Node {
        el("input", .type("hidden"), .name("_csrf"), .value(ctx.csrfToken))
    }
}
