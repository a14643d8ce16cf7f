import Foundation

/// Login throttling (issue 19): slows guessing without handing anyone a way to lock an account out.
///
/// Decided from the failed logins recorded within `window` (15 minutes):
/// - one account from one source address: after `pairLimit` (10) failures that address may not try that account
///   again until the oldest of them leaves the window;
/// - one source address across all accounts (spraying): after `addressLimit` (30) failures the address is refused
///   for every account, likewise;
/// - one account from every address together: never a refusal — the owner, from an address with no failures of its
///   own, always gets the password checked — but a wait before the answer: none for the first `freeFailures` (5),
///   then `firstDelay` (1 s) doubling with each further failure up to `maxDelay` (8 s).
public struct LoginThrottle: Sendable, Hashable {
    public var pairLimit: Int
    public var addressLimit: Int
    public var window: TimeInterval
    public var freeFailures: Int
    public var firstDelay: TimeInterval
    public var maxDelay: TimeInterval

    public init(
        pairLimit: Int = 10, addressLimit: Int = 30, window: TimeInterval = 15 * 60, freeFailures: Int = 5,
        firstDelay: TimeInterval = 1, maxDelay: TimeInterval = 8
    ) {
        self.pairLimit = pairLimit
        self.addressLimit = addressLimit
        self.window = window
        self.freeFailures = freeFailures
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
    }

    /// One failed login: the (normalised) account name tried and the source address's throttle key.
    public struct Failure: Sendable, Hashable {
        public var account: String
        public var address: String
        public var at: Date

        public init(account: String, address: String, at: Date) {
            self.account = account
            self.address = address
            self.at = at
        }
    }

    public enum Decision: Sendable, Hashable {
        /// Check the password after waiting this many seconds.
        case check(delay: TimeInterval)
        /// Check nothing; the address may try again at this moment.
        case refuse(until: Date)
    }

    /// What to do with an attempt at `account` from `address`, given the failures recorded for that account or from
    /// that address (others are ignored, so are those outside the window).
    public func decide(account: String, address: String, failures: [Failure], now: Date) -> Decision {
        let recent = failures.filter { now.timeIntervalSince($0.at) < window }
        let fromAddress = recent.filter { $0.address == address }
        let pair = fromAddress.filter { $0.account == account }
        let until = [
            blockedUntil(failures: pair.map(\.at), limit: pairLimit, now: now),
            blockedUntil(failures: fromAddress.map(\.at), limit: addressLimit, now: now),
        ].compactMap { $0 }.max()
        if let until { return .refuse(until: until) }
        return .check(delay: delay(accountFailures: recent.filter { $0.account == account }.count))
    }

    /// The wait before checking a password of an account with this many recent failures (from all addresses).
    public func delay(accountFailures count: Int) -> TimeInterval {
        guard count >= freeFailures, firstDelay > 0 else { return 0 }
        let doublings = min(count - freeFailures, 30)
        return min(maxDelay, firstDelay * Double(1 << doublings))
    }

    /// A plain limit on one key (one address guessing invitation codes): after `limit` (by default `pairLimit`)
    /// failures within the window, refused until the oldest of them leaves it; nil when it may try now.
    public func blockedUntil(failures: [Date], limit: Int? = nil, now: Date) -> Date? {
        let limit = limit ?? pairLimit
        let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
        guard limit > 0, recent.count >= limit else { return nil }
        return recent[recent.count - limit].addingTimeInterval(window)
    }
}
