import Foundation
import NIOCore
import Views

/// Numbers of a JSON body that no field of the API holds. Every number the API reads is an `Int`; Foundation's decoder
/// reports one that does not fit (`"hours": 1e308`, `1.5`, `99999999999999999999`) as a body that is «not valid JSON»,
/// naming no field, so the body is read again here as plain JSON to find the field and say what is wrong with it.
enum JSONNumbers {
    /// A JSON value as far as its numbers matter.
    indirect enum Value: Decodable {
        case other
        case integer
        case number(Double)
        case unreadable
        case object([String: Value])
        case array([Value])

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            if var items = try? decoder.unkeyedContainer() {
                var values: [Value] = []
                while !items.isAtEnd { values.append(try items.decode(Value.self)) }
                self = .array(values)
            } else if let object = try? decoder.container(keyedBy: Key.self) {
                var values: [String: Value] = [:]
                for key in object.allKeys { values[key.stringValue] = try object.decode(Value.self, forKey: key) }
                self = .object(values)
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() || (try? single.decode(Bool.self)) != nil
                    || (try? single.decode(String.self)) != nil
                {
                    self = .other
                } else if (try? single.decode(Int.self)) != nil {
                    self = .integer
                } else if let number = try? single.decode(Double.self) {
                    self = .number(number)
                } else {
                    self = .unreadable
                }
            }
        }
    }

    /// Top-level field → what is wrong with a number in it (the path in full, as the other decoding messages name it);
    /// nil when the body is not JSON at all.
    static func problems(in body: ByteBuffer?) -> [String: String]? {
        guard let body, let value = try? JSONDecoder().decode(Value.self, from: Data(body.readableBytesView)) else {
            return nil
        }
        var found: [String: String] = [:]
        func walk(_ value: Value, _ path: String, _ top: String?) {
            switch value {
            case .other, .integer: return
            case .object(let fields):
                for (key, field) in fields { walk(field, path.isEmpty ? key : path + "." + key, top ?? key) }
            case .array(let items):
                for (i, item) in items.enumerated() { walk(item, path + "[\(i)]", top) }
            case .number(let number):
                guard let top, found[top] == nil else { return }
                found[top] =
                    number.rounded() != number
                    ? PlatformWords.Decoding.expected(field: path, PlatformWords.Decoding.integer)
                    : number > 0
                        ? PlatformWords.Decoding.tooLarge(field: path)
                        : PlatformWords.Decoding.tooSmall(field: path)
            case .unreadable:
                guard let top, found[top] == nil else { return }
                found[top] = PlatformWords.Decoding.badNumber(field: path)
            }
        }
        walk(value, "", nil)
        return found
    }
}
