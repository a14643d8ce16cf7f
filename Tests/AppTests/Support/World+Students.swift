import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Named students, their guardians, and the accounts students and guardians sign in with. Every name is made up.
extension World {
    /// A named student of a school, born on `born` (dd.MM.yyyy), active, with consent unless told otherwise.
    func student(
        at schoolID: UUID, _ surname: String, _ givenName: String, _ patronymic: String? = nil,
        born: String = "14.03.2010", grade: Int = 10, letter: String? = "А", consentBy: String? = "мать",
        user: UUID? = nil
    ) async throws -> Student {
        let student = Student()
        student.$municipality.id = municipalityID
        student.$school.id = schoolID
        student.surname = surname
        student.givenName = givenName
        student.patronymic = patronymic
        student.birthDate = try #require(RuDate.parse(born, timeZone: zone))
        student.grade = grade
        student.letter = letter
        student.specialNeeds = false
        student.$user.id = user
        student.searchKey = TextKey.search(surname, givenName, patronymic)
        student.sortKey = TextKey.sort(student.fullName)
        student.status = RecordStatus.active.rawValue
        student.version = 1
        student.identityKey = StudentIdentity.key(
            surname: surname, givenName: givenName, patronymic: patronymic, birthDate: student.birthDate, timeZone: zone
        )
        student.consentOn = consentBy == nil ? nil : Date(timeIntervalSince1970: 1_700_000_000)
        student.consentBy = consentBy
        try await student.create(on: app.db)
        return student
    }

    /// A student's own account `username` (the role «обучающийся» at the student's school), linked to the record.
    @discardableResult
    func studentAccount(_ username: String, of studentID: UUID) async throws -> UUID {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let userID = try await user(username, .student, at: student.$school.id)
        student.$user.id = userID
        try await student.save(on: app.db)
        return userID
    }

    /// A guardian of a student, with an account `account` (the role «родитель» at the student's school, under the
    /// guardian's name) when given.
    @discardableResult
    func guardian(
        of studentID: UUID, _ fullName: String = "Тестова Мать Тестовна", relation: String = "мать",
        account username: String? = nil
    ) async throws -> Guardian {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let guardian = Guardian()
        guardian.$municipality.id = municipalityID
        guardian.$student.id = studentID
        guardian.fullName = fullName
        guardian.relation = relation
        guardian.phone = "+7 900 000-10-20"
        if let username {
            let userID = try await user(username, .guardian, at: student.$school.id)
            let account = try #require(try await User.find(userID, on: app.db))
            account.fullName = fullName
            try await account.save(on: app.db)
            guardian.$user.id = userID
        }
        guardian.status = RecordStatus.active.rawValue
        guardian.version = 1
        guardian.createdAt = Date()
        try await guardian.create(on: app.db)
        return guardian
    }
}
