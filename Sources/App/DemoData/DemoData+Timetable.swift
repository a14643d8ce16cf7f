import Domain
import Fluent
import Vapor

extension DemoData {
    /// This year's calendar (holidays), СОШ № 1's busy time, a travel time between two centres, and a weekly timetable
    /// for every group: a different weekday per group at 15:00, two academic hours, in a room of the centre.
    static func loadTimetable(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], year: AcademicYear,
        groups: [StudyGroup], zone: TimeZone
    ) async throws {
        let first = CivilDay(year.startsOn, timeZone: zone)
        let last = CivilDay(year.endsOn, timeZone: zone)
        let holidays = try await createHolidays(
            on: db, municipalityID: municipalityID, year: year, startYear: first.ymd.year)
        if let school = orgIDs["МБОУ «СОШ № 1»"] {
            let b = BusySlotRecord()
            b.$municipality.id = municipalityID
            b.$school.id = school
            b.gradesText = "10,11"
            b.weekdaysText = "1,2,3,4,5"
            b.startMinute = 8 * 60 + 30
            b.endMinute = 14 * 60 + 30
            b.status = RecordStatus.active.rawValue
            b.version = 1
            try await b.create(on: db)
        }
        if let a = orgIDs["МБОУ «Гимназия № 2»"], let b = orgIDs["МБОУ «Лицей № 5»"] {
            let t = TravelTimeRecord()
            t.$municipality.id = municipalityID
            t.$from.id = a
            t.$to.id = b
            t.minutes = 25
            t.status = RecordStatus.active.rawValue
            t.version = 1
            try await t.create(on: db)
        }
        // Past lessons are in the journal, except those of the last week (not marked yet).
        let markedBefore = CivilDay(Date(), timeZone: zone).adding(days: -7)
        let topics = [
            "Вводное занятие", "Разбор задач", "Практикум", "Олимпиадные задачи", "Работа над проектом",
            "Самостоятельная работа",
            "Обсуждение решений",
        ]
        for (i, g) in groups.enumerated() {
            let members = try await Enrollment.query(on: db).filter(\.$group.$id == g.requireID())
                .filter(\.$status == EnrollmentStatus.enrolled.rawValue).all().map { $0.$student.id }
            var n = 0
            let room = try await Room.query(on: db).filter(\.$organization.$id == g.$organization.id).sort(\.$sortKey)
                .first()
            let weekday = Weekday(rawValue: i % 5 + 1)!
            let start = ClockTime(minutes: 15 * 60 + (i / 5) * 120)
            let p = LessonPattern()
            p.$group.id = try g.requireID()
            p.weekday = weekday.rawValue
            p.startMinute = start.minutes
            p.hours = 2
            p.$room.id = room?.id
            p.firstDay = first.number
            p.lastDay = last.number
            p.createdAt = Date()
            p.createdBy = "демо"
            try await p.create(on: db)
            for day in Recurrence.days(
                WeeklyPattern(weekday: weekday, start: start, hours: 2, from: first, to: last), holidays: holidays
            ).days {
                let l = Lesson()
                l.$group.id = try g.requireID()
                l.$pattern.id = p.id
                l.day = day.number
                l.startMinute = start.minutes
                l.endMinute = start.minutes + LessonLength.minutes(hours: 2)
                l.hours = 2
                l.$room.id = room?.id
                l.$teacher.id = g.$teacher.id
                l.status = LessonStatus.scheduled.rawValue
                l.version = 1
                l.updatedAt = Date()
                try await l.create(on: db)
                guard day < markedBefore else { continue }
                n += 1
                let r = LessonRecord()
                r.$lesson.id = try l.requireID()
                r.topic = "Занятие \(n). " + topics[(n - 1) % topics.count]
                r.hours = 2
                r.markedAt = Date()
                r.markedBy = "демо"
                r.version = 1
                try await r.create(on: db)
                for (k, student) in members.enumerated() {
                    let m = AttendanceMark()
                    m.$lesson.id = try l.requireID()
                    m.$student.id = student
                    m.status =
                        ((n + k) % 9 == 0 ? AttendanceStatus.absent : (n + 2 * k) % 13 == 0 ? .excused : .present)
                        .rawValue
                    try await m.create(on: db)
                }
            }
            // An entrance diagnostic in the first weeks, for the first groups (`000_5375b2a087477e6d.txt` §4.6).
            if i < 3, !members.isEmpty {
                let w = DiagnosticWork()
                w.$group.id = try g.requireID()
                w.title = "Входная диагностика"
                w.workDay = first.adding(days: 14).number
                w.maxScore = 20
                w.createdAt = Date()
                w.version = 1
                try await w.create(on: db)
                for (k, student) in members.enumerated() {
                    let d = DiagnosticScore()
                    d.$work.id = try w.requireID()
                    d.$student.id = student
                    d.score = (7 + k * 5 + i * 3) % 21
                    try await d.create(on: db)
                }
            }
        }
    }

    /// The holidays of the academic year beginning in September of `startYear`.
    static func createHolidays(on db: any Database, municipalityID: UUID, year: AcademicYear, startYear y: Int)
        async throws -> [HolidayPeriod]
    {
        func d(_ day: Int, _ month: Int, _ yy: Int) -> CivilDay { CivilDay(year: yy, month: month, day: day)! }
        let periods: [(String, HolidayKind, CivilDay, CivilDay)] = [
            ("Осенние каникулы", .vacation, d(26, 10, y), d(3, 11, y)),
            ("День народного единства", .holiday, d(4, 11, y), d(4, 11, y)),
            ("Зимние каникулы", .vacation, d(29, 12, y), d(11, 1, y + 1)),
            ("День защитника Отечества", .holiday, d(23, 2, y + 1), d(23, 2, y + 1)),
            ("Международный женский день", .holiday, d(8, 3, y + 1), d(9, 3, y + 1)),
            ("Весенние каникулы", .vacation, d(23, 3, y + 1), d(31, 3, y + 1)),
            ("Праздник Весны и Труда", .holiday, d(1, 5, y + 1), d(1, 5, y + 1)),
            ("День Победы", .holiday, d(9, 5, y + 1), d(11, 5, y + 1)),
        ]
        var holidays: [HolidayPeriod] = []
        for (title, kind, a, b) in periods {
            let h = HolidayPeriodRecord()
            h.$municipality.id = municipalityID
            h.$academicYear.id = try year.requireID()
            h.title = title
            h.kind = kind.rawValue
            h.firstDay = a.number
            h.lastDay = b.number
            h.status = RecordStatus.active.rawValue
            h.version = 1
            try await h.create(on: db)
            holidays.append(h.domain)
        }
        return holidays
    }
}
