import Domain
import Foundation

extension EnrollmentListPage {
    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: [Crumb("Списки КМЦ", SiteURL.lists.path), Crumb(title)]) {
            el("h1") { title }
            for warning in warnings { el("div", .cls("warning"), Attr("role", "status")) { warning } }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (label, value) in facts {
                        el("dt") { label }
                        el("dd") { value }
                    }
                }
            }
            el("div", .cls("actions")) {
                if canSend {
                    el("form", Attr("method", "post"), Attr("action", url + "/send"), .cls("inline")) {
                        Layout.csrf(ctx)
                        el("button", .type("submit"), .cls("primary")) { "Отправить в ресурсный центр" }
                    }
                }
                if canDecide {
                    el("form", Attr("method", "post"), Attr("action", url + "/accept"), .cls("inline")) {
                        Layout.csrf(ctx)
                        el("button", .type("submit"), .cls("primary")) { "Принять список и зачислить" }
                    }
                    el("a", .cls("button"), .href(url + "/return")) { "Вернуть в КМЦ…" }
                }
            }
            el("h2") { "В списке (\(items.count))" }
            if items.isEmpty {
                UI.empty(editable ? "Список пуст: найдите обучающихся ниже и добавьте их." : "Список пуст.")
            } else {
                el("table", .cls("list"), .id("list-items")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Обучающийся" }
                            el("th") { "Школа" }
                            el("th") { "Класс" }
                            el("th") { "Отметка" }
                            el("th") { "" }
                        }
                    }
                    el("tbody") {
                        for item in items {
                            el("tr") {
                                el("td") { item.name }
                                el("td") { item.school }
                                el("td") { item.grade }
                                el("td") { item.note?.title ?? "" }
                                el("td") {
                                    if let removeURL = item.removeURL {
                                        el("form", Attr("method", "post"), Attr("action", removeURL), .cls("inline")) {
                                            Layout.csrf(ctx)
                                            el("button", .type("submit"), .cls("link")) { "Убрать" }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if editable {
                el("h2") { "Добавить обучающихся" }
                el("form", .cls("filters"), Attr("method", "get"), Attr("action", url), Attr("role", "search")) {
                    UI.textField("q", "Фамилия, имя", value: query.q, errors: FieldErrors(), type: "search")
                    UI.selectField(
                        "school", "Школа", options: schools, selected: query.filters["school"], errors: FieldErrors(),
                        includeEmpty: "Все школы")
                    UI.selectField(
                        "grade", "Класс", options: (1...11).map { (String($0), "\($0) класс") },
                        selected: query.filters["grade"],
                        errors: FieldErrors(), includeEmpty: "Все классы")
                    UI.submit("Найти")
                }
                if candidates.isEmpty {
                    UI.empty("Никого не найдено: уточните фамилию, школу или класс.")
                } else {
                    el("form", Attr("method", "post"), Attr("action", url + "/add")) {
                        Layout.csrf(ctx)
                        el("table", .cls("list"), .id("candidates")) {
                            el("thead") {
                                el("tr") {
                                    el("th") { "" }
                                    el("th") { "Обучающийся" }
                                    el("th") { "Школа" }
                                    el("th") { "Класс" }
                                    el("th") { "" }
                                }
                            }
                            el("tbody") {
                                for candidate in candidates {
                                    el("tr") {
                                        el("td") {
                                            if candidate.note == nil {
                                                el(
                                                    "input", .type("checkbox"), .name("student"), .value(candidate.id),
                                                    .id("s-\(candidate.id)"), Attr("aria-label", candidate.name))
                                            }
                                        }
                                        el("td") { el("label", .for("s-\(candidate.id)")) { candidate.name } }
                                        el("td") { candidate.school }
                                        el("td") { candidate.grade }
                                        el("td") { candidate.note?.title ?? "" }
                                    }
                                }
                            }
                        }
                        if candidatesTotal > candidates.count {
                            el("p", .cls("muted")) {
                                "Показаны первые \(candidates.count) из \(candidatesTotal): уточните поиск."
                            }
                        }
                        el("div", .cls("actions")) { UI.submit("Добавить выбранных") }
                    }
                }
            }
        }
    }
}
