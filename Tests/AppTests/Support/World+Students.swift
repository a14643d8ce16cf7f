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
        let s = Student()
        s.$municipality.id = municipalityID
        s.$school.id = schoolID
        s.surname = surname
        s.givenName = givenName
        s.patronymic = patronymic
        s.birthDate = try #require(RuDate.parse(born, timeZone: zone))
        s.grade = grade
        s.letter = letter
        s.specialNeeds = false
        s.$user.id = user
        s.searchKey = TextKey.search(surname, givenName, patronymic)
        s.sortKey = TextKey.sort(s.fullName)
        s.status = RecordStatus.active.rawValue
        s.version = 1
        s.identityKey = StudentIdentity.key(
            surname: surname, givenName: givenName, patronymic: patronymic, birthDate: s.birthDate, timeZone: zone)
        s.consentOn = consentBy == nil ? nil : Date(timeIntervalSince1970: 1_700_000_000)
        s.consentBy = consentBy
        try await s.create(on: app.db)
        return s
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
        let g = Guardian()
        g.$municipality.id = municipalityID
        g.$student.id = studentID
        g.fullName = fullName
        g.relation = relation
        g.phone = "+7 900 000-10-20"
        if let username {
            let userID = try await user(username, .guardian, at: student.$school.id)
            let account = try #require(try await User.find(userID, on: app.db))
            account.fullName = fullName
            try await account.save(on: app.db)
            g.$user.id = userID
        }
        g.status = RecordStatus.active.rawValue
        g.version = 1
        g.createdAt = Date()
        try await g.create(on: app.db)
        return g
    }
}
