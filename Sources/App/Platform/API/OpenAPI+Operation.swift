import Domain
import Foundation
import Vapor
import Views

/// The areas of the API as the document groups them (its tags), in the order the page shows them.
enum APIArea: String, CaseIterable, Sendable {
    case accounts, registry, programs, enrollment, timetable, journal, assessment, certificates, orders, talent
    case governance
    case people

    var title: String {
        switch self {
        case .accounts: "Доступ"
        case .registry: "Реестр"
        case .programs: "Программы"
        case .enrollment: "Группы и запись"
        case .timetable: "Расписание"
        case .journal: "Журнал"
        case .assessment: "Итоговая аттестация"
        case .certificates: "Сертификаты"
        case .orders: "Приказы"
        case .talent: "Олимпиады и достижения"
        case .governance: "Управление сетью"
        case .people: "Мероприятия, педагоги и ресурсы"
        }
    }
}

/// A query parameter of an operation. Its schema follows the checks every API request passes (`APIQueryCheck`): a
/// parameter named as an id takes a UUID, a number one within its range, a day a date; others are strings, or one of
/// `values` when the list checks them (`RegistrySupport.checkChoices`).
struct APIParameter: Sendable {
    var name: String
    var description: String
    var schema: OpenAPISchema
    var required = false

    init(
        _ name: String, _ description: String, values: [String]? = nil, schema: OpenAPISchema? = nil,
        required: Bool = false
    ) {
        self.name = name
        self.description = description
        self.required = required
        if let schema {
            self.schema = schema
        } else if APIQueryCheck.ids.contains(name) {
            self.schema = .uuid
        } else if let range = APIQueryCheck.numbers.first(where: { $0.0 == name })?.1 {
            self.schema = .integer(range)
        } else if APIQueryCheck.days.contains(name) {
            self.schema = .date
        } else if let values {
            self.schema = .oneOf(values)
        } else {
            self.schema = .string
        }
    }

    /// The query of a list, in the order `APIListParameters` names what it takes: paging and sorting, `q` when the list
    /// searches, its filters, then what it reads itself (`also`).
    static func list(
        sorts: [String], search: Bool = false, filters: [APIParameter] = [], also: [APIParameter] = []
    ) -> APIList {
        var parameters = [
            APIParameter("page", "Номер страницы, с 1."),
            APIParameter("per", "Записей на странице (не больше \(PageRequest.maxPer); больше — столько же)."),
            APIParameter("sort", "Порядок записей.", values: sorts),
            APIParameter("dir", "Направление: по возрастанию или по убыванию.", values: APIListParameters.directions),
        ]
        if search { parameters.append(APIParameter("q", "Поиск по названию или имени.")) }
        return APIList(sorts: sorts, parameters: parameters + filters + also)
    }
}

/// What a list takes, as its operation declares it.
struct APIList: Sendable {
    var sorts: [String]
    var parameters: [APIParameter]
}

/// A request body: the schema of its JSON and whether an HTML-form encoding of it is read too.
struct APIBody: Sendable {
    var schema: OpenAPISchema
    var form = false
}

/// A success answer: its status, what it means and its JSON (none for an empty answer).
struct APIResponse: Sendable {
    var status: HTTPResponseStatus
    var description: String
    var schema: OpenAPISchema?

    static func ok(_ schema: OpenAPISchema, _ description: String = "Готово.") -> APIResponse {
        APIResponse(status: .ok, description: description, schema: schema)
    }
    static func created(_ schema: OpenAPISchema?, _ description: String = "Создано.") -> APIResponse {
        APIResponse(status: .created, description: description, schema: schema)
    }
}

/// One operation of `/api/v1`, declared beside its controller (`XAPIController+Doc.swift`); the document, the page
/// `/api` and the coverage test (every route described, every description routed) are built from these.
struct APIOperation: Sendable {
    enum Access: Sendable {
        /// A bearer token (`POST /api/v1/auth/token`) or a signed-in session.
        case token
        case open
    }

    var method: HTTPMethod
    /// The path under `/api/v1`, parameters in braces: `/groups/{id}/enrollments`.
    var path: String
    var id: String
    var area: APIArea
    var summary: String
    var description: String
    var access = Access.token
    var list: APIList?
    var query: [APIParameter] = []
    var body: APIBody?
    var responses: [APIResponse]
    /// Error answers beyond the ones every operation of its kind may give (see `errorStatuses`).
    var errors: [HTTPResponseStatus] = []

    init(
        _ method: HTTPMethod, _ path: String, id: String, area: APIArea, summary: String, description: String,
        access: Access = .token, list: APIList? = nil, query: [APIParameter] = [], body: APIBody? = nil,
        responses: [APIResponse], errors: [HTTPResponseStatus] = []
    ) {
        self.method = method
        self.path = path
        self.id = id
        self.area = area
        self.summary = summary
        self.description = description
        self.access = access
        self.list = list
        self.query = query
        self.body = body
        self.responses = responses
        self.errors = errors
    }

    /// The names in braces of the path.
    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }

    var queryParameters: [APIParameter] { (list?.parameters ?? []) + query }

    /// The error answers the operation may give: 401 and 403 behind a token, 404 for a record in its path, 400 for a
    /// query or a body that cannot be read, 415 and 422 for a body, and its own (`errors`: 409, 429, …).
    var errorStatuses: [HTTPResponseStatus] {
        var statuses: [HTTPResponseStatus] = []
        if !queryParameters.isEmpty || body != nil { statuses.append(.badRequest) }
        if access == .token { statuses += [.unauthorized, .forbidden] }
        if !pathParameters.isEmpty { statuses.append(.notFound) }
        if body != nil { statuses += [.unsupportedMediaType, .unprocessableEntity] }
        for status in errors where !statuses.contains(status) { statuses.append(status) }
        return statuses.sorted { $0.code < $1.code }
    }
}
