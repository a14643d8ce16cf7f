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
            let slot = BusySlotRecord()
            slot.$municipality.id = municipalityID
            slot.$school.id = school
            slot.gradesText = "10,11"
            slot.weekdaysText = "1,2,3,4,5"
            slot.startMinute = 8 * 60 + 30
            slot.endMinute = 14 * 60 + 30
            slot.status = RecordStatus.active.rawValue
            slot.version = 1
            try await slot.create(on: db)
        }
        if let gymnasium = orgIDs["МБОУ «Гимназия № 2»"], let lyceum = orgIDs["МБОУ «Лицей № 5»"] {
            let travel = TravelTimeRecord()
            travel.$municipality.id = municipalityID
            travel.$from.id = gymnasium
            travel.$to.id = lyceum
            travel.minutes = 25
            travel.status = RecordStatus.active.rawValue
            travel.version = 1
            try await travel.create(on: db)
        }
        // Past lessons are in the journal, except those of the last week (not marked yet).
        let markedBefore = CivilDay(Date(), timeZone: zone).adding(days: -7)
        let topics = [
            "Вводное занятие", "Разбор задач", "Практикум", "Олимпиадные задачи", "Работа над проектом",
            "Самостоятельная работа",
            "Обсуждение решений",
        ]
        for (i, group) in groups.enumerated() {
            let members = try await Enrollment.query(on: db).filter(\.$group.$id == group.requireID())
                .filter(\.$status == EnrollmentStatus.enrolled.rawValue).all().map { $0.$student.id }
            var marked = 0
            let room = try await Room.query(on: db).filter(\.$organization.$id == group.$organization.id).sort(
                \.$sortKey
            )
            .first()
            let weekday = Weekday(rawValue: i % 5 + 1)!
            let start = ClockTime(minutes: 15 * 60 + (i / 5) * 120)
            let pattern = LessonPattern()
            pattern.$group.id = try group.requireID()
            pattern.weekday = weekday.rawValue
            pattern.startMinute = start.minutes
            pattern.hours = 2
            pattern.$room.id = room?.id
            pattern.firstDay = first.number
            pattern.lastDay = last.number
            pattern.createdAt = Date()
            pattern.createdBy = "демо"
            try await pattern.create(on: db)
            for day in Recurrence.days(
                WeeklyPattern(weekday: weekday, start: start, hours: 2, from: first, to: last), holidays: holidays
            ).days {
                let lesson = Lesson()
                lesson.$group.id = try group.requireID()
                lesson.$pattern.id = pattern.id
                lesson.day = day.number
                lesson.startMinute = start.minutes
                lesson.endMinute = start.minutes + LessonLength.minutes(hours: 2)
                lesson.hours = 2
                lesson.$room.id = room?.id
                lesson.$teacher.id = group.$teacher.id
                lesson.status = LessonStatus.scheduled.rawValue
                lesson.version = 1
                lesson.updatedAt = Date()
                try await lesson.create(on: db)
                guard day < markedBefore else { continue }
                marked += 1
                let record = LessonRecord()
                record.$lesson.id = try lesson.requireID()
                record.topic = "Занятие \(marked). " + topics[(marked - 1) % topics.count]
                record.hours = 2
                record.markedAt = Date()
                record.markedBy = "демо"
                record.version = 1
                try await record.create(on: db)
                for (j, student) in members.enumerated() {
                    let mark = AttendanceMark()
                    mark.$lesson.id = try lesson.requireID()
                    mark.$student.id = student
                    mark.status =
                        ((marked + j) % 9 == 0
                        ? AttendanceStatus.absent : (marked + 2 * j) % 13 == 0 ? .excused : .present)
                        .rawValue
                    try await mark.create(on: db)
                }
            }
            // An entrance diagnostic in the first weeks, for the first groups (`000_5375b2a087477e6d.txt` §4.6).
            if i < 3, !members.isEmpty {
                let work = DiagnosticWork()
                work.$group.id = try group.requireID()
                work.title = "Входная диагностика"
                work.workDay = first.adding(days: 14).number
                work.maxScore = 20
                work.createdAt = Date()
                work.version = 1
                try await work.create(on: db)
                for (j, student) in members.enumerated() {
                    let score = DiagnosticScore()
                    score.$work.id = try work.requireID()
                    score.$student.id = student
                    score.score = (7 + j * 5 + i * 3) % 21
                    try await score.create(on: db)
                }
            }
        }
    }

    /// The holidays of the academic year beginning in September of `startYear` (the demo's and the generated network's).
    static func holidayPeriods(startYear: Int) -> [HolidayPeriod] {
        func civilDay(_ day: Int, _ month: Int, _ calendarYear: Int) -> CivilDay {
            CivilDay(year: calendarYear, month: month, day: day)!
        }
        let periods: [(String, HolidayKind, CivilDay, CivilDay)] = [
            ("Осенние каникулы", .vacation, civilDay(26, 10, startYear), civilDay(3, 11, startYear)),
            ("День народного единства", .holiday, civilDay(4, 11, startYear), civilDay(4, 11, startYear)),
            ("Зимние каникулы", .vacation, civilDay(29, 12, startYear), civilDay(11, 1, startYear + 1)),
            ("День защитника Отечества", .holiday, civilDay(23, 2, startYear + 1), civilDay(23, 2, startYear + 1)),
            ("Международный женский день", .holiday, civilDay(8, 3, startYear + 1), civilDay(9, 3, startYear + 1)),
            ("Весенние каникулы", .vacation, civilDay(23, 3, startYear + 1), civilDay(31, 3, startYear + 1)),
            ("Праздник Весны и Труда", .holiday, civilDay(1, 5, startYear + 1), civilDay(1, 5, startYear + 1)),
            ("День Победы", .holiday, civilDay(9, 5, startYear + 1), civilDay(11, 5, startYear + 1)),
        ]
        return periods.map { HolidayPeriod(title: $0.0, kind: $0.1, first: $0.2, last: $0.3) }
    }

    /// The holidays of the academic year beginning in September of `startYear`.
    static func createHolidays(on db: any Database, municipalityID: UUID, year: AcademicYear, startYear: Int)
        async throws -> [HolidayPeriod]
    {
        var holidays: [HolidayPeriod] = []
        for period in holidayPeriods(startYear: startYear) {
            let record = HolidayPeriodRecord()
            record.$municipality.id = municipalityID
            record.$academicYear.id = try year.requireID()
            record.title = period.title
            record.kind = period.kind.rawValue
            record.firstDay = period.first.number
            record.lastDay = period.last.number
            record.status = RecordStatus.active.rawValue
            record.version = 1
            try await record.create(on: db)
            holidays.append(record.domain)
        }
        return holidays
    }
}
