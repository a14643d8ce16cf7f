import Foundation

/// The size of a generated network (`setka generate`): how many of each thing, nothing else. `.town` and `.region` are
/// the command's scales; tests use `.tiny` and `.tiny.scaled(by: 2)` (the same shape, twice as many schools, groups and
/// pupils per group).
struct NetworkScale: Sendable, Equatable {
    var municipalities: Int
    var schoolsPerMunicipality: Int
    var studentsPerSchool: Int
    /// Resource centres of a municipality: its first schools.
    var centresPerMunicipality: Int
    var groupsPerCentre: Int
    /// Groups of one programme (a programme has this many groups, the last one fewer).
    var groupsPerProgramme: Int
    var groupCapacity: Int
    /// Pupils enrolled in a group (at most `groupCapacity`).
    var enrolledPerGroup: Int
    /// Lessons a week of each group: 1 or 2 (two academic hours each).
    var lessonsPerWeek: Int
    /// Every `finishedEvery`-th group of a centre is a short autumn module, finished before today, with results.
    var finishedEvery: Int

    static let town = NetworkScale(
        municipalities: 1, schoolsPerMunicipality: 15, studentsPerSchool: 400, centresPerMunicipality: 4,
        groupsPerCentre: 25, groupsPerProgramme: 3, groupCapacity: 25, enrolledPerGroup: 20, lessonsPerWeek: 1,
        finishedEvery: 5)

    static let region = NetworkScale(
        municipalities: 30, schoolsPerMunicipality: 20, studentsPerSchool: 334, centresPerMunicipality: 2,
        groupsPerCentre: 84, groupsPerProgramme: 3, groupCapacity: 25, enrolledPerGroup: 20, lessonsPerWeek: 2,
        finishedEvery: 5)

    /// The smallest network with every kind of thing: two municipalities, a centre each, an ongoing and a finished group.
    static let tiny = NetworkScale(
        municipalities: 2, schoolsPerMunicipality: 3, studentsPerSchool: 12, centresPerMunicipality: 1,
        groupsPerCentre: 3, groupsPerProgramme: 2, groupCapacity: 8, enrolledPerGroup: 5, lessonsPerWeek: 1,
        finishedEvery: 2)

    /// The same shape with `factor` times the schools, groups and pupils per group (the statement-count test compares
    /// two sizes of the same data).
    func scaled(by factor: Int) -> NetworkScale {
        var scale = self
        scale.schoolsPerMunicipality *= factor
        scale.groupsPerCentre *= factor
        scale.enrolledPerGroup *= factor
        scale.groupCapacity *= factor
        return scale
    }

    static func named(_ name: String) -> NetworkScale? {
        switch name {
        case "town": .town
        case "region": .region
        case "tiny": .tiny
        default: nil
        }
    }

    var schools: Int { municipalities * schoolsPerMunicipality }
    var students: Int { schools * studentsPerSchool }
    var centres: Int { municipalities * centresPerMunicipality }
    var groups: Int { centres * groupsPerCentre }

    /// Why the scale cannot be generated (nil when it can): every enrolled pupil studies in one group only.
    var problem: String? {
        if municipalities < 1 || schoolsPerMunicipality < 1 || studentsPerSchool < 1 || groupsPerCentre < 1
            || groupsPerProgramme < 1 || finishedEvery < 1
        {
            return "Все размеры сети должны быть положительными."
        }
        if centresPerMunicipality < 1 || centresPerMunicipality > schoolsPerMunicipality {
            return "Ресурсных центров должно быть от одного до числа школ муниципалитета."
        }
        if enrolledPerGroup > groupCapacity { return "В группе не может быть больше обучающихся, чем мест." }
        if !(1...2).contains(lessonsPerWeek) { return "Занятий в неделю может быть одно или два." }
        if groupsPerProgramme > 18 / lessonsPerWeek {
            return "У педагога программы не может быть больше групп, чем времён занятий в неделю."
        }
        if centresPerMunicipality * groupsPerCentre * enrolledPerGroup > schoolsPerMunicipality * studentsPerSchool {
            return "Обучающихся муниципалитета не хватает на все группы."
        }
        return nil
    }
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed (the same network for the same seed on
/// every machine). Each part of the generator takes its own stream (`stream(_:)`), so a change in one part does not
/// move the numbers of another.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for one part, named by a small number.
    func stream(_ part: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: state ^ (part &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }

    /// A version-4 UUID made of the stream's next 128 bits.
    mutating func uuid() -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        let high = next()
        let low = next()
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: high >> (8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (8 * UInt64(i)))
        }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
