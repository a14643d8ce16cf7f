import Crypto
import Domain
import NIOConcurrencyHelpers
import Vapor

/// The checked rows of files seen in the last ten minutes (kept in memory only, never written anywhere), so that the
/// commit after a preview (and the preview page shown
/// again) does not read and validate the same file once more: for 100 000 rows that is most of a second. A plan is a
/// function of the file's bytes, its name (the format), the time zone and the day (dates in the future are errors),
/// which together are the key; what depends on the registry (the de-duplication, the merges) is never cached and is
/// done again under the commit's write lock. Each process keeps its own few entries: a commit that lands on another
/// process of a load-balanced deployment simply validates the file again.
final class ImportPlanCache: Sendable {
    struct Key: Hashable, Sendable {
        var digest: [UInt8]
        var fileName: String
        var zone: String
        var day: Int
    }
    private struct Entry: Sendable {
        var key: Key
        var plan: StudentImport.Plan
        var at: Date
    }

    let capacity: Int
    let lifetime: TimeInterval
    private let entries = NIOLockedValueBox<[Entry]>([])

    /// Ten minutes: enough for the preview and its commit; the plans hold children's personal data, so not longer.
    init(capacity: Int = 3, lifetime: TimeInterval = 10 * 60) {
        self.capacity = capacity
        self.lifetime = lifetime
    }

    static func key(_ data: Data, fileName: String, zone: TimeZone, now: Date = Date()) -> Key {
        Key(
            digest: Array(SHA256.hash(data: data)), fileName: fileName, zone: zone.identifier,
            day: CivilDay(now, timeZone: zone).number)
    }

    /// The cached plan for the file, or `make`'s, which is then kept (the oldest entry goes when full).
    func plan(_ data: Data, fileName: String, zone: TimeZone, now: Date = Date(), make: () throws -> StudentImport.Plan)
        rethrows -> StudentImport.Plan
    {
        let key = Self.key(data, fileName: fileName, zone: zone, now: now)
        let found: StudentImport.Plan? = entries.withLockedValue { list in
            list.removeAll { now.timeIntervalSince($0.at) > lifetime }
            return list.first { $0.key == key }?.plan
        }
        if let found { return found }
        let plan = try make()
        entries.withLockedValue { list in
            list.removeAll { $0.key == key }
            list.append(Entry(key: key, plan: plan, at: now))
            if list.count > capacity { list.removeFirst(list.count - capacity) }
        }
        return plan
    }

    var count: Int { entries.withLockedValue { $0.count } }

    /// Forgets every plan (the benchmark's commit «on another process»).
    func removeAll() { entries.withLockedValue { $0.removeAll() } }
}
