import Foundation

/// What the clash rules need to know around a change (`issue 4`: a teacher, a room or a student may not be in two
/// places at once; the home school's busy time and travel between centres are warnings).
public struct TimetableContext: Sendable {
    /// Lessons already scheduled (not cancelled) that may meet the proposed ones: the same teachers, rooms, groups,
    /// and the other groups of the students.
    public var existing: [TimetableLesson]
    /// The students of each group among the proposed and existing lessons' groups.
    public var members: [UUID: [TimetableStudent]]
    public var busy: [BusySlot]
    public var travel: [TravelTime]
    public var holidays: [HolidayPeriod]
    /// Whether the one who asks may learn which group (of which centre) a student of which school attends
    /// (`AccessPolicy` `.groupStudent`); when not, a clash says only «в другой группе сети».
    public var reveal: @Sendable (_ centerID: UUID, _ schoolID: UUID) -> Bool
    public init(
        existing: [TimetableLesson], members: [UUID: [TimetableStudent]], busy: [BusySlot] = [],
        travel: [TravelTime] = [],
        holidays: [HolidayPeriod] = [], reveal: @escaping @Sendable (UUID, UUID) -> Bool = { _, _ in true }
    ) {
        self.existing = existing
        self.members = members
        self.busy = busy
        self.travel = travel
        self.holidays = holidays
        self.reveal = reveal
    }
}
