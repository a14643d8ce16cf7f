import Foundation

/// Limits the public verification of certificates (issue 4), beside the login throttle: `perAddress` checks a minute
/// from one address (an IPv6 address counts by its /64 network), and at most `failureLimit` failed checks a minute
/// from everyone together, so that codes cannot be guessed by spreading the guesses over addresses.
public struct VerificationThrottle: Sendable {
    public static let message = "Слишком много проверок подряд. Повторите через минуту."
    public var perAddress: Int
    public var failureLimit: Int
    public var window: TimeInterval
    private var hits: [String: [Date]] = [:]
    private var failures: [Date] = []

    public init(perAddress: Int = 30, failureLimit: Int = 600, window: TimeInterval = 60) {
        self.perAddress = perAddress
        self.failureLimit = failureLimit
        self.window = window
    }

    /// The key an address counts against: an IPv4 address itself, an IPv6 address by its first four groups.
    public static func key(address: String) -> String {
        guard address.contains(":") else { return address }
        return address.split(separator: ":", omittingEmptySubsequences: false).prefix(4).joined(separator: ":")
    }

    /// Counts a check from `key` and answers whether it may go on.
    public mutating func allow(_ key: String, now: Date) -> Bool {
        failures = failures.filter { now.timeIntervalSince($0) < window }
        if failures.count >= failureLimit { return false }
        let recent = (hits[key] ?? []).filter { now.timeIntervalSince($0) < window }
        if hits.count > 10_000 {
            hits = hits.filter { entry in entry.value.last.map { now.timeIntervalSince($0) < window } ?? false }
        }
        guard recent.count < perAddress else {
            hits[key] = recent
            return false
        }
        hits[key] = recent + [now]
        return true
    }

    /// Counts a check that named an unknown number or a wrong code.
    public mutating func failed(now: Date) {
        failures = failures.filter { now.timeIntervalSince($0) < window } + [now]
    }
}
