import Domain
import Foundation
import Vapor
import Views

/// The OpenAPI 3.1 document of `/api/v1`, built from the operations the controllers declare.
enum OpenAPIDocument {
    static let errorSchema = OpenAPISchema.named(
        "Error",
        .object(
            [
                .field("error", .string, "Код ошибки: `validation`, `not_found`, `forbidden`, `conflict`…"),
                .field("reason", .string, "Что не так, по-русски, для человека."),
                .field("fields", .stringMap, "Поле или параметр → что с ним не так (пусто, если ошибка не о полях)."),
            ], "Ответ с ошибкой (`SetkaErrorMiddleware`)."))

    /// What each error answer means, as the document says it.
    static func meaning(_ status: HTTPResponseStatus) -> String {
        switch status {
        case .badRequest:
            "Параметр запроса или тело не разобраны; в `fields` — что не так с каждым параметром или полем."
        case .unauthorized: "Нет действующего токена (или входа в систему), либо неверные имя и пароль."
        case .forbidden: "Роли пользователя не дают этого действия над этой записью."
        case .notFound: "Запись не найдена (или не видна пользователю)."
        case .methodNotAllowed: "Адрес не принимает этот метод; заголовок `Allow` называет те, что принимает."
        case .conflict: "Запись изменили после того, как её прочитали, или действие противоречит правилам."
        case .unsupportedMediaType: "Тело прислано без типа (`Content-Type`) или в типе, который не читается."
        case .unprocessableEntity: "Данные разобраны, но не приняты; в `fields` — сообщение о каждом поле."
        case .tooManyRequests: "Слишком много попыток; повторите позже."
        default: status.reasonPhrase
        }
    }

    static func errorName(_ status: HTTPResponseStatus) -> String { "Error\(status.code)" }

    static func json(_ operations: [APIOperation]) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        var schemas = errorSchema.components
        var errorStatuses: [HTTPResponseStatus] = [.methodNotAllowed]
        for operation in operations {
            let (json, components) = Self.operation(operation)
            paths[operation.path, default: [:]][operation.method.rawValue.lowercased()] = json
            schemas.merge(components) { $1 }
            for status in operation.errorStatuses where !errorStatuses.contains(status) { errorStatuses.append(status) }
        }
        var responses: [String: JSONValue] = [:]
        for status in errorStatuses {
            responses[errorName(status)] = [
                "description": .string(meaning(status)),
                "content": ["application/json": ["schema": errorSchema.json]],
            ]
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "API Сетки",
                "version": "1",
                "description": .string(APIDocsWords.documentDescription),
            ],
            "servers": [["url": "/api/v1"]],
            "tags": .array(APIArea.allCases.map { ["name": .string($0.rawValue), "description": .string($0.title)] }),
            "paths": .object(paths.mapValues(JSONValue.object)),
            "components": [
                "schemas": .object(schemas),
                "responses": .object(responses),
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": .string(APIDocsWords.tokenHow),
                    ]
                ],
            ],
        ]
    }

    static func operation(_ operation: APIOperation) -> (JSONValue, [String: JSONValue]) {
        var components: [String: JSONValue] = [:]
        var parameters: [JSONValue] = operation.pathParameters.map { name in
            [
                "name": .string(name), "in": "path", "required": true, "schema": OpenAPISchema.uuid.json,
                "description": .string(APIDocsWords.pathParameter),
            ]
        }
        for parameter in operation.queryParameters {
            parameters.append([
                "name": .string(parameter.name), "in": "query", "required": .bool(parameter.required),
                "schema": parameter.schema.json, "description": .string(parameter.description),
            ])
        }
        var responses: [String: JSONValue] = [:]
        for response in operation.responses {
            var json: [String: JSONValue] = ["description": .string(response.description)]
            if let schema = response.schema {
                json["content"] = ["application/json": ["schema": schema.json]]
                components.merge(schema.components) { $1 }
            }
            responses[String(response.status.code)] = .object(json)
        }
        for status in operation.errorStatuses {
            responses[String(status.code)] = ["$ref": .string("#/components/responses/" + errorName(status))]
        }
        var json: [String: JSONValue] = [
            "operationId": .string(operation.id),
            "summary": .string(operation.summary),
            "description": .string(operation.description),
            "tags": [.string(operation.area.rawValue)],
            "responses": .object(responses),
            "security": operation.access == .token ? [["bearer": []]] : [],
        ]
        if !parameters.isEmpty { json["parameters"] = .array(parameters) }
        if let body = operation.body {
            var content: [String: JSONValue] = ["application/json": ["schema": body.schema.json]]
            if body.form { content["application/x-www-form-urlencoded"] = ["schema": body.schema.json] }
            json["requestBody"] = ["required": true, "content": .object(content)]
            components.merge(body.schema.components) { $1 }
        }
        return (.object(json), components)
    }

    /// The document as its JSON text (keys sorted, so the same operations give the same bytes).
    static func data(_ operations: [APIOperation]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(json(operations))
    }
}
