import Documents
import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// What teaching leaves behind: journal marks, final results, finished groups, certificates, signed orders and
/// schools' headcounts.
extension World {
    /// The journal of a lesson: a topic, all its hours delivered, and each student's mark, written on the lesson's day.
    func mark(_ lesson: Lesson, _ marks: [UUID: AttendanceStatus], topic: String = "Тема занятия") async throws {
        let r = LessonRecord()
        r.$lesson.id = try lesson.requireID()
        r.topic = topic
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

    /// A finished course of a past year: a closed group of `centerID` taught by `teacher`, the students enrolled, one
    /// lesson a week from October (two hours each) with the marks of `attendance` (a status per lesson per student),
    /// and the results of `passed` (students missing from it have none).
    func finishedGroup(
        at centerID: UUID, _ name: String, year: AcademicYear, teacher: StaffMember?,
        attendance: [UUID: [AttendanceStatus]], passed: [UUID: Bool]
    ) async throws -> StudyGroup {
        let g = try await group(at: centerID, name, year: year, teacher: teacher, open: false)
        let students = attendance.keys.sorted { $0.uuidString < $1.uuidString }
        try await enroll(students, in: g, fromStart: true)
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
