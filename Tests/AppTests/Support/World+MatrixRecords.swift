import Documents
import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Single records the authorisation matrix needs in every side, written as the product stores them.
extension World {
    /// An API token of a user (its secret is thrown away: the matrix only names the token's id).
    func matrixToken(of userID: UUID) async throws -> UUID {
        let token = ApiToken()
        token.tokenHash = Secrets.sha256(Secrets.token())
        token.$user.id = userID
        token.name = "API"
        token.createdAt = Date()
        token.expiresAt = token.createdAt.addingTimeInterval(30 * 86_400)
        try await token.create(on: app.db)
        return try token.requireID()
    }

    /// A calendar feed of a teacher's own week.
    func matrixFeed(of userID: UUID, staff staffID: UUID) async throws -> UUID {
        let feed = CalendarFeed()
        feed.tokenHash = Secrets.sha256(Secrets.token())
        feed.$user.id = userID
        feed.kind = CalendarFeed.Kind.teacher.rawValue
        feed.subjectID = staffID
        feed.createdAt = Date()
        try await feed.create(on: app.db)
        return try feed.requireID()
    }

    /// A КМЦ list sent to a group's centre (a draft is the КМЦ's alone).
    func matrixList(for group: StudyGroup) async throws -> UUID {
        let list = EnrollmentList()
        list.$municipality.id = municipalityID
        list.$group.id = try group.requireID()
        list.state = EnrollmentList.State.sent.rawValue
        list.sentAt = Date()
        list.createdByName = "Тестов"
        list.createdAt = Date()
        list.version = 1
        try await list.create(on: app.db)
        return try list.requireID()
    }

    /// An import batch of a school waiting in preview (a one-line CSV).
    func matrixImportBatch(at school: UUID) async throws -> UUID {
        let batch = StudentImportBatch()
        batch.$municipality.id = municipalityID
        batch.$school.id = school
        batch.createdByName = "Тестов"
        batch.createdAt = Date()
        batch.fileName = "students.csv"
        batch.format = "csv"
        batch.content = Data("Фамилия;Имя;Дата рождения;Класс\nИмпортов;Тест;01.02.2010;10\n".utf8)
        batch.state = StudentImportBatch.State.preview.rawValue
        batch.rowCount = 1
        batch.createdCount = 0
        batch.mergedCount = 0
        batch.skippedCount = 0
        try await batch.create(on: app.db)
        return try batch.requireID()
    }

    /// A diagnostic work of a group.
    func matrixDiagnostic(of group: StudyGroup) async throws -> UUID {
        let work = DiagnosticWork()
        work.$group.id = try group.requireID()
        work.title = "Входная диагностика"
        work.workDay = CivilDay(Date(), timeZone: zone).number
        work.maxScore = 10
        work.createdAt = Date()
        work.version = 1
        try await work.create(on: app.db)
        return try work.requireID()
    }

    /// A draft order of the current year, drafted from the data as the product does.
    func matrixDraftOrder() async throws -> UUID {
        let order = try await signedOrder(
            .organization, year: year, number: "1-ОД", on: CivilDay(Date(), timeZone: zone))
        order.status = OrderStatus.draft.rawValue
        order.signedAt = nil
        order.signedBy = nil
        try await order.save(on: app.db)
        return try order.requireID()
    }

    /// A valid certificate of a student for a group, numbered `sequence` in the municipality's current year.
    func matrixCertificate(_ student: Student, group: StudyGroup, sequence: Int) async throws -> UUID {
        let certificate = Certificate()
        certificate.$municipality.id = municipalityID
        certificate.year = yearDays.lowerBound.ymd.year
        certificate.sequence = sequence
        certificate.number = "М-\(municipalityID.uuidString.prefix(4))-\(sequence)"
        certificate.verificationCode = "\(municipalityID.uuidString.prefix(6))\(sequence)"
        certificate.$student.id = try student.requireID()
        certificate.$group.id = try group.requireID()
        certificate.studentName = student.fullName
        certificate.searchKey = TextKey.search(student.fullName)
        certificate.initials = "Т. Т."
        certificate.programTitle = "Программа"
        certificate.hours = 64
        certificate.centerName = "Центр"
        certificate.firstDay = yearDays.lowerBound.number
        certificate.lastDay = yearDays.upperBound.number
        certificate.issuedAt = Date()
        certificate.issuedBy = "Тестов"
        certificate.status = Certificate.Status.valid.rawValue
        try await certificate.create(on: app.db)
        return try certificate.requireID()
    }
}
