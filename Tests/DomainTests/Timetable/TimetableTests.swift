import Domain
import Foundation
import Testing

@Suite struct CivilDayTests {
    @Test func weekdaysAndFormats() throws {
        let day = try #require(CivilDay(year: 2026, month: 9, day: 1))
        #expect(day.weekday == .tuesday)
        #expect(day.formatted == "01.09.2026")
        #expect(day.iso == "2026-09-01")
        #expect(CivilDay(number: 0).weekday == .thursday)  // 01.01.1970
        #expect(CivilDay(number: -1).weekday == .wednesday)
        #expect(day.startOfWeek.formatted == "31.08.2026")
        #expect(day.startOfWeek.weekday == .monday)
        #expect(CivilDay.parse("2026-09-01") == day)
        #expect(CivilDay.parse("01.09.2026") == day)
        #expect(CivilDay.parse("31.02.2026") == nil)
        #expect(CivilDay(year: 2026, month: 2, day: 29) == nil)
    }

    @Test func agreesWithTheMunicipalityZone() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Yekaterinburg"))
        let midnight = try #require(RuDate.parse("15.03.2027", timeZone: zone))
        let day = CivilDay(midnight, timeZone: zone)
        #expect(day.formatted == "15.03.2027")
        #expect(day.date(timeZone: zone) == midnight)
        #expect(CivilDay(midnight.addingTimeInterval(86_399), timeZone: zone) == day)
    }

    @Test func clockTimes() {
        #expect(ClockTime.parse("15:00")?.minutes == 900)
        #expect(ClockTime.parse("9:05")?.formatted == "09:05")
        #expect(ClockTime.parse("24:00") == nil)
        #expect(ClockTime.parse("15:0") == nil)
        #expect(ClockTime.parse("пятнадцать") == nil)
        #expect(LessonLength.minutes(hours: 1) == 45)
        #expect(LessonLength.minutes(hours: 2) == 100)
        #expect(LessonSpan(day: CivilDay(number: 1), start: ClockTime(minutes: 900), hours: 2).times == "15:00–16:40")
    }
}

@Suite struct RecurrenceTests {
    func day(_ text: String) -> CivilDay { CivilDay.parse(text)! }

    @Test func weeklyDaysSkipHolidays() {
        // setup: Mondays from 01.09.2026 (a Tuesday) to 30.11.2026; autumn holidays 26.10–03.11, and 04.11 a holiday.
        let pattern = WeeklyPattern(
            weekday: .monday, start: ClockTime(minutes: 900), hours: 2, from: day("01.09.2026"), to: day("30.11.2026"))
        let holidays = [
            HolidayPeriod(
                title: "Осенние каникулы", kind: .vacation, first: day("26.10.2026"), last: day("03.11.2026")),
            HolidayPeriod(
                title: "День народного единства", kind: .holiday, first: day("04.11.2026"), last: day("04.11.2026")),
        ]
        // act
        let result = Recurrence.days(pattern, holidays: holidays)
        // check: the first Monday is 07.09, the 26.10 and 02.11 Mondays are skipped, the last is 30.11 (inclusive)
        #expect(result.days.first == day("07.09.2026"))
        #expect(result.days.last == day("30.11.2026"))
        #expect(result.days.allSatisfy { $0.weekday == .monday })
        #expect(result.skipped.map(\.day) == [day("26.10.2026"), day("02.11.2026")])
        #expect(result.skipped.first?.holiday == "Осенние каникулы")
        #expect(result.days.count == 13 - 2)
    }

    @Test func emptyWhenTheDatesAreReversedOrTooShort() {
        #expect(
            Recurrence.days(
                WeeklyPattern(
                    weekday: .friday, start: ClockTime(minutes: 600), hours: 1, from: day("10.09.2026"),
                    to: day("01.09.2026")), holidays: []
            ).days.isEmpty)
        // Tuesday to Thursday holds no Friday.
        #expect(
            Recurrence.days(
                WeeklyPattern(
                    weekday: .friday, start: ClockTime(minutes: 600), hours: 1, from: day("01.09.2026"),
                    to: day("03.09.2026")), holidays: []
            ).days.isEmpty)
    }
}

@Suite struct ClashRulesTests {
    let centerA = UUID(), centerB = UUID(), school = UUID()
    let teacher = UUID(), room = UUID()
    let g1 = UUID(), g2 = UUID()
    let monday = CivilDay.parse("07.09.2026")!

    func lesson(
        _ group: UUID, _ name: String, center: UUID, start: Int, hours: Int = 2, teacher: UUID? = nil,
        room: UUID? = nil, id: UUID? = nil
    ) -> TimetableLesson {
        TimetableLesson(
            id: id, groupID: group, groupName: name, centerID: center,
            centerName: center == centerA ? "МБОУ «Гимназия № 2»" : "МАОУ «Лицей № 5»",
            span: LessonSpan(day: monday, start: ClockTime(minutes: start), hours: hours),
            teacherID: teacher, teacherName: "Петрова П. П.", roomID: room, roomName: "Кабинет 12")
    }

