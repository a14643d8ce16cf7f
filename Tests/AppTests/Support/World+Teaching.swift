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
        let record = LessonRecord()
        record.$lesson.id = try lesson.requireID()
        record.topic = topic
        record.hours = lesson.hours
        record.markedAt = CivilDay(number: lesson.day).date(timeZone: zone)
        record.markedBy = "Тестов"
        record.version = 1
        try await record.create(on: app.db)
        for (student, status) in marks {
            let mark = AttendanceMark()
            mark.$lesson.id = try lesson.requireID()
            mark.$student.id = student
            mark.status = status.rawValue
            try await mark.create(on: app.db)
        }
    }

    /// A student's final result (a project) in a group, recorded on `day`.
    @discardableResult
    func result(_ student: UUID, in group: StudyGroup, passed: Bool, on day: CivilDay) async throws -> FinalResult {
        let result = FinalResult()
        result.$group.id = try group.requireID()
        result.$student.id = student
        result.form = AttestationForm.project.rawValue
        result.passed = passed
        result.grade = passed ? "5" : "2"
        result.resultDay = day.number
        result.recordedBy = "Тестов"
        result.recordedAt = day.date(timeZone: zone)
        result.version = 1
        try await result.create(on: app.db)
        return result
    }

    /// A finished course of a past year: a closed group of `centerID` taught by `teacher`, the students enrolled, one
    /// lesson a week from October (two hours each) with the marks of `attendance` (a status per lesson per student),
    /// and the results of `passed` (students missing from it have none).
    func finishedGroup(
        at centerID: UUID, _ name: String, year: AcademicYear, teacher: StaffMember?,
        attendance: [UUID: [AttendanceStatus]], passed: [UUID: Bool]
    ) async throws -> StudyGroup {
        let finished = try await group(at: centerID, name, year: year, teacher: teacher, open: false)
        let students = attendance.keys.sorted { $0.uuidString < $1.uuidString }
        try await enroll(students, in: finished, fromStart: true)
        let first = CivilDay(year.startsOn, timeZone: zone).adding(days: 30)
        let count = attendance.values.map(\.count).max() ?? 0
        var last = first
        for week in 0..<count {
            last = first.adding(days: 7 * week)
            let taught = try await lesson(of: finished, on: last)
            try await mark(taught, attendance.compactMapValues { $0.indices.contains(week) ? $0[week] : nil })
        }
        for (student, ok) in passed { try await result(student, in: finished, passed: ok, on: last) }
        return finished
    }

    /// Issues a finished group's certificates through the product's service, as its centre's head would.
    @discardableResult
    func issueCertificates(_ group: StudyGroup) async throws -> [Certificate] {
        try await CertificateService.issue(
            group: try group.requireID(), req: Request(application: app, on: app.eventLoopGroup.next()))
    }

    /// A signed order of `kind` for `year`, numbered `number` on `day`, drafted from the data as the product does.
    func signedOrder(_ kind: OrderKind, year: AcademicYear, number: String, on day: CivilDay) async throws -> Order {
        let municipality = try #require(try await Municipality.find(municipalityID, on: app.db))
        let doc = try await OrderDocuments.build(
            .init(municipality: municipality, year: year, kind: kind, number: number, day: day, recipients: []),
            on: app.db)
        let order = Order()
        order.$municipality.id = municipalityID
        order.$academicYear.id = try year.requireID()
        order.kind = kind.rawValue
        order.title = kind.title(year: year.title)
        order.number = number
        order.orderDay = day.number
        order.recipientsText = ""
        order.createdAt = Date()
        order.createdBy = "Тестов"
        order.signedAt = day.date(timeZone: zone)
        order.signedBy = "Тестов"
        order.status = OrderStatus.signed.rawValue
        order.version = 1
        order.document = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
        order.docx = try DOCXWriter.data(doc)
        try await order.create(on: app.db)
        return order
    }

    /// An official headcount of a school for the current year: `counts` by grade.
    func headcount(of schoolID: UUID, _ counts: [Int: Int]) async throws {
        for (grade, count) in counts {
            let headcount = SchoolHeadcount()
            headcount.$school.id = schoolID
            headcount.$academicYear.id = yearID
            headcount.grade = grade
            headcount.count = count
            headcount.updatedAt = Date()
            try await headcount.create(on: app.db)
        }
    }
}
