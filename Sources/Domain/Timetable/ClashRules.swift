import Foundation

public enum ClashRules {
    /// Every clash and warning of the proposed lessons against the existing ones and against each other. A proposed
    /// lesson with an id replaces the existing lesson of that id (a move or a substitution).
    public static func check(_ proposed: [TimetableLesson], in ctx: TimetableContext) -> [TimetableIssue] {
        let replaced = Set(proposed.compactMap(\.id))
        let others = ctx.existing.filter { $0.id.map { !replaced.contains($0) } ?? true }
        var issues: [TimetableIssue] = []
        var studentLessons: [UUID: [TimetableLesson]] = [:]
        for l in others { for s in ctx.members[l.groupID] ?? [] { studentLessons[s.id, default: []].append(l) } }
        let byDay = Dictionary(grouping: others, by: \.span.day)
        for (i, p) in proposed.enumerated() {
            let sameDay = (byDay[p.span.day] ?? []) + proposed[..<i].filter { $0.span.day == p.span.day }
            for o in sameDay where o.span.overlaps(p.span) {
                if o.groupID == p.groupID {
                    issues.append(
                        TimetableIssue(
                            kind: .group, day: p.span.day,
                            text: "у группы уже есть занятие в это время (\(o.span.times))"))
                }
                if let t = p.teacherID, t == o.teacherID {
                    issues.append(
                        TimetableIssue(
                            kind: .teacher, day: p.span.day,
                            text:
                                "педагог \(p.teacherName) в это время ведёт занятие группы «\(o.groupName)» "
                                + "(\(o.span.times), \(o.centerName))"
                        ))
                }
                if let r = p.roomID, r == o.roomID {
                    issues.append(
                        TimetableIssue(
                            kind: .room, day: p.span.day,
                            text: "кабинет «\(p.roomName)» в это время занят группой «\(o.groupName)» (\(o.span.times))"
                        ))
                }
            }
            if let h = ctx.holidays.first(where: { $0.contains(p.span.day) }) {
                issues.append(
                    TimetableIssue(
                        kind: .holiday, day: p.span.day, text: "день попадает на период «\(h.title)» (\(h.kind.title))")
                )
            }
            // A teacher working at two centres needs the travel time between lessons of one day.
            if let t = p.teacherID {
                for o in sameDay where o.teacherID == t && o.centerID != p.centerID && !o.span.overlaps(p.span) {
                    if let need = travelMinutes(p.centerID, o.centerID, ctx.travel) {
                        let gap = o.span.end <= p.span.start ? p.span.start - o.span.end : o.span.start - p.span.end
                        if gap < need {
                            issues.append(
                                TimetableIssue(
                                    kind: .travel, day: p.span.day,
                                    text:
                                        "педагогу \(p.teacherName) не успеть из «\(o.centerName)» (группа "
                                        + "«\(o.groupName)», \(o.span.times)): на дорогу нужно \(need) мин, "
                                        + "остаётся \(gap) мин"
                                ))
                        }
                    }
                }
            }
            let students = ctx.members[p.groupID] ?? []
            for s in students {
                for o in studentLessons[s.id] ?? [] where o.groupID != p.groupID && o.span.day == p.span.day {
                    let shown = ctx.reveal(o.centerID, s.schoolID)
                    let other =
                        shown
                        ? "группе «\(o.groupName)» (\(o.span.times), \(o.centerName))"
                        : "другой группе сети (\(o.span.times))"
                    if o.span.overlaps(p.span) {
                        issues.append(
                            TimetableIssue(
                                kind: .student, day: p.span.day,
                                text: "обучающийся \(s.name) в это время занят в \(other)"))
                    } else if o.centerID != p.centerID, let need = travelMinutes(p.centerID, o.centerID, ctx.travel) {
                        let gap = o.span.end <= p.span.start ? p.span.start - o.span.end : o.span.start - p.span.end
                        if gap < need {
                            issues.append(
                                TimetableIssue(
                                    kind: .travel, day: p.span.day,
                                    text:
                                        "обучающемуся \(s.name) не успеть с занятия в \(other): на дорогу нужно "
                                        + "\(need) мин, остаётся \(gap) мин"
                                ))
                        }
                    }
                }
            }
            var busyCount: [BusySlot: Int] = [:]
            for s in students {
                for b in ctx.busy
                where b.schoolID == s.schoolID && b.grade == s.grade && b.weekday == p.span.day.weekday
                    && b.start < p.span.end && p.span.start < b.end
                { busyCount[b, default: 0] += 1 }
            }
            for (b, n) in busyCount.sorted(by: { $0.key.schoolName < $1.key.schoolName }) {
                issues.append(
                    TimetableIssue(
                        kind: .busy, day: p.span.day,
                        text:
                            "у \(b.grade) классов \(b.schoolName) \(b.weekday.every) своё время "
                            + "\(LessonSpan(day: p.span.day, start: b.start, end: b.end).times) — "
                            + RussianPlural.count(n, "обучающийся", "обучающихся", "обучающихся") + " группы"))
            }
        }
        return issues
    }

    static func travelMinutes(_ a: UUID, _ b: UUID, _ travel: [TravelTime]) -> Int? {
        travel.first { ($0.a == a && $0.b == b) || ($0.a == b && $0.b == a) }?.minutes
    }

    /// Issues with the same text as one line with their dates: «педагог … ведёт … — 07.09.2026, 14.09.2026 и ещё 3».
    public static func summary(_ issues: [TimetableIssue], showDates: Int = 4) -> [String] {
        var order: [String] = []
        var days: [String: [CivilDay]] = [:]
        for i in issues {
            if days[i.text] == nil { order.append(i.text) }
            days[i.text, default: []].append(i.day)
        }
        return order.map { text in
            let d = Array(Set(days[text]!)).sorted()
            var dates = d.prefix(showDates).map(\.formatted).joined(separator: ", ")
            if d.count > showDates { dates += " и ещё \(d.count - showDates)" }
            return dates + ": " + text + "."
        }
    }
}
