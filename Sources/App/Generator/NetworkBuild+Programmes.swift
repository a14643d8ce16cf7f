import Domain
import Foundation

/// A generated group, as the journal and the results need it.
struct GeneratedGroup {
    var id: UUID
    var centre: Int
    var name: String
    var programmeTitle: String
    var teacher: GeneratedTown.Person
    var room: UUID
    /// The weekly lessons: weekday and start minute of each (one or two).
    var weekly: [(weekday: Weekday, start: Int)]
    var first: CivilDay
    var last: CivilDay
    /// The lessons' days, each with the index of its weekly lesson in `weekly`, in order.
    var lessons: [(day: CivilDay, weekly: Int)]
    var finished: Bool
    /// Indexes of the enrolled pupils in `GeneratedTown.pupils`.
    var members: [Int]
}

/// Each centre's agreed programmes (one teacher each) and their groups: a room and a weekly time that no other group of
/// the room or the teacher has, lessons on the year's school days (holidays skipped, `Recurrence`), pupils of the
/// municipality's schools enrolled since the first day, every pupil in one group at most.
extension NetworkBuild {
    /// Afternoon starts of the three lesson times (two academic hours each, `LessonLength`).
    static let lessonStarts = [15 * 60, 16 * 60 + 50, 18 * 60 + 40]

    func programmes(_ town: inout GeneratedTown) async throws {
        var rng = random(town.index, 3)
        var nextPupil = 0
        let kinds: [ProgramKind] = [.profile, .olympiad, .project]
        for (c, centre) in town.centres.enumerated() {
            let school = town.schools[centre.school]
            for (p, teacher) in centre.teachers.enumerated() {
                let subject = town.subjects[centre.subjects[p % centre.subjects.count]]
                let titles = NetworkNames.courses[subject.name] ?? [NetworkNames.capitalized(subject.name)]
                let round = p / centre.subjects.count
                let title =
                    titles[round % titles.count] + (round < titles.count ? "" : " (поток \(round / titles.count + 1))")
                let programmeID = rng.uuid()
                let groupRange =
                    (p * scale.groupsPerProgramme)..<min((p + 1) * scale.groupsPerProgramme, scale.groupsPerCentre)
                var groups: [GeneratedGroup] = []
                for g in groupRange {
                    var group = plannedGroup(
                        g, centre: c, teacher: teacher, subject: subject.name, title: title, town: town)
                    group.id = rng.uuid()
                    let size = scale.enrolledPerGroup - rng.below(min(3, scale.enrolledPerGroup))
                    group.members = Array(nextPupil..<nextPupil + size)
                    nextPupil += size
                    groups.append(group)
                }
                let kind = kinds[p % kinds.count]
                let target = kind == .olympiad ? "подготовка к муниципальному и региональному этапам олимпиады" : nil
                try await rows.add(
                    "network_programs",
                    [
                        .uuid(programmeID), .uuid(school.id), .uuid(town.yearID), .text(title), .text(kind.rawValue),
                        .uuid(subject.id), .text(nil), .text(target), .int(p % 3 == 0 ? 8 : 9), .int(11),
                        .int(groups.map { $0.lessons.count * 2 }.max() ?? GroupRules.defaultHours),
                        .text(StudyForm.fullTime.rawValue),
                        .text("Вводный модуль — 8\nОсновной курс — 40\nИтоговый проект — 16"),
                        .text("Сетевой курс ресурсного центра для старшеклассников школ муниципалитета."),
                        .text("Участие в олимпиадах и конкурсах, готовый проект или исследование."),
                        .text(ProgramApproval.agreed.rawValue), .text(TextKey.search(title, school.shortName, target)),
                        .text(TextKey.sort(title)), .text(RecordStatus.active.rawValue), .int(1),
                    ])
                try await rows.add("program_teachers", [.uuid(rng.uuid()), .uuid(programmeID), .uuid(teacher.id)])
                for group in groups {
                    try await rows.add(
                        "study_groups",
                        [
                            .uuid(group.id), .uuid(programmeID), .uuid(school.id), .uuid(town.yearID),
                            .text(group.name),
                            .text(TextKey.search(group.name)), .int(scale.groupCapacity), .int(group.members.count),
                            .int(0), .int(group.lessons.count * 2), .uuid(teacher.id), .uuid(group.room),
                            .date(group.first.date(timeZone: zone)), .date(group.last.date(timeZone: zone)),
                            .bool(!group.finished), .text(RecordStatus.active.rawValue), .int(1),
                        ])
                    let since = moment(group.first, minute: 0)
                    for member in group.members {
                        try await rows.add(
                            "enrollments",
                            [
                                .uuid(rng.uuid()), .uuid(town.pupils[member].id), .uuid(group.id),
                                .text(EnrollmentStatus.enrolled.rawValue), .date(since), .date(since),
                                .text(EnrollmentSource.list.rawValue),
                            ])
                    }
                    summary.enrollments += group.members.count
                }
                town.groups += groups
                summary.groups += groups.count
            }
        }
    }

    /// Group `g` of a centre: its weekly time (slot `g` of the week), its room (one per `slotsPerWeek` groups), its
    /// dates and lesson days. Every `finishedEvery`-th group is an autumn module that ended a week before today.
    private func plannedGroup(
        _ g: Int, centre: Int, teacher: GeneratedTown.Person, subject: String, title: String, town: GeneratedTown
    ) -> GeneratedGroup {
        let slot = g % slotsPerWeek
        let time = Self.lessonStarts[slot % 3]
        let day = slot / 3
        let weekdays = scale.lessonsPerWeek == 1 ? [day + 1] : [day + 1, day + 4]
        let weekly = weekdays.map { (weekday: Weekday(rawValue: $0)!, start: time) }
        var last = yearEnd
        var finished = false
        if g % scale.finishedEvery == scale.finishedEvery - 1 {
            let moduleEnd = min(yearStart.adding(days: 55), plan.today.adding(days: -7))
            if moduleEnd >= yearStart.adding(days: 13) {
                last = moduleEnd
                finished = true
            }
        }
        var lessons: [(day: CivilDay, weekly: Int)] = []
        for (w, lesson) in weekly.enumerated() {
            let pattern = WeeklyPattern(
                weekday: lesson.weekday, start: ClockTime(minutes: lesson.start), hours: 2, from: yearStart, to: last)
            lessons += Recurrence.days(pattern, holidays: town.holidays).days.map { ($0, w) }
        }
        lessons.sort { $0.day < $1.day }
        return GeneratedGroup(
            id: UUID(), centre: centre, name: "\(NetworkNames.capitalized(subject))-\(g + 1)", programmeTitle: title,
            teacher: teacher, room: town.centres[centre].rooms[g / slotsPerWeek], weekly: weekly, first: yearStart,
            last: last, lessons: lessons, finished: finished, members: [])
    }
}
