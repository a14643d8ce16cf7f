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

    /// A subject of the municipality.
    func subject(_ name: String) async throws -> Subject {
        let subject = Subject(municipalityID: municipalityID, name: name)
        try await subject.create(on: app.db)
        return subject
    }

    /// Subjects taught by a resource centre (one made by `center(_:)`) this year.
    func teach(_ subjects: [Subject], at centerID: UUID) async throws {
        let center = try #require(
            try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == centerID).first())
        for subject in subjects {
            let link = ResourceCenterSubject()
            link.$center.id = try center.requireID()
            link.$subject.id = try subject.requireID()
            try await link.create(on: app.db)
        }
    }

    /// A room of an organisation.
    func room(at organizationID: UUID, _ name: String, capacity: Int = 25) async throws -> Room {
        let room = Room()
        room.$organization.id = organizationID
        room.name = name
        room.capacity = capacity
        room.searchKey = TextKey.search(name)
        room.sortKey = TextKey.sort(name)
        room.status = RecordStatus.active.rawValue
        room.version = 1
        try await room.create(on: app.db)
        return room
    }

    /// A staff member working at organisations, with the account `user` when given.
    func staff(
        _ surname: String, _ givenName: String = "Тест", _ patronymic: String = "Тестович", at organizations: [UUID],
        user: UUID? = nil
    )
        async throws -> StaffMember
    {
        let m = StaffMember()
        m.$municipality.id = municipalityID
        m.surname = surname
        m.givenName = givenName
        m.patronymic = patronymic
        m.position = "учитель"
        m.category = QualificationCategory.first.rawValue
        m.isOutsideTrainer = false
        m.$user.id = user
        m.searchKey = TextKey.search(surname, givenName, patronymic, m.position)
        m.sortKey = TextKey.sort(m.fullName)
        m.status = RecordStatus.active.rawValue
        m.version = 1
        try await m.create(on: app.db)
        for organizationID in organizations {
            let link = StaffOrganization()
            link.$staff.id = try m.requireID()
            link.$organization.id = organizationID
            try await link.create(on: app.db)
        }
        return m
    }

    /// A signed agreement between a school and a resource centre for the current year.
    func agreement(school schoolID: UUID, center centerID: UUID, number: String) async throws -> NetworkAgreement {
        let year = try #require(try await AcademicYear.find(yearID, on: app.db))
        let a = NetworkAgreement()
        a.$municipality.id = municipalityID
        a.kind = AgreementKind.schoolCenter.rawValue
        a.$partyA.id = schoolID
        a.$partyB.id = centerID
        a.number = number
        a.signedOn = year.startsOn
        a.subject = "Обучение по сетевым курсам"
        a.startsOn = year.startsOn
        a.endsOn = year.endsOn
        a.state = AgreementState.signed.rawValue
        a.searchKey = TextKey.search(number, a.subject)
        a.status = RecordStatus.active.rawValue
        a.version = 1
        try await a.create(on: app.db)
        return a
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
