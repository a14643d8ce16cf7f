import Domain
import Foundation

/// Form values: one or several strings per field name.
public struct FormValues: Sendable {
    public var values: [String: [String]]
    public init(_ values: [String: [String]] = [:]) { self.values = values }
    public init(single: [String: String]) { self.values = single.mapValues { [$0] } }
    public subscript(name: String) -> String? {
        get { values[name]?.first }
        set { values[name] = newValue.map { [$0] } }
    }
    public func all(_ name: String) -> [String] { values[name] ?? [] }
}
