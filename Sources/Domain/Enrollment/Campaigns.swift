import Foundation

/// Enrolment campaigns and individual curricula (ИУП), issue 3 «Applications».
public enum CampaignMode: String, CaseIterable, Codable, Sendable {
    /// The seat is held at submission; freed if the guardian or school refuses or does not confirm in time.
    case firstCome = "first_come"
    /// Nothing is decided until the coordinator distributes the places after the window closes (seeded lottery).
    case ranked

    public var title: String {
        switch self {
        case .firstCome: "в порядке подачи заявок"
        case .ranked: "по приоритетам с жеребьёвкой после закрытия"
        }
    }
}

public enum ApplicationState: String, CaseIterable, Codable, Sendable {
    /// Submitted; waiting for the guardian's agreement and/or the school's confirmation.
    case submitted
    /// Agreed by the guardian and confirmed by the school.
    case confirmed
    /// Refused by the guardian or the school, cancelled by the applicant, or not confirmed in time: held seats freed.
    case refused, cancelled, expired
    /// Ranked mode, after distribution: seats given (or waiting places taken) by the lottery.
    case distributed

    public var title: String {
        switch self {
        case .submitted: "ждёт подтверждения"
        case .confirmed: "подтверждена"
        case .refused: "отклонена"
        case .cancelled: "отозвана"
        case .expired: "не подтверждена в срок"
        case .distributed: "распределена"
        }
    }

    /// States in which the application still holds or may hold places.
    public var isLive: Bool { self == .submitted || self == .confirmed || self == .distributed }
}

/// A reproducible pseudo-random sequence (SplitMix64): the same seed always gives the same lottery.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The ranked distribution: one seeded lottery order; in turn, each student gets the highest-ranked chosen course
/// with a free place (in rounds, when a student may get more than one course); the unplaced join the waiting list of
/// their highest-ranked course not given, in lottery order. Same inputs and seed, same result.
public enum Allocation {
    public struct Applicant: Sendable, Equatable {
        public var id: UUID
        /// Chosen groups, most wanted first.
        public var choices: [UUID]
        public init(id: UUID, choices: [UUID]) { self.id = id; self.choices = choices }
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
                guard let a = byID[id] else { continue }
                let mine = placements[id] ?? []
                guard mine.count < maxCourses else { continue }
                if let g = a.choices.first(where: { !mine.contains($0) && (free[$0] ?? 0) > 0 }) {
                    free[g, default: 0] -= 1
                    placements[id, default: []].append(g)
                }
            }
        }
        var waitlists: [UUID: [UUID]] = [:]
        for id in order {
            guard let a = byID[id], (placements[id]?.count ?? 0) < maxCourses else { continue }
            let mine = placements[id] ?? []
            if let g = a.choices.first(where: { !mine.contains($0) }) { waitlists[g, default: []].append(id) }
        }
        return Result(order: order, placements: placements, waitlists: waitlists)
    }
}

/// Checks of a campaign's settings and of an ИУП's choices, with the Russian messages shown next to the fields.
public enum CampaignRules {
    public static func validateWindow(opens: Date?, closes: Date?, errors: inout FieldErrors) {
        if let opens, let closes, closes <= opens { errors.add("closesOn", "Приём заявок должен закрываться позже, чем открывается.") }
    }

    /// The ranked list of chosen groups: no repeats, at least one, no more than the campaign allows to rank.
    public static func validateChoices(_ choices: [UUID?], allowed: Set<UUID>, maxChoices: Int, errors: inout FieldErrors) -> [UUID] {
        var out: [UUID] = []
        for (i, c) in choices.enumerated() {
            guard let c else { continue }
            if !allowed.contains(c) { errors.add("choice\(i + 1)", "Этот курс недоступен в этой кампании для вашего класса."); continue }
            if out.contains(c) { errors.add("choice\(i + 1)", "Этот курс уже выбран выше."); continue }
            out.append(c)
        }
        if out.isEmpty && errors["choice1"] == nil { errors.add("choice1", "Выберите хотя бы один курс.") }
        if out.count > maxChoices { errors.add("choice\(maxChoices + 1)", "Можно выбрать не больше \(maxChoices).") }
        return out
    }

    /// How many courses a student may rank: a few more than they may get, so that a full group is no dead end.
    public static func choiceSlots(maxCourses: Int) -> Int { min(5, maxCourses + 2) }
}
