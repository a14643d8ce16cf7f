import Foundation

/// The ranked distribution: one seeded lottery order; in turn, each student gets the highest-ranked chosen course
/// with a free place (in rounds, when a student may get more than one course); the unplaced join the waiting list of
/// their highest-ranked course not given, in lottery order. Same inputs and seed, same result.
public enum Allocation {
    public struct Applicant: Sendable, Equatable {
        public var id: UUID
        /// Chosen groups, most wanted first.
        public var choices: [UUID]
        public init(id: UUID, choices: [UUID]) {
            self.id = id
            self.choices = choices
        }
    }

    public struct Result: Sendable, Equatable {
        /// The lottery order of the applicants.
        public var order: [UUID]
        /// Applicant → groups given, in the order they were given.
        public var placements: [UUID: [UUID]]
        /// Group → applicants put on its waiting list, in lottery order.
        public var waitlists: [UUID: [UUID]]
    }

    /// The lottery order: applicants sorted by id (so the input order does not matter), then shuffled by the seed.
    public static func lotteryOrder(_ ids: [UUID], seed: UInt64) -> [UUID] {
        var rng = SplitMix64(seed: seed)
        return ids.sorted { $0.uuidString < $1.uuidString }.shuffled(using: &rng)
    }

    public static func run(applicants: [Applicant], free: [UUID: Int], maxCourses: Int, seed: UInt64) -> Result {
        let byID = Dictionary(applicants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let order = lotteryOrder(Array(byID.keys), seed: seed)
        var free = free
        var placements: [UUID: [UUID]] = [:]
        for _ in 0..<max(1, maxCourses) {
            for id in order {
                guard let applicant = byID[id] else { continue }
                let mine = placements[id] ?? []
                guard mine.count < maxCourses else { continue }
                if let groupID = applicant.choices.first(where: { !mine.contains($0) && (free[$0] ?? 0) > 0 }) {
                    free[groupID, default: 0] -= 1
                    placements[id, default: []].append(groupID)
                }
            }
        }
        var waitlists: [UUID: [UUID]] = [:]
        for id in order {
            guard let applicant = byID[id], (placements[id]?.count ?? 0) < maxCourses else { continue }
            let mine = placements[id] ?? []
            if let groupID = applicant.choices.first(where: { !mine.contains($0) }) {
                waitlists[groupID, default: []].append(id)
            }
        }
        return Result(order: order, placements: placements, waitlists: waitlists)
    }
}
