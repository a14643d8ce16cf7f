import Foundation

public enum ClashRules {
    /// Every clash and warning of the proposed lessons against the existing ones and against each other. A proposed
    /// lesson with an id replaces the existing lesson of that id (a move or a substitution).
    public static func check(_ proposed: [TimetableLesson], in ctx: TimetableContext) -> [TimetableIssue] {
        let replaced = Set(proposed.compactMap(\.id))
        let others = ctx.existing.filter { $0.id.map { !replaced.contains($0) } ?? true }
        var issues: [TimetableIssue] = []
        var studentLessons: [UUID: [TimetableLesson]] = [:]
        for lesson in others {
            for member in ctx.members[lesson.groupID] ?? [] { studentLessons[member.id, default: []].append(lesson) }
        }
        let byDay = Dictionary(grouping: others, by: \.span.day)
        for (i, lesson) in proposed.enumerated() {
            let sameDay = (byDay[lesson.span.day] ?? []) + proposed[..<i].filter { $0.span.day == lesson.span.day }
            for otherLesson in sameDay where otherLesson.span.overlaps(lesson.span) {
                if otherLesson.groupID == lesson.groupID {
                    issues.append(
                        TimetableIssue(
                            kind: .group, day: lesson.span.day,
                            text: "у группы уже есть занятие в это время (\(otherLesson.span.times))"))
                }
                if let teacherID = lesson.teacherID, teacherID == otherLesson.teacherID {
                    issues.append(
                        TimetableIssue(
                            kind: .teacher, day: lesson.span.day,
                            text:
                                "педагог \(lesson.teacherName) в это время ведёт занятие группы «\(otherLesson.groupName)» "
                                + "(\(otherLesson.span.times), \(otherLesson.centerName))"
                        ))
                }
                if let roomID = lesson.roomID, roomID == otherLesson.roomID {
                    issues.append(
                        TimetableIssue(
                            kind: .room, day: lesson.span.day,
                            text:
                                "кабинет «\(lesson.roomName)» в это время занят группой «\(otherLesson.groupName)» (\(otherLesson.span.times))"
                        ))
                }
            }
            if let holiday = ctx.holidays.first(where: { $0.contains(lesson.span.day) }) {
                issues.append(
                    TimetableIssue(
                        kind: .holiday, day: lesson.span.day,
                        text: "день попадает на период «\(holiday.title)» (\(holiday.kind.title))")
                )
            }
            // A teacher working at two centres needs the travel time between lessons of one day.
            if let teacherID = lesson.teacherID {
                for otherLesson in sameDay
                where otherLesson.teacherID == teacherID && otherLesson.centerID != lesson.centerID
                    && !otherLesson.span.overlaps(lesson.span)
                {
                    if let need = travelMinutes(lesson.centerID, otherLesson.centerID, ctx.travel) {
                        let gap =
                            otherLesson.span.end <= lesson.span.start
                            ? lesson.span.start - otherLesson.span.end : otherLesson.span.start - lesson.span.end
                        if gap < need {
                            issues.append(
                                TimetableIssue(
                                    kind: .travel, day: lesson.span.day,
                                    text:
                                        "педагогу \(lesson.teacherName) не успеть из ресурсного центра \(otherLesson.centerName) (группа "
                                        + "«\(otherLesson.groupName)», \(otherLesson.span.times)): на дорогу нужно \(need) мин, "
                                        + "остаётся \(gap) мин"
                                ))
                        }
                    }
                }
            }
            let students = ctx.members[lesson.groupID] ?? []
            for student in students {
                for otherLesson in studentLessons[student.id] ?? []
                where otherLesson.groupID != lesson.groupID && otherLesson.span.day == lesson.span.day {
                    let shown = ctx.reveal(otherLesson.centerID, student.schoolID)
                    let other =
                        shown
                        ? "группе «\(otherLesson.groupName)» (\(otherLesson.span.times), \(otherLesson.centerName))"
                        : "другой группе сети (\(otherLesson.span.times))"
                    if otherLesson.span.overlaps(lesson.span) {
                        issues.append(
                            TimetableIssue(
                                kind: .student, day: lesson.span.day,
                                text: "обучающийся \(student.name) в это время занят в \(other)"))
                    } else if otherLesson.centerID != lesson.centerID,
                        let need = travelMinutes(lesson.centerID, otherLesson.centerID, ctx.travel)
                    {
                        let gap =
                            otherLesson.span.end <= lesson.span.start
                            ? lesson.span.start - otherLesson.span.end : otherLesson.span.start - lesson.span.end
                        if gap < need {
                            issues.append(
                                TimetableIssue(
                                    kind: .travel, day: lesson.span.day,
                                    text:
                                        "обучающемуся \(student.name) не успеть с занятия в \(other): на дорогу нужно "
                                        + "\(need) мин, остаётся \(gap) мин"
                                ))
                        }
                    }
                }
            }
            var busyCount: [BusySlot: Int] = [:]
            for student in students {
                for slot in ctx.busy
                where slot.schoolID == student.schoolID && slot.grade == student.grade
                    && slot.weekday == lesson.span.day.weekday
                    && slot.start < lesson.span.end && lesson.span.start < slot.end
                { busyCount[slot, default: 0] += 1 }
            }
            for (slot, count) in busyCount.sorted(by: { $0.key.schoolName < $1.key.schoolName }) {
                issues.append(
                    TimetableIssue(
                        kind: .busy, day: lesson.span.day,
                        text:
                            "у \(slot.grade) классов \(slot.schoolName) \(slot.weekday.every) своё время "
                            + "\(LessonSpan(day: lesson.span.day, start: slot.start, end: slot.end).times) — "
                            + RussianPlural.count(count, "обучающийся", "обучающихся", "обучающихся") + " группы"))
            }
        }
        return issues
    }

    static func travelMinutes(_ first: UUID, _ second: UUID, _ travel: [TravelTime]) -> Int? {
        travel.first { ($0.a == first && $0.b == second) || ($0.a == second && $0.b == first) }?.minutes
    }

    /// Issues with the same text as one line with their dates: «педагог … ведёт … — 07.09.2026, 14.09.2026 и ещё 3».
    public static func summary(_ issues: [TimetableIssue], showDates: Int = 4) -> [String] {
        var order: [String] = []
        var days: [String: [CivilDay]] = [:]
        for issue in issues {
            if days[issue.text] == nil { order.append(issue.text) }
            days[issue.text, default: []].append(issue.day)
        }
        return order.map { text in
            let issueDays = Array(Set(days[text]!)).sorted()
            var dates = issueDays.prefix(showDates).map(\.formatted).joined(separator: ", ")
            if issueDays.count > showDates { dates += " и ещё \(issueDays.count - showDates)" }
            return dates + ": " + text + "."
        }
    }
}
