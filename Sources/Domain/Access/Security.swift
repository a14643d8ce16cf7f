import Foundation

/// Login throttling (issue 2): after `limit` failed logins for one account within `window`,
/// further attempts for that account are refused until the oldest failure leaves the window.
public struct LoginThrottle: Sendable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int = 10, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// When the account may try again, or nil when it may try now.
    public func blockedUntil(failures: [Date], now: Date) -> Date? {
        let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
        guard recent.count >= limit else { return nil }
        return recent[recent.count - limit].addingTimeInterval(window)
    }
}

/// Password rules for accounts.
public enum PasswordRules {
    public static let hint = "Не короче 10 символов, из разных знаков."
    public static func check(_ password: String, field: String = "password") -> FieldErrors {
        var errors = FieldErrors()
        if password.count < 10 {
            errors.add(field, "Пароль должен быть не короче 10 символов.")
        } else if password.count > 128 {
            errors.add(field, "Пароль должен быть не длиннее 128 символов.")
        } else if Set(password).count < 4 {
            errors.add(field, "Пароль слишком простой: используйте разные символы.")
        }
        return errors
    }
}

/// Session lifetimes.
public struct SessionPolicy: Sendable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval

    public init(idleTimeout: TimeInterval = 2 * 3600, absoluteTimeout: TimeInterval = 12 * 3600) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    public func isAlive(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) < idleTimeout && now.timeIntervalSince(createdAt) < absoluteTimeout
    }
}
