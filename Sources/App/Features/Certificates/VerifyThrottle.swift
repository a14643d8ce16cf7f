import Domain
import Fluent
import Vapor
import Views

/// Limits verification attempts (per process): 30 a minute per address (an IPv6 address by its /64 network), and at
/// most 600 failed checks a minute from everyone together, so codes cannot be guessed by spreading over addresses.
actor VerifyThrottle {
    static let message = "Слишком много проверок подряд. Повторите через минуту."
    private var hits: [String: [Date]] = [:]
    private var failures: [Date] = []
    let limit: Int
    let failureLimit: Int
    init(limit: Int = 30, failureLimit: Int = 600) {
        self.limit = limit
        self.failureLimit = failureLimit
    }

    /// The address a request counts against.
    nonisolated static func key(_ req: Request) -> String {
        let ip = req.remoteAddress?.ipAddress ?? "?"
        guard ip.contains(":") else { return ip }
        return ip.split(separator: ":", omittingEmptySubsequences: false).prefix(4).joined(separator: ":")
    }

    func failed(now: Date = Date()) { failures = failures.filter { now.timeIntervalSince($0) < 60 } + [now] }

    func allow(_ key: String, now: Date = Date()) -> Bool {
        failures = failures.filter { now.timeIntervalSince($0) < 60 }
        if failures.count >= failureLimit { return false }
        let recent = (hits[key] ?? []).filter { now.timeIntervalSince($0) < 60 }
        if hits.count > 10_000 {
            hits = hits.filter { !$0.value.isEmpty && now.timeIntervalSince($0.value.last!) < 60 }
        }
        guard recent.count < limit else {
            hits[key] = recent
            return false
        }
        hits[key] = recent + [now]
        return true
    }
}

struct VerifyThrottleKey: StorageKey { typealias Value = VerifyThrottle }

extension Application {
    var verifyThrottle: VerifyThrottle {
        if let t = storage[VerifyThrottleKey.self] { return t }
        let t = VerifyThrottle()
        storage[VerifyThrottleKey.self] = t
        return t
    }
}
