import Foundation

/// A rule was broken: the Russian reason and, where it concerns fields, which.
public struct ValidationFailure: Error, Sendable {
    public var reason: String
    public var fields: FieldErrors
    public init(reason: String = "Проверьте выделенные поля.", fields: FieldErrors) {
        self.reason = reason
        self.fields = fields
    }
}
