import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Rooms, teachers, holidays, busy time, weekly lessons and the journal of a world, for the timetable, journal and
/// assessment suites. Every name is made up.
extension World {
    /// The world's current academic year.
    func currentYear() async throws -> AcademicYear {
        try #require(try await AcademicYear.find(yearID, on: app.db))
    }

    /// The first and the last day of the world's current academic year.
    func yearDays() async throws -> ClosedRange<CivilDay> {
        let year = try await currentYear()
        return CivilDay(year.startsOn, timeZone: zone)...CivilDay(year.endsOn, timeZone: zone)
    }

    /// Gives a group its teacher and room, and the academic year's first and last days as its dates.
    func staffGroup(_ group: StudyGroup, teacher: StaffMember?, room: UUID?) async throws {
        let year = try await currentYear()
        group.$teacher.id = try teacher?.requireID()
        group.$room.id = room
        group.startsOn = year.startsOn
        group.endsOn = year.endsOn
        try await group.save(on: app.db)
    }

    /// Places students in a group since the first day of the academic year (the journal lists them at every lesson).
    func seat(_ studentIDs: [UUID], in group: StudyGroup) async throws {
        let since = try await currentYear().startsOn
        for id in studentIDs {
            let e = Enrollment()
            e.$student.id = id
            e.$group.id = try group.requireID()
            e.status = EnrollmentStatus.enrolled.rawValue
            e.source = "direct"
            e.createdAt = since
            e.updatedAt = since
            try await e.create(on: app.db)
        }
        group.enrolledCount += studentIDs.count
        try await group.save(on: app.db)
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
        h.status = RecordStatus.active.rawValue
        h.version = 1
        try await h.create(on: app.db)
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
        b.status = RecordStatus.active.rawValue
        b.version = 1
        try await b.create(on: app.db)
    }

    /// A weekly pattern over the group's dates with its teacher and room, holidays skipped; the lessons by day.
    @discardableResult
    func weekly(_ group: StudyGroup, on weekday: Weekday, at start: ClockTime, hours: Int = 2) async throws
        -> [Lesson]
    {
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

    /// A lesson marked in the journal: a topic, its hours, and every student given present.
    func markInJournal(_ lesson: Lesson, students: [UUID], topic: String = "Вводное занятие") async throws {
        let r = LessonRecord()
        r.$lesson.id = try lesson.requireID()
        r.topic = topic
        r.hours = lesson.hours
        r.markedAt = Date()
        r.markedBy = "Тестов"
        r.version = 1
        try await r.create(on: app.db)
        for student in students {
            let m = AttendanceMark()
            m.$lesson.id = try lesson.requireID()
            m.$student.id = student
            m.status = AttendanceStatus.present.rawValue
            try await m.create(on: app.db)
        }
    }
}
