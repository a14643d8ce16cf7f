import Domain
import Foundation

public struct Column: Sendable {
    public var title: String
    public var sortKey: String?
    public init(_ title: String, sort: String? = nil) {
        self.title = title
        self.sortKey = sort
    }
}
