import Foundation

/// A JSON value as read from an answer or from the OpenAPI document: numbers as integers where they are, booleans
/// apart from numbers.
indirect enum AnyJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int.self) {
            self = .int(value)
        } else if let value = try? single.decode(Double.self) {
            self = .double(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if let value = try? single.decode([AnyJSON].self) {
            self = .array(value)
        } else {
            self = .object(try single.decode([String: AnyJSON].self))
        }
    }

    static func parse(_ text: String) throws -> AnyJSON {
        try JSONDecoder().decode(AnyJSON.self, from: Data(text.utf8))
    }

    subscript(key: String) -> AnyJSON? {
        guard case .object(let values) = self else { return nil }
        return values[key]
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var objectValue: [String: AnyJSON]? { if case .object(let value) = self { value } else { nil } }
    var arrayValue: [AnyJSON]? { if case .array(let value) = self { value } else { nil } }
}

/// A light check of a JSON answer against a schema of the OpenAPI document: `$ref` (to `components/schemas`),
/// `anyOf`, `type` (one or several), `enum`, the formats `uuid`, `date` and `date-time`, an object's required
/// properties and no undeclared ones (`additionalProperties: false`), an array's items. Each problem names its path.
struct SchemaCheck {
    let document: AnyJSON

    func problems(_ value: AnyJSON, _ schema: AnyJSON, at path: String = "$") -> [String] {
        if let ref = schema["$ref"]?.string {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = document["components"]?["schemas"]?[name] else { return ["\(path): no schema \(ref)"] }
            return problems(value, target, at: path)
        }
        if let options = schema["anyOf"]?.arrayValue {
            return options.contains { problems(value, $0, at: path).isEmpty } ? [] : ["\(path): matches no anyOf"]
        }
        var types: [String] = []
        if let type = schema["type"]?.string { types = [type] }
        if let list = schema["type"]?.arrayValue { types = list.compactMap(\.string) }
        guard types.contains(where: { Self.matches(value, $0) }) else {
            return ["\(path): \(value) is not \(types.joined(separator: " or "))"]
        }
        if let values = schema["enum"]?.arrayValue, !values.contains(value) {
            return ["\(path): \(value) is not one of \(values)"]
        }
        if case .string(let text) = value, let format = schema["format"]?.string, !Self.has(format, text) {
            return ["\(path): «\(text)» is not a \(format)"]
        }
        var found: [String] = []
        if case .object(let fields) = value {
            let properties = schema["properties"]?.objectValue ?? [:]
            for name in schema["required"]?.arrayValue?.compactMap(\.string) ?? [] where fields[name] == nil {
                found.append("\(path).\(name): required, missing")
            }
            for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
                if let property = properties[name] {
                    found += problems(field, property, at: path + "." + name)
                } else if let extra = schema["additionalProperties"] {
                    if extra == .bool(false) {
                        found.append("\(path).\(name): not declared")
                    } else if extra != .bool(true) {
                        found += problems(field, extra, at: path + "." + name)
                    }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { found += problems(item, itemSchema, at: path + "[\(i)]") }
        }
        return found
    }

    static func matches(_ value: AnyJSON, _ type: String) -> Bool {
        switch (value, type) {
        case (.null, "null"), (.bool, "boolean"), (.int, "integer"), (.int, "number"), (.double, "number"),
            (.string, "string"), (.array, "array"), (.object, "object"):
            true
        default: false
        }
    }

    static func has(_ format: String, _ text: String) -> Bool {
        switch format {
        case "uuid": return UUID(uuidString: text) != nil
        case "date": return text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
        case "date-time": return ISO8601DateFormatter().date(from: text) != nil
        default: return true
        }
    }
}
