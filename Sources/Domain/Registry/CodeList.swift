import Foundation

/// Codes stored joined by «;».
public enum CodeList {
    public static func decode<T: RawRepresentable>(_ stored: String, as: T.Type) -> [T] where T.RawValue == String {
        stored.split(separator: ";").compactMap { T(rawValue: String($0)) }
    }
    public static func encode<T: RawRepresentable>(_ list: [T]) -> String where T.RawValue == String {
        list.map(\.rawValue).joined(separator: ";")
    }
}
