import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Academic years, holidays, schools' busy time, lessons and weekly patterns. Every name is made up.
extension World {
    /// The first and the last day of the world's current academic year.
    var yearDays: ClosedRange<CivilDay> {
        CivilDay(year.startsOn, timeZone: zone)...CivilDay(year.endsOn, timeZone: zone)
    }

    /// A finished academic year starting in `first` (the year before the current one unless given), 1 September –
    /// 31 May.
    func pastYear(starting first: Int? = nil) async throws -> AcademicYear {
        let y = first ?? yearDays.lowerBound.ymd.year - 1
        let past = AcademicYear(
            municipalityID: municipalityID, title: "\(y)/\(y + 1)",
            startsOn: try #require(CivilDay(year: y, month: 9, day: 1)).date(timeZone: zone),
            endsOn: try #require(CivilDay(year: y + 1, month: 5, day: 31)).date(timeZone: zone), isCurrent: false)
        try await past.create(on: app.db)
        return past
    }

    /// A holiday period of the current academic year, first and last day included.
    func holiday(_ title: String, _ first: CivilDay, _ last: CivilDay, kind: HolidayKind = .vacation) async throws {
        let h = HolidayPeriodRecord()
        h.$municipality.id = municipalityID
        h.$academicYear.id = yearID
        h.title = title
        h.kind = kind.rawValue
        h.firstDay = first.number
        h.lastDay = last.number
        try await insertActive(h)
    }

    /// Time a school keeps for its own lessons: the grades on the weekdays (1 = Monday) between two minutes of the day.
    func busyTime(at schoolID: UUID, grades: [Int], weekdays: [Int], from start: Int, to end: Int) async throws {
        let b = BusySlotRecord()
        b.$municipality.id = municipalityID
        b.$school.id = schoolID
        b.gradesText = grades.map(String.init).joined(separator: ",")
        b.weekdaysText = weekdays.map(String.init).joined(separator: ",")
        b.startMinute = start
        b.endMinute = end
        try await insertActive(b)
    }

    /// A scheduled lesson of a group on a day, from `start` (15:00 unless given) for `hours` academic hours, given by
    /// the group's teacher.
    @discardableResult
    func lesson(
        of group: StudyGroup, on day: CivilDay, at start: ClockTime = ClockTime(minutes: 15 * 60), hours: Int = 2
    )
        async throws -> Lesson
    {
        let span = LessonSpan(day: day, start: start, hours: hours)
        let l = Lesson()
        l.$group.id = try group.requireID()
        l.day = day.number
        l.startMinute = span.start
        l.endMinute = span.end
        l.hours = hours
        l.$teacher.id = group.$teacher.id
        l.status = LessonStatus.scheduled.rawValue
        l.version = 1
        l.updatedAt = Date()
        try await l.create(on: app.db)
        return l
    }

    /// A weekly pattern over the group's dates with its teacher and room (15:00 for two hours unless told otherwise),
    /// holidays skipped; the lessons by day.
    @discardableResult
    func weekly(
        _ group: StudyGroup, on weekday: Weekday, at start: ClockTime = ClockTime(minutes: 15 * 60), hours: Int = 2
    ) async throws -> [Lesson] {
        let first = CivilDay(try #require(group.startsOn), timeZone: zone)
        let last = CivilDay(try #require(group.endsOn), timeZone: zone)
        let holidays = try await HolidayPeriodRecord.query(on: app.db).filter(\.$academicYear.$id == yearID).all()
            .map(\.domain)
        let p = LessonPattern()
        p.$group.id = try group.requireID()
        p.weekday = weekday.rawValue
        p.startMinute = start.minutes
        p.hours = hours
        p.$room.id = group.$room.id
        p.firstDay = first.number
        p.lastDay = last.number
        p.createdAt = Date()
        p.createdBy = "Тестов"
        try await p.create(on: app.db)
        var lessons: [Lesson] = []
        let days = Recurrence.days(
            WeeklyPattern(weekday: weekday, start: start, hours: hours, from: first, to: last), holidays: holidays)
        for day in days.days {
            let l = Lesson()
            l.$group.id = try group.requireID()
            l.$pattern.id = p.id
            l.day = day.number
            l.startMinute = start.minutes
            l.endMinute = start.minutes + LessonLength.minutes(hours: hours)
            l.hours = hours
            l.$room.id = group.$room.id
            l.$teacher.id = group.$teacher.id
            l.status = LessonStatus.scheduled.rawValue
            l.version = 1
            l.updatedAt = Date()
            try await l.create(on: app.db)
            lessons.append(l)
        }
        return lessons
    }
}
