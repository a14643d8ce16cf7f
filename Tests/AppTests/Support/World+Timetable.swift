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
        let startYear = first ?? yearDays.lowerBound.ymd.year - 1
        let past = AcademicYear(
            municipalityID: municipalityID, title: "\(startYear)/\(startYear + 1)",
            startsOn: try #require(CivilDay(year: startYear, month: 9, day: 1)).date(timeZone: zone),
            endsOn: try #require(CivilDay(year: startYear + 1, month: 5, day: 31)).date(timeZone: zone),
            isCurrent: false)
        try await past.create(on: app.db)
        return past
    }

    /// A holiday period of the current academic year, first and last day included.
    func holiday(_ title: String, _ first: CivilDay, _ last: CivilDay, kind: HolidayKind = .vacation) async throws {
        let holiday = HolidayPeriodRecord()
        holiday.$municipality.id = municipalityID
        holiday.$academicYear.id = yearID
        holiday.title = title
        holiday.kind = kind.rawValue
        holiday.firstDay = first.number
        holiday.lastDay = last.number
        try await insertActive(holiday)
    }

    /// Time a school keeps for its own lessons: the grades on the weekdays (1 = Monday) between two minutes of the day.
    func busyTime(at schoolID: UUID, grades: [Int], weekdays: [Int], from start: Int, to end: Int) async throws {
        let busySlot = BusySlotRecord()
        busySlot.$municipality.id = municipalityID
        busySlot.$school.id = schoolID
        busySlot.gradesText = grades.map(String.init).joined(separator: ",")
        busySlot.weekdaysText = weekdays.map(String.init).joined(separator: ",")
        busySlot.startMinute = start
        busySlot.endMinute = end
        try await insertActive(busySlot)
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
        let lesson = Lesson()
        lesson.$group.id = try group.requireID()
        lesson.day = day.number
        lesson.startMinute = span.start
        lesson.endMinute = span.end
        lesson.hours = hours
        lesson.$teacher.id = group.$teacher.id
        lesson.status = LessonStatus.scheduled.rawValue
        lesson.version = 1
        lesson.updatedAt = Date()
        try await lesson.create(on: app.db)
        return lesson
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
        let pattern = LessonPattern()
        pattern.$group.id = try group.requireID()
        pattern.weekday = weekday.rawValue
        pattern.startMinute = start.minutes
        pattern.hours = hours
        pattern.$room.id = group.$room.id
        pattern.firstDay = first.number
        pattern.lastDay = last.number
        pattern.createdAt = Date()
        pattern.createdBy = "Тестов"
        try await pattern.create(on: app.db)
        var lessons: [Lesson] = []
        let days = Recurrence.days(
            WeeklyPattern(weekday: weekday, start: start, hours: hours, from: first, to: last), holidays: holidays)
        for day in days.days {
            let lesson = Lesson()
            lesson.$group.id = try group.requireID()
            lesson.$pattern.id = pattern.id
            lesson.day = day.number
            lesson.startMinute = start.minutes
            lesson.endMinute = start.minutes + LessonLength.minutes(hours: hours)
            lesson.hours = hours
            lesson.$room.id = group.$room.id
            lesson.$teacher.id = group.$teacher.id
            lesson.status = LessonStatus.scheduled.rawValue
            lesson.version = 1
            lesson.updatedAt = Date()
            try await lesson.create(on: app.db)
            lessons.append(lesson)
        }
        return lessons
    }
}
