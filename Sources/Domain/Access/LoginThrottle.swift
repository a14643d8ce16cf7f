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
