import Domain
import Foundation
import Testing

@Suite struct VerificationThrottleTests {
    static let now = Date(timeIntervalSince1970: 1_788_000_000)

    @Test func anAddressGetsItsShareAMinuteAndAgainAfterIt() {
        var throttle = VerificationThrottle(perAddress: 3, failureLimit: 100)
        var allowed = 0
        for _ in 0..<3 where throttle.allow("10.0.0.1", now: Self.now) { allowed += 1 }
        #expect(allowed == 3)
        let fourth = throttle.allow("10.0.0.1", now: Self.now)
        let another = throttle.allow("10.0.0.2", now: Self.now)
        let aMinuteLater = throttle.allow("10.0.0.1", now: Self.now.addingTimeInterval(61))
        #expect(!fourth && another && aMinuteLater)
    }

    @Test func failuresFromEveryoneTogetherStopEveryone() {
        var throttle = VerificationThrottle(perAddress: 100, failureLimit: 2)
        throttle.failed(now: Self.now)
        throttle.failed(now: Self.now)
        let now = throttle.allow("10.0.0.9", now: Self.now)
        let aMinuteLater = throttle.allow("10.0.0.9", now: Self.now.addingTimeInterval(61))
        #expect(!now && aMinuteLater)
    }

    @Test(arguments: [
        ("192.0.2.7", "192.0.2.7"), ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2"), ("2001:db8:1:2::9", "2001:db8:1:2"),
    ])
    func anIPv6AddressCountsByItsNetwork(address: String, key: String) {
        #expect(VerificationThrottle.key(address: address) == key)
    }
}