    func student(_ name: String, grade: Int = 10) -> TimetableStudent {
        TimetableStudent(id: UUID(), name: name, schoolID: school, grade: grade)
    }

    @Test func teacherRoomAndGroupClashes() {
        let existing = [lesson(g2, "Физика-11", center: centerA, start: 900, teacher: teacher, room: room)]
        let ctx = TimetableContext(existing: existing, members: [:])
        // Overlapping by ten minutes: both the teacher and the room clash.
        let issues = ClashRules.check(
            [lesson(g1, "Математика-10", center: centerA, start: 990, teacher: teacher, room: room)], in: ctx)
        #expect(Set(issues.map(\.kind)) == [.teacher, .room])
        #expect(issues.first { $0.kind == .teacher }?.text.contains("«Физика-11» (15:00–16:40") == true)
        // Right after it (16:40) is free.
        #expect(
            ClashRules.check(
                [lesson(g1, "Математика-10", center: centerA, start: 1000, teacher: teacher, room: room)], in: ctx
            ).isEmpty)
        // Two proposed lessons of one group at one time clash with each other.
        let twice = ClashRules.check(
            [lesson(g1, "М", center: centerA, start: 600), lesson(g1, "М", center: centerA, start: 630)],
            in: TimetableContext(existing: [], members: [:]))
        #expect(twice.map(\.kind) == [.group])
    }

    @Test func aMovedLessonDoesNotClashWithItself() {
        let id = UUID()
        let existing = [lesson(g1, "Математика-10", center: centerA, start: 900, teacher: teacher, room: room, id: id)]
        let moved = lesson(g1, "Математика-10", center: centerA, start: 930, teacher: teacher, room: room, id: id)
        #expect(ClashRules.check([moved], in: TimetableContext(existing: existing, members: [:])).isEmpty)
    }

    @Test func studentsInTwoGroupsAtOnce() {
        let shared = student("Ёлкин Артём")
        let ctx = TimetableContext(
            existing: [lesson(g2, "Химия-10", center: centerB, start: 900)],
            members: [g1: [shared, student("Другой")], g2: [shared]])
        let issues = ClashRules.check([lesson(g1, "Математика-10", center: centerA, start: 960)], in: ctx)
        #expect(issues.map(\.kind) == [.student])
        #expect(issues[0].text.contains("Ёлкин Артём"))
        #expect(issues[0].kind.isClash)
    }

    @Test func anotherCentersGroupIsNotNamedToWhoMayNotSeeIt() {
        let shared = student("Ёлкин Артём")
        let ctx = TimetableContext(
            existing: [lesson(g2, "Химия-10", center: centerB, start: 900)], members: [g1: [shared], g2: [shared]],
            reveal: { center, _ in center != self.centerB })
        let issues = ClashRules.check([lesson(g1, "Математика-10", center: centerA, start: 960)], in: ctx)
        #expect(issues.map(\.kind) == [.student])
        #expect(issues[0].text == "обучающийся Ёлкин Артём в это время занят в другой группе сети (15:00–16:40)")
        #expect(!issues[0].text.contains("Химия"))
    }

    @Test func holidaysAndATeachersTravelAreWarnings() {
        let holidays = [HolidayPeriod(title: "Осенние каникулы", kind: .vacation, first: monday, last: monday)]
        let onHoliday = ClashRules.check(
            [lesson(g1, "М", center: centerA, start: 900)],
            in: TimetableContext(existing: [], members: [:], holidays: holidays))
        #expect(onHoliday.map(\.kind) == [.holiday])
        #expect(onHoliday[0].text.contains("«Осенние каникулы» (каникулы)"))
        let ctx = TimetableContext(
            existing: [lesson(g2, "Химия-10", center: centerB, start: 900, teacher: teacher)], members: [:],
            travel: [TravelTime(a: centerA, b: centerB, minutes: 30)])
        let tight = ClashRules.check(
            [lesson(g1, "Математика-10", center: centerA, start: 1010, teacher: teacher)], in: ctx)
        #expect(tight.map(\.kind) == [.travel])
        // The short name already has its quotes: none are added around it.
        #expect(
            tight[0].text.hasPrefix(
                "педагогу Петрова П. П. не успеть из ресурсного центра МАОУ «Лицей № 5» (группа «Химия-10», "))
    }

    @Test func travelBetweenCentersIsAWarning() {
        let shared = student("Ёлкин Артём")
        let ctx = TimetableContext(
            existing: [lesson(g2, "Химия-10", center: centerB, start: 900)],  // 15:00–16:40
            members: [g1: [shared], g2: [shared]], travel: [TravelTime(a: centerB, b: centerA, minutes: 30)])
        // 16:50: 10 minutes left
        let tight = ClashRules.check([lesson(g1, "Математика-10", center: centerA, start: 1010)], in: ctx)
        #expect(tight.map(\.kind) == [.travel])
        #expect(tight[0].kind.isClash == false)
        #expect(tight[0].text.contains("нужно 30 мин, остаётся 10 мин"))
        #expect(ClashRules.check([lesson(g1, "Математика-10", center: centerA, start: 1030)], in: ctx).isEmpty)
        // Another lesson before it, not after it, is measured the other way round.
        #expect(
            ClashRules.check([lesson(g1, "Математика-10", center: centerA, start: 840, hours: 1)], in: ctx).map(\.kind)
                == [.travel])  // 14:00–14:45, 15 minutes before
    }

    @Test func homeSchoolBusyTimeIsAWarningPerSchoolAndGrade() {
        let tenth = [student("А"), student("Б"), student("В", grade: 11)]
        let busy = [
            BusySlot(schoolID: school, schoolName: "МБОУ «СОШ № 1»", grade: 10, weekday: .monday, start: 480, end: 870)
        ]  // until 14:30
        let ctx = TimetableContext(existing: [], members: [g1: tenth], busy: busy)
        let issues = ClashRules.check([lesson(g1, "Математика-10", center: centerA, start: 840)], in: ctx)  // 14:00
        #expect(issues.count == 1)
        #expect(issues[0].kind == .busy)
        #expect(issues[0].text.contains("2 обучающихся группы"))
        #expect(issues[0].text.contains("по понедельникам"))
        #expect(ClashRules.check([lesson(g1, "Математика-10", center: centerA, start: 870)], in: ctx).isEmpty)
    }

    @Test func summaryFoldsDates() {
        let days = (0..<6).map { monday.adding(days: 7 * $0) }
        let issues = days.map { TimetableIssue(kind: .room, day: $0, text: "кабинет занят") }
        #expect(
            ClashRules.summary(issues) == ["07.09.2026, 14.09.2026, 21.09.2026, 28.09.2026 и ещё 2: кабинет занят."])
    }
}

