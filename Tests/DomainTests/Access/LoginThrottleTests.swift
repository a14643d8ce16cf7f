import Domain
import Foundation
import Testing

@Suite struct LoginThrottleTests {
    static let now = Date(timeIntervalSince1970: 1_788_000_000)
    static let throttle = LoginThrottle()

    /// `count` failures `every` seconds apart, the latest `minutesAgo`, for the accounts and addresses given by
    /// position.
    static func failures(
        _ count: Int, account: (Int) -> String = { _ in "metod" }, address: (Int) -> String = { _ in "A" },
        minutesAgo: Double = 1, every: Double = 60
    ) -> [LoginThrottle.Failure] {
        (0..<count).map {
            .init(
                account: account($0), address: address($0),
                at: now.addingTimeInterval(-60 * minutesAgo - every * Double($0)))
        }
    }

    typealias Case = (name: String, failures: [LoginThrottle.Failure], decision: LoginThrottle.Decision)

    static let cases: [Case] = [
        ("nothing recorded", [], .check(delay: 0)),
        ("nine from this address", failures(9), .check(delay: 8)),
        // the oldest of the ten is ten minutes old: the address may try again in five
        ("ten from this address", failures(10), .refuse(until: now.addingTimeInterval(5 * 60))),
        ("ten from another address", failures(10, address: { _ in "B" }), .check(delay: 8)),
        ("ten from ten addresses", failures(10, address: { "B\($0)" }), .check(delay: 8)),
        ("ten old ones", failures(10, minutesAgo: 16), .check(delay: 0)),
        ("others' guesses elsewhere", failures(40, account: { "user\($0)" }, address: { _ in "B" }), .check(delay: 0)),
        ("29 accounts sprayed from here", failures(29, account: { "user\($0)" }, every: 20), .check(delay: 0)),
        (
            "30 accounts sprayed from here", failures(30, account: { "user\($0)" }, minutesAgo: 0, every: 20),
            .refuse(until: now.addingTimeInterval(-29 * 20 + 15 * 60))
        ),
        ("5 from here and 5 elsewhere", failures(5) + failures(5, address: { _ in "B" }), .check(delay: 8)),
    ]

    @Test(arguments: cases)
    func anAttemptAtMetodFromA(_ example: Case) {
        let decision = Self.throttle.decide(account: "metod", address: "A", failures: example.failures, now: Self.now)
        #expect(decision == example.decision, "\(example.name)")
    }

    @Test(arguments: [(0, 0.0), (4, 0), (5, 1), (6, 2), (7, 4), (8, 8), (9, 8), (100, 8)])
    func theAccountsWaitGrowsWithItsFailures(failures: Int, seconds: Double) {
        #expect(Self.throttle.delay(accountFailures: failures) == seconds)
    }

    @Test func theDefaultsAreTheDocumentedOnes() {
        let throttle = LoginThrottle()
        #expect(throttle.pairLimit == 10 && throttle.addressLimit == 30 && throttle.window == 15 * 60)
        #expect(throttle.freeFailures == 5 && throttle.firstDelay == 1 && throttle.maxDelay == 8)
    }
}
