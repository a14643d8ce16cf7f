import Domain
import Fluent
import Vapor
import Views

/// The one-time token for first-run setup, printed by `serve` when the database has no users.
final class SetupTokenBox: @unchecked Sendable {
    private let lock = NSLock()
    private var token: String?
    var value: String? {
        get { lock.withLock { token } }
        set { lock.withLock { token = newValue } }
    }
}

struct SetupTokenKey: StorageKey { typealias Value = SetupTokenBox }

extension Application {
    var setupToken: String? {
        get { storage[SetupTokenKey.self]?.value }
        set { storage[SetupTokenKey.self]?.value = newValue }
    }
}
