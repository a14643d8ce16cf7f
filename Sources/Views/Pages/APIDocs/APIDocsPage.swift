import Domain
import Foundation

/// `/api`: every operation of the API grouped by area — method and path, what it does, its parameters and answers —
/// with a link to the OpenAPI document and how to get a token.
public struct APIDocsPage: Sendable {
    public struct Parameter: Sendable {
        public var name: String
        public var place: String
        public var type: String
        public var required: Bool
        public var description: String
        public init(name: String, place: String, type: String, required: Bool, description: String) {
            self.name = name
            self.place = place
            self.type = type
            self.required = required
            self.description = description
        }
    }

    public struct Operation: Sendable {
        public var method: String
        public var path: String
        public var summary: String
        public var description: String
        public var open: Bool
        public var bodyFormats: String?
        public var parameters: [Parameter]
        public var answers: [String]
        public init(
            method: String, path: String, summary: String, description: String, open: Bool, bodyFormats: String?,
            parameters: [Parameter], answers: [String]
        ) {
            self.method = method
            self.path = path
            self.summary = summary
            self.description = description
            self.open = open
            self.bodyFormats = bodyFormats
            self.parameters = parameters
            self.answers = answers
        }
    }

    public struct Area: Sendable {
        public var key: String
        public var title: String
        public var operations: [Operation]
        public init(key: String, title: String, operations: [Operation]) {
            self.key = key
            self.title = title
            self.operations = operations
        }
    }

    public var areas: [Area]
    public var documentURL: String

    public init(areas: [Area], documentURL: String) {
        self.areas = areas
        self.documentURL = documentURL
    }

    public static let mock = APIDocsPage(
        areas: [
            Area(
                key: "accounts", title: "Доступ",
                operations: [
                    Operation(
                        method: "POST", path: "/api/v1/auth/token", summary: "Получить токен",
                        description: "Обменивает имя и пароль на токен для заголовка `Authorization`.", open: true,
                        bodyFormats: APIDocsWords.formToo,
                        parameters: [
                            Parameter(
                                name: "username", place: APIDocsWords.inBody, type: "строка", required: true,
                                description: "Имя пользователя.")
                        ], answers: ["201 — Токен выдан.", "429 — Слишком много попыток; повторите позже."])
                ]),
            Area(
                key: "enrollment", title: "Группы и запись",
                operations: [
                    Operation(
                        method: "GET", path: "/api/v1/groups/{id}", summary: "Группа", description: "Одна группа.",
                        open: false, bodyFormats: nil,
                        parameters: [
                            Parameter(
                                name: "id", place: APIDocsWords.inPath, type: "UUID", required: true,
                                description: "Идентификатор записи (UUID).")
                        ], answers: ["200 — Готово.", "404 — Запись не найдена (или не видна пользователю)."])
                ]),
        ], documentURL: SiteURL.openAPI.path)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: APIDocsWords.title, crumbs: [Crumb(APIDocsWords.title)]) {
            el("h1") { APIDocsWords.title }
            el("p") { APIDocsWords.intro }
            el("p") { el("a", .href(documentURL)) { APIDocsWords.documentLink } }
            el("section", .cls("panel")) {
                el("h2") { APIDocsWords.tokenHeading }
                el("ol") { for step in APIDocsWords.tokenSteps { el("li") { step } } }
                el("h2") { APIDocsWords.errorsHeading }
                el("p") { APIDocsWords.errorsText }
            }
            el("nav") {
                el("h2") { APIDocsWords.contents }
                el("ul") { for area in areas { el("li") { el("a", .href("#" + area.key)) { area.title } } } }
            }
            for area in areas {
                el("section", .id(area.key)) {
                    el("h2") { area.title }
                    for operation in area.operations { Self.operation(operation) }
                }
            }
        }
    }

    static func operation(_ operation: Operation) -> Node {
        el("article", .cls("panel")) {
            el("h3") {
                el("code") { operation.method + " " + operation.path }
                " — " + operation.summary
                if operation.open { el("span", .cls("muted")) { " (" + APIDocsWords.noToken + ")" } }
            }
            el("p") { Self.prose(operation.description) }
            if let formats = operation.bodyFormats { el("p", .cls("hint")) { APIDocsWords.body + ": " + formats } }
            if !operation.parameters.isEmpty {
                el("table", .cls("list")) {
                    el("thead") { el("tr") { for column in APIDocsWords.columns { el("th") { column } } } }
                    el("tbody") {
                        for parameter in operation.parameters {
                            el("tr") {
                                el("td") {
                                    el("code") { parameter.name }
                                    if parameter.required { el("span", .cls("muted")) { " " + APIDocsWords.required } }
                                }
                                el("td") { parameter.place }
                                el("td") { parameter.type }
                                el("td") { Self.prose(parameter.description) }
                            }
                        }
                    }
                }
            }
            el("p", .cls("hint")) { APIDocsWords.answers + ":" }
            el("ul", .cls("hint")) { for answer in operation.answers { el("li") { Self.prose(answer) } } }
        }
    }

    /// A text of the document, its `code` in backquotes shown as code.
    static func prose(_ text: String) -> Node {
        let parts = text.components(separatedBy: "`")
        return fragment {
            for (i, part) in parts.enumerated() {
                if i % 2 == 1 && i < parts.count - 1 { el("code") { part } } else { part }
            }
        }
    }
}
