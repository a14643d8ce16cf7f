import Domain
import Foundation

/// The timetable and the journal: each group's weekly lessons (`lesson_patterns`) and their lessons on school days,
/// and for every lesson before today its record (topic, hours, who marked it) and a mark for each enrolled pupil.
extension NetworkBuild {
    func journal(_ town: inout GeneratedTown) async throws {
        var rng = random(town.index, 4)
        let created = moment(yearStart.adding(days: -3))
        for (index, group) in town.groups.enumerated() {
            let centre = town.centres[group.centre]
            var patterns: [UUID] = []
            for lesson in group.weekly {
                let id = rng.uuid()
                try await rows.add(
                    "lesson_patterns",
                    [
                        .uuid(id), .uuid(group.id), .int(lesson.weekday.rawValue), .int(lesson.start), .int(2),
                        .uuid(group.room), .int(group.first.number), .int(group.last.number), .date(created),
                        .text(centre.head.name),
                    ])
                patterns.append(id)
            }
            // A few pupils of each group come irregularly; the rest miss a lesson now and then.
            let irregular = group.members.map { _ in rng.chance(12) }
            var attendance = [StudentAttendance](repeating: StudentAttendance(), count: group.members.count)
            var marked = 0
            for lesson in group.lessons {
                let start = group.weekly[lesson.weekly].start
                let lessonID = rng.uuid()
                try await rows.add(
                    "lessons",
                    [
                        .uuid(lessonID), .uuid(group.id), .uuid(patterns[lesson.weekly]), .int(lesson.day.number),
                        .int(start), .int(start + LessonLength.minutes(hours: 2)), .int(2), .uuid(group.room),
                        .uuid(group.teacher.id), .text(LessonStatus.scheduled.rawValue), .int(1), .date(created),
                    ])
                summary.lessons += 1
                guard lesson.day < plan.today else { continue }
                marked += 1
                try await rows.add(
                    "lesson_records",
                    [
                        .uuid(rng.uuid()), .uuid(lessonID),
                        .text("Занятие \(marked). " + NetworkNames.topics[(marked - 1) % NetworkNames.topics.count]),
                        .int(2), .date(moment(lesson.day, minute: start + LessonLength.minutes(hours: 2) + 5)),
                        .text(group.teacher.name), .int(1),
                    ])
                for (j, member) in group.members.enumerated() {
                    let roll = rng.below(100)
                    let status: AttendanceStatus =
                        irregular[j]
                        ? (roll < 45 ? .absent : roll < 55 ? .excused : .present)
                        : (roll < 4 ? .absent : roll < 9 ? .excused : .present)
                    try await rows.add(
                        "attendance_marks",
                        [.uuid(rng.uuid()), .uuid(lessonID), .uuid(town.pupils[member].id), .text(status.rawValue)])
                    attendance[j].add(status, hours: 2)
                }
                summary.marks += group.members.count
            }
            if group.finished { town.attendance[index] = attendance }
        }
    }
}
