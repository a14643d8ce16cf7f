import Domain
import Vapor

/// The process's `VerificationThrottle` (the rule is Domain's), shared by the verification page and its API.
actor VerifyThrottle {
    static let message = VerificationThrottle.message
    private var rule: VerificationThrottle

    init(limit: Int = 30, failureLimit: Int = 600) {
        rule = VerificationThrottle(perAddress: limit, failureLimit: failureLimit)
    }

    /// The address a request counts against.
    nonisolated static func key(_ req: Request) -> String {
        VerificationThrottle.key(address: req.clientAddress?.description ?? "?")
    }

    func failed(now: Date = Date()) { rule.failed(now: now) }

    func allow(_ key: String, now: Date = Date()) -> Bool { rule.allow(key, now: now) }
}

struct VerifyThrottleKey: StorageKey { typealias Value = VerifyThrottle }

extension Application {
    var verifyThrottle: VerifyThrottle {
        if let throttle = storage[VerifyThrottleKey.self] { return throttle }
        let throttle = VerifyThrottle()
        storage[VerifyThrottleKey.self] = throttle
        return throttle
    }
}
