import Documents
import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Finished courses for the certificate, order and coverage tests: last year, teachers, places in groups, lessons with
/// their journal, final results, weekly patterns, certificates and signed orders.
extension World {
    /// The academic year before the current one, finished (1 September – 31 May).
    func lastYear() async throws -> AcademicYear {
        let current = try #require(try await AcademicYear.find(yearID, on: app.db))
        let y = CivilDay(current.startsOn, timeZone: zone).ymd.year - 1
        let year = AcademicYear(
            municipalityID: municipalityID, title: "\(y)/\(y + 1)",
            startsOn: try #require(CivilDay(year: y, month: 9, day: 1)).date(timeZone: zone),
            endsOn: try #require(CivilDay(year: y + 1, month: 5, day: 31)).date(timeZone: zone), isCurrent: false)
        try await year.create(on: app.db)
        return year
    }

    /// A group of a new programme of `centerID` in `year`, taught by `teacher`, open or closed, dated by the year.
    func group(
        at centerID: UUID, _ name: String, program title: String = "Олимпиадная математика", year: AcademicYear,
        teacher: StaffMember?, open: Bool = true
    ) async throws -> StudyGroup {
        let program = try await program(at: centerID, title, grades: 9...11)
        program.$academicYear.id = try year.requireID()
        try await program.save(on: app.db)
        let g = try await group(of: program, name)
        g.$academicYear.id = try year.requireID()
        g.$teacher.id = try teacher?.requireID()
        g.isOpen = open
        g.startsOn = year.startsOn
        g.endsOn = year.endsOn
        try await g.save(on: app.db)
        return g
    }

    /// Places students in a group as enrolled (as a КМЦ list does), from the group's first day.
    func enrollFromStart(_ students: [UUID], in group: StudyGroup) async throws {
        let since = group.startsOn ?? Date(timeIntervalSince1970: 1_700_000_000)
        for s in students {
            let e = Enrollment()
            e.$student.id = s
            e.$group.id = try group.requireID()
            e.status = EnrollmentStatus.enrolled.rawValue
            e.source = EnrollmentSource.list.rawValue
            e.createdAt = since
            e.updatedAt = since
            try await e.create(on: app.db)
        }
        group.enrolledCount += students.count
        try await group.save(on: app.db)
    }

    /// A scheduled lesson of a group, at 15:00 for `hours` academic hours, given by the group's teacher.
    func lesson(of group: StudyGroup, on day: CivilDay, hours: Int = 2) async throws -> Lesson {
        let span = LessonSpan(day: day, start: ClockTime(minutes: 15 * 60), hours: hours)
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

    /// The journal of a past lesson: its topic, all its hours delivered, and each student's mark.
    func mark(_ lesson: Lesson, _ marks: [UUID: AttendanceStatus]) async throws {
        let r = LessonRecord()
        r.$lesson.id = try lesson.requireID()
        r.topic = "Тема занятия"
        r.hours = lesson.hours
        r.markedAt = CivilDay(number: lesson.day).date(timeZone: zone)
        r.markedBy = "Тестов"
        r.version = 1
        try await r.create(on: app.db)
        for (student, status) in marks {
            let m = AttendanceMark()
            m.$lesson.id = try lesson.requireID()
            m.$student.id = student
            m.status = status.rawValue
            try await m.create(on: app.db)
        }
    }

    /// A student's final result (a project) in a group, recorded on `day`.
    @discardableResult
    func result(_ student: UUID, in group: StudyGroup, passed: Bool, on day: CivilDay) async throws -> FinalResult {
        let r = FinalResult()
        r.$group.id = try group.requireID()
        r.$student.id = student
        r.form = AttestationForm.project.rawValue
        r.passed = passed
        r.grade = passed ? "5" : "2"
        r.resultDay = day.number
        r.recordedBy = "Тестов"
        r.recordedAt = day.date(timeZone: zone)
        r.version = 1
        try await r.create(on: app.db)
        return r
    }

    /// A finished course of last year: a closed group of `centerID` taught by `teacher`, the students enrolled, one
    /// lesson a week from October (two hours each) with the marks of `attendance` (a status per lesson per student),
    /// and the results of `passed` (students missing from it have none).
    func finishedGroup(
        at centerID: UUID, _ name: String, year: AcademicYear, teacher: StaffMember?,
        attendance: [UUID: [AttendanceStatus]], passed: [UUID: Bool]
    ) async throws -> StudyGroup {
        let g = try await group(at: centerID, name, year: year, teacher: teacher, open: false)
        let students = attendance.keys.sorted { $0.uuidString < $1.uuidString }
        try await enrollFromStart(students, in: g)
        let first = CivilDay(year.startsOn, timeZone: zone).adding(days: 30)
        let count = attendance.values.map(\.count).max() ?? 0
        var last = first
        for n in 0..<count {
            last = first.adding(days: 7 * n)
            let l = try await lesson(of: g, on: last)
            try await mark(l, attendance.compactMapValues { $0.indices.contains(n) ? $0[n] : nil })
        }
        for (student, ok) in passed { try await result(student, in: g, passed: ok, on: last) }
        return g
    }

    /// A weekly pattern of a group: `weekday` at 15:00 for `hours` academic hours over the group's dates.
    func pattern(of group: StudyGroup, _ weekday: Weekday, hours: Int = 2) async throws {
        let p = LessonPattern()
        p.$group.id = try group.requireID()
        p.weekday = weekday.rawValue
        p.startMinute = 15 * 60
        p.hours = hours
        p.firstDay = CivilDay(try #require(group.startsOn), timeZone: zone).number
        p.lastDay = CivilDay(try #require(group.endsOn), timeZone: zone).number
        p.createdAt = Date()
        p.createdBy = "Тестов"
        try await p.create(on: app.db)
    }

    /// Issues a finished group's certificates through the product's service, as its centre's head would.
    @discardableResult
    func issueCertificates(_ group: StudyGroup) async throws -> [Certificate] {
        try await CertificateService.issue(
            group: try group.requireID(), req: Request(application: app, on: app.eventLoopGroup.next()))
    }

    /// A signed order of `kind` for `year`, numbered `number` on `day`, drafted from the data as the product does.
    func signedOrder(_ kind: OrderKind, year: AcademicYear, number: String, on day: CivilDay) async throws -> Order {
        let m = try #require(try await Municipality.find(municipalityID, on: app.db))
        let doc = try await OrderDocuments.build(
            .init(municipality: m, year: year, kind: kind, number: number, day: day, recipients: []), on: app.db)
        let o = Order()
        o.$municipality.id = municipalityID
        o.$academicYear.id = try year.requireID()
        o.kind = kind.rawValue
        o.title = kind.title(year: year.title)
        o.number = number
        o.orderDay = day.number
        o.recipientsText = ""
        o.createdAt = Date()
        o.createdBy = "Тестов"
        o.signedAt = day.date(timeZone: zone)
        o.signedBy = "Тестов"
        o.status = OrderStatus.signed.rawValue
        o.version = 1
        o.document = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
        o.docx = try DOCXWriter.data(doc)
        try await o.create(on: app.db)
        return o
    }

    /// An official headcount of a school for the current year: `counts` by grade.
    func headcount(of schoolID: UUID, _ counts: [Int: Int]) async throws {
        for (grade, count) in counts {
            let h = SchoolHeadcount()
            h.$school.id = schoolID
            h.$academicYear.id = yearID
            h.grade = grade
            h.count = count
            h.updatedAt = Date()
            try await h.create(on: app.db)
        }
    }
}
