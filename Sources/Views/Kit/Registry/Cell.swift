import Domain
import Foundation

/// A cell of a registry list.
public enum Cell: Sendable {
    case text(String)
    case link(String, String)
    case linkWithNote(String, String, String?)
    case badge(RecordStatus)
    case tag(String, String)
    /// A one-button form (the CSRF token travels with it, since cells are rendered without the page context).
    case post(String, String, csrf: String)

    var node: Node {
        switch self {
        case .text(let title): return .text(title.isEmpty ? "—" : title)
        case .link(let title, let url): return el("a", .href(url)) { title }
        case .linkWithNote(let title, let url, let note):
            return fragment {
                el("a", .href(url)) { title }
                if let note {
                    el("br")
                    el("span", .cls("muted")) { note }
                }
            }
        case .badge(let badge): return UI.badge(badge)
        case .tag(let title, let kind): return el("span", .cls("badge badge-\(kind)")) { title }
        case .post(let title, let url, let csrf):
            return el("form", Attr("method", "post"), Attr("action", url), .cls("inline")) {
                el("input", .type("hidden"), .name("_csrf"), .value(csrf))
                el("button", .type("submit")) { title }
            }
        }
    }
}
