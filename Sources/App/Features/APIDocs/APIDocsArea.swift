import Domain
import Vapor
import Views

/// The API's description: `/api/openapi.json` (OpenAPI 3.1) and the readable page `/api`, both public.
enum APIDocsArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: APIDocsController())
    }

    /// Every operation of `/api/v1`, as its controller declares it (`…+Doc.swift`); the coverage test checks this list
    /// against the registered routes.
    static let operations: [APIOperation] =
        TokenController.operations + OrganizationAPIController.operations + RegistryAPIController.operations
        + GroupAPIController.operations + EnrollmentAPIController.operations + ApplicationAPIController.operations
        + LessonAPIController.operations + JournalAPIController.operations + ResultsAPIController.operations
        + CertificatesAPIController.operations + CertificateVerifyAPIController.operations
        + OrderAPIController.operations + TalentAPIController.operations
        + OlympiadAPIController.operations + GiftedAPIController.operations + SupportAPIController.operations
        + RouteAPIController.operations + RoadmapAPIController.operations + PlanAPIController.operations
        + ReportAPIController.operations + ReportFormAPIController.operations + MeetingAPIController.operations
        + ActivityProgramAPIController.operations + AssignmentAPIController.operations
        + AnalyticNoteAPIController.operations + EventAPIController.operations + TeacherAPIController.operations
        + DevelopmentAPIController.operations + AwardAPIController.operations + BudgetAPIController.operations
}

struct APIDocsController: RouteCollection {
    /// The document's bytes, built once.
    static let document: Data = (try? OpenAPIDocument.data(APIDocsArea.operations)) ?? Data("{}".utf8)

    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "openapi.json", use: document)
        routes.get("api", use: page)
    }

    func document(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(data: Self.document))
    }

    func page(req: Request) async throws -> Response {
        .html(
            APIDocsPage(areas: Self.areas, documentURL: SiteURL.openAPI.path).render(await req.pageContext(active: nil))
        )
    }

    static let areas: [APIDocsPage.Area] = APIArea.allCases.compactMap { area in
        let operations = APIDocsArea.operations.filter { $0.area == area }
        guard !operations.isEmpty else { return nil }
        return APIDocsPage.Area(key: area.rawValue, title: area.title, operations: operations.map(Self.line))
    }

    static func line(_ operation: APIOperation) -> APIDocsPage.Operation {
        var parameters = operation.pathParameters.map {
            APIDocsPage.Parameter(
                name: $0, place: APIDocsWords.inPath, type: APIDocsWords.type("string", format: "uuid", values: []),
                required: true, description: APIDocsWords.pathParameter)
        }
        for parameter in operation.queryParameters {
            parameters.append(
                APIDocsPage.Parameter(
                    name: parameter.name, place: APIDocsWords.inQuery, type: typeName(parameter.schema.json),
                    required: parameter.required, description: parameter.description))
        }
        if let body = operation.body, case .object(let properties)? = body.schema.json["properties"] {
            let required =
                body.schema.json["required"].map { value -> [JSONValue] in
                    if case .array(let names) = value { return names }
                    return []
                } ?? []
            for (name, schema) in properties.sorted(by: { $0.key < $1.key }) {
                var description = ""
                if case .string(let text)? = schema["description"] { description = text }
                parameters.append(
                    APIDocsPage.Parameter(
                        name: name, place: APIDocsWords.inBody, type: typeName(schema),
                        required: required.contains(.string(name)), description: description))
            }
        }
        let answers =
            operation.responses.map { "\($0.status.code) — \($0.description)" }
            + operation.errorStatuses.map { "\($0.code) — \(OpenAPIDocument.meaning($0))" }
        return APIDocsPage.Operation(
            method: operation.method.rawValue, path: "/api/v1" + operation.path, summary: operation.summary,
            description: operation.description, open: operation.access == .open,
            bodyFormats: operation.body.map { $0.form ? APIDocsWords.formToo : APIDocsWords.jsonOnly },
            parameters: parameters, answers: answers)
    }

    /// A schema's type in words (a nullable one by its non-null type).
    static func typeName(_ schema: JSONValue) -> String {
        var type = "object"
        switch schema["type"] {
        case .string(let name)?: type = name
        case .array(let names)?:
            type =
                names.compactMap { if case .string(let name) = $0, name != "null" { name } else { nil } }.first ?? type
        default: break
        }
        var format: String?
        if case .string(let text)? = schema["format"] { format = text }
        var values: [String] = []
        if case .array(let items)? = schema["enum"] {
            values = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
        }
        return APIDocsWords.type(type, format: format, values: values)
    }
}
