import Domain
import Foundation

/// A JSON value of the OpenAPI document: the document is data built in Swift, encoded with sorted keys.
indirect enum JSONValue: Sendable, Equatable, Encodable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let values): try container.encode(values)
        }
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let values) = self else { return nil }
        return values[key]
    }
}

/// A schema of the document as a value: its JSON and the named schemas (`components/schemas`) it refers to, so that a
/// DTO's schema, written beside the DTO (`static let schema`), brings itself into every document that uses it.
struct OpenAPISchema: Sendable {
    var json: JSONValue
    var components: [String: JSONValue] = [:]

    static let string = OpenAPISchema(json: ["type": "string"])
    static let integer = OpenAPISchema(json: ["type": "integer"])
    static let boolean = OpenAPISchema(json: ["type": "boolean"])
    /// A number that may have a fraction (a score: 87.5).
    static let number = OpenAPISchema(json: ["type": "number"])
    static let uuid = OpenAPISchema(json: ["type": "string", "format": "uuid"])
    /// A civil day, `2025-09-01`.
    static let date = OpenAPISchema(json: ["type": "string", "format": "date"])
    /// A moment, ISO 8601 (`2025-09-01T07:30:00Z`).
    static let dateTime = OpenAPISchema(json: ["type": "string", "format": "date-time"])
    /// A time of day, `15:40`.
    static let time = OpenAPISchema(json: ["type": "string", "pattern": "^[0-9]{2}:[0-9]{2}$"])

    /// One of the given strings.
    static func oneOf(_ values: [String]) -> OpenAPISchema {
        OpenAPISchema(json: ["type": "string", "enum": .array(values.map(JSONValue.string))])
    }

    static func integer(_ range: ClosedRange<Int>) -> OpenAPISchema {
        var json: [String: JSONValue] = ["type": "integer", "minimum": .int(range.lowerBound)]
        if range.upperBound != Int.max { json["maximum"] = .int(range.upperBound) }
        return OpenAPISchema(json: .object(json))
    }

    static func array(_ items: OpenAPISchema) -> OpenAPISchema {
        OpenAPISchema(json: ["type": "array", "items": items.json], components: items.components)
    }

    /// An object with exactly these properties (`additionalProperties: false`): an answer with a field the schema
    /// does not declare breaks it.
    static func object(_ properties: [OpenAPIProperty], _ description: String? = nil) -> OpenAPISchema {
        var json: [String: JSONValue] = [
            "type": "object", "additionalProperties": false,
            "properties": .object(Dictionary(properties.map { ($0.name, $0.json) }, uniquingKeysWith: { $1 })),
        ]
        let required = properties.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { json["required"] = .array(required) }
        if let description { json["description"] = .string(description) }
        var components: [String: JSONValue] = [:]
        for property in properties { components.merge(property.schema.components) { $1 } }
        return OpenAPISchema(json: .object(json), components: components)
    }

    /// An object whose every value is a string (the error answer's `fields`).
    static let stringMap = OpenAPISchema(json: ["type": "object", "additionalProperties": ["type": "string"]])

    /// The schema under a name in `components/schemas`, referred to by `$ref`.
    static func named(_ name: String, _ schema: OpenAPISchema) -> OpenAPISchema {
        var components = schema.components
        components[name] = schema.json
        return OpenAPISchema(json: ["$ref": .string("#/components/schemas/" + name)], components: components)
    }

    /// The same schema also taking `null` (an input field that may be sent as null or left out).
    var nullable: OpenAPISchema {
        guard case .object(var json) = json, case .string(let type)? = json["type"] else {
            return OpenAPISchema(json: ["anyOf": [json, ["type": "null"]]], components: components)
        }
        json["type"] = [.string(type), "null"]
        if case .array(let values)? = json["enum"] { json["enum"] = .array(values + [.null]) }
        return OpenAPISchema(json: .object(json), components: components)
    }

    func described(_ text: String) -> OpenAPISchema {
        guard case .object(var object) = json, object["$ref"] == nil else { return self }
        object["description"] = .string(text)
        return OpenAPISchema(json: .object(object), components: components)
    }

    /// A page of a list: `{"items": […], "metadata": {"page", "per", "total"}}` (`PageDTO`).
    static func page(_ item: OpenAPISchema) -> OpenAPISchema {
        .object([
            .field("items", .array(item), "Записи страницы."),
            .field("metadata", PageMetadataSchema.schema, "Страница, её размер и число всех записей."),
        ])
    }
}

enum PageMetadataSchema {
    static let schema = OpenAPISchema.named(
        "PageMetadata",
        .object([
            .field("page", .integer(1...PageRequest.maxPage), "Номер страницы (с 1)."),
            .field("per", .integer(1...PageRequest.maxPer), "Записей на странице."),
            .field("total", .integer(0...Int.max), "Записей всего."),
        ]))
}

/// A property of an object schema: its name, schema, whether every answer has it, what it means (in Russian).
struct OpenAPIProperty: Sendable {
    var name: String
    var schema: OpenAPISchema
    var required: Bool
    var description: String?

    var json: JSONValue { description.map { schema.described($0).json } ?? schema.json }

    /// A property every answer has.
    static func field(_ name: String, _ schema: OpenAPISchema, _ description: String? = nil) -> OpenAPIProperty {
        OpenAPIProperty(name: name, schema: schema, required: true, description: description)
    }

    /// A property left out when it has no value (an optional of the DTO).
    static func optional(_ name: String, _ schema: OpenAPISchema, _ description: String? = nil) -> OpenAPIProperty {
        OpenAPIProperty(name: name, schema: schema, required: false, description: description)
    }
}
