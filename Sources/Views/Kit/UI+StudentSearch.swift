import Domain
import Foundation

extension UI {
    /// The search that picks a student for a form (a databank decision, a support measure, a route): a name field,
    /// what was found as links back to the form with `?student=`, and a line when nothing was.
    public static func studentSearch(
        path: String, q: String, found: [(id: UUID, title: String)], hint: String, nothingFound: String
    ) -> Node {
        .fragment([
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", path), Attr("role", "search")) {
                UI.textField("q", "Обучающийся", value: q, errors: FieldErrors(), hint: hint)
                el("button", .type("submit")) { "Найти" }
            },
            !q.isEmpty && found.isEmpty ? UI.empty(nothingFound) : .fragment([]),
            el("ul") {
                for item in found {
                    el("li") { el("a", .href(path + "?student=" + item.id.uuidString.lowercased())) { item.title } }
                }
            },
        ])
    }
}
