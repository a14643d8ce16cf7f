import Domain
import Foundation

extension EnrollmentListPage {
    /// The page as HTML.
    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title, crumbs: [Crumb("Списки КМЦ", SiteURL.lists.path), Crumb(title)]) {
            el("h1") { title }
            for w in warnings { el("div", .cls("warning"), Attr("role", "status")) { w } }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    for (k, v) in facts {
                        el("dt") { k }
                        el("dd") { v }
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
                        for i in items {
                            el("tr") {
                                el("td") { i.name }
                                el("td") { i.school }
                                el("td") { i.grade }
                                el("td") { i.note?.title ?? "" }
                                el("td") {
                                    if let r = i.removeURL {
                                        el("form", Attr("method", "post"), Attr("action", r), .cls("inline")) {
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
                                for c in candidates {
                                    el("tr") {
                                        el("td") {
                                            if c.note == nil {
                                                el(
                                                    "input", .type("checkbox"), .name("student"), .value(c.id),
                                                    .id("s-\(c.id)"), Attr("aria-label", c.name))
                                            }
                                        }
                                        el("td") { el("label", .for("s-\(c.id)")) { c.name } }
                                        el("td") { c.school }
                                        el("td") { c.grade }
                                        el("td") { c.note?.title ?? "" }
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
