import Domain
import Foundation

public struct Crumb: Sendable {
    public var title: String
    public var url: String?
    public init(_ title: String, _ url: String? = nil) {
        self.title = title
        self.url = url
    }
}
