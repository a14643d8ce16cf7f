import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Builders of the registry's records (named students and their guardians, subjects, rooms, staff, agreements, years)
/// for the suites of Students, Registry, Accounts and Programs. Every name is made up.
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

    /// A guardian of a student, signing in as `user` when given.
    @discardableResult
    func guardian(of student: Student, _ fullName: String, relation: String = "мать", user: UUID? = nil)
        async throws -> Guardian
    {
        let g = Guardian()
        g.$municipality.id = municipalityID
        g.$student.id = try student.requireID()
        g.fullName = fullName
        g.relation = relation
        g.phone = "+7 900 000-10-20"
        g.$user.id = user
        g.status = RecordStatus.active.rawValue
        g.version = 1
        g.createdAt = Date()
        try await g.create(on: app.db)
        return g
    }

    /// A past academic year «2019/2020» of the municipality.
    func pastYear() async throws -> AcademicYear {
        let past = AcademicYear(
            municipalityID: municipalityID, title: "2019/2020", startsOn: Date(timeIntervalSince1970: 1_567_296_000),
            endsOn: Date(timeIntervalSince1970: 1_598_832_000), isCurrent: false)
        try await past.create(on: app.db)
        return past
    }
}