@Suite struct JournalArithmeticTests {
    @Test func hoursAndAttendanceAddUp() {
        let hours = GroupHours(planned: 64, scheduled: 62, delivered: 40)
        #expect(hours.gap == 24)
        #expect(GroupHours(planned: 64, scheduled: 70, delivered: 66).gap == 0)
        var attendance = StudentAttendance()
        attendance.add(.present, hours: 2)
        attendance.add(.excused, hours: 2)
        attendance.add(.absent, hours: 1)
        attendance.add(.present, hours: 1)
        #expect(attendance.marked == 4 && attendance.present == 2 && attendance.excused == 1 && attendance.absent == 1)
        #expect(attendance.attendedHours == 3 && attendance.deliveredHours == 6 && attendance.percent == 50)
        #expect(attendance.attended(atLeast: 50) && !attendance.attended(atLeast: 51))
        #expect(StudentAttendance().percent == 0)
    }

    @Test func lessonsAreMarkedFromTheirStart() {
        let day = CivilDay.parse("07.09.2026")!
        #expect(JournalRules.mayMark(day: day, start: 900, today: day, minute: 900))
        #expect(!JournalRules.mayMark(day: day, start: 900, today: day, minute: 899))
        #expect(JournalRules.mayMark(day: day, start: 900, today: day.adding(days: 1), minute: 0))
        #expect(!JournalRules.mayMark(day: day.adding(days: 1), start: 0, today: day, minute: 1439))
        var errors = FieldErrors()
        JournalRules.check(topic: "", hours: 3, lessonHours: 2, errors: &errors)
        #expect(errors["topic"] != nil && errors["hours"]?.contains("от 0 до 2") == true)
    }
}

@Suite struct CivilDateTests {
    @Test func arithmeticAgreesWithCalendarOverCenturies() {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        for zoneName in ["Europe/Moscow", "Asia/Vladivostok", "Europe/Kaliningrad", "UTC"] {
            let zone = TimeZone(identifier: zoneName)!
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = zone
            var noon = utc.date(from: DateComponents(year: 1900, month: 1, day: 1, hour: 12))!
            let end = utc.date(from: DateComponents(year: 2101, month: 1, day: 1))!
            while noon < end {
                let components = utc.dateComponents([.year, .month, .day], from: noon)
                let text = String(format: "%02d.%02d.%04d", components.day!, components.month!, components.year!)
                // Round trip everywhere; the same instant as Calendar's midnight since 1992.
                #expect(
                    RuDate.parse(text, timeZone: zone).map { RuDate.format($0, timeZone: zone) } == text,
                    "\(zoneName) \(text)")
                if components.year! >= 1992 {
                    let midnight = cal.date(
                        from: DateComponents(year: components.year, month: components.month, day: components.day))!
                    #expect(RuDate.parse(text, timeZone: zone) == midnight, "\(zoneName) \(text)")
                    #expect(RuDate.format(midnight, timeZone: zone) == text)
                }
                noon = noon.addingTimeInterval(13 * 86_400)
            }
        }
        #expect(RuDate.parse("29.02.2024", timeZone: .current) != nil)
        #expect(RuDate.parse("29.02.2023", timeZone: .current) == nil)
        #expect(RuDate.parse("29.02.1900", timeZone: .current) == nil)
        #expect(RuDate.parse("29.02.2000", timeZone: .current) != nil)
    }
}
