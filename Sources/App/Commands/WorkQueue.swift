import AsyncHTTPClient
import Documents
import Domain
import Fluent
import NIOCore
import SQLKit
import Vapor

actor WorkQueue {
    private var items: [String]
    private var index = 0
    init(_ items: [String]) { self.items = items }
    func next() -> String? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}
