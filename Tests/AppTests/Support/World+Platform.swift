import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Builders for the platform suites (API, hardening, foundation): registry records to scope and page, accounts linked to
/// students and staff, contacts on the public page. Every name is made up.
extension World {
    /// Subjects of the municipality taught by a resource centre (one made by `center(_:)`) this year.
    func subjectsTaught(_ names: [String], at centerID: UUID) async throws {
        let center = try #require(
            try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == centerID).first())
        for name in names {
            let subject = Subject(municipalityID: municipalityID, name: name)
            try await subject.create(on: app.db)
            let link = ResourceCenterSubject()
            link.$center.id = try center.requireID()
            link.$subject.id = try subject.requireID()
            try await link.create(on: app.db)
        }
    }

    /// A classroom of an organisation.
    func classroom(at organizationID: UUID, _ name: String = "Кабинет № 1", capacity: Int = 25) async throws -> Room {
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

    /// A staff member «<surname> Тест Тестович» working at the given organisations, linked to an account when given.
    func staffMember(_ surname: String, at organizations: [UUID], user: UUID? = nil) async throws -> StaffMember {
        let m = StaffMember()
        m.$municipality.id = municipalityID
        m.surname = surname
        m.givenName = "Тест"
        m.patronymic = "Тестович"
        m.position = "учитель"
        m.category = QualificationCategory.first.rawValue
        m.isOutsideTrainer = false
        m.$user.id = user
        m.searchKey = TextKey.search(surname, "Тест", "Тестович", "учитель")
        m.sortKey = TextKey.sort("\(surname) Тест Тестович")
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

    /// An agreement between two organisations, signed (with its number) unless told otherwise, from the start of the
    /// academic year until `ends`.
    @discardableResult
    func networkAgreement(
        _ kind: AgreementKind, _ partyA: UUID, _ partyB: UUID, number: String?, ends: Date,
        state: AgreementState = .signed
    ) async throws -> NetworkAgreement {
        let year = try #require(try await AcademicYear.find(yearID, on: app.db))
        let a = NetworkAgreement()
        a.$municipality.id = municipalityID
        a.kind = kind.rawValue
        a.$partyA.id = partyA
        a.$partyB.id = partyB
        a.number = number
        a.signedOn = number == nil ? nil : year.startsOn
        a.subject = "Сетевое обучение по договору \(number ?? "без номера")"
        a.startsOn = min(year.startsOn, ends.addingTimeInterval(-86_400))
        a.endsOn = ends
        a.state = state.rawValue
        a.searchKey = TextKey.search(number, a.subject)
        a.status = RecordStatus.active.rawValue
        a.version = 1
        try await a.create(on: app.db)
        return a
    }

    /// The partner record of an organisation (a college working with the network's centres).
    func partnerRecord(of organizationID: UUID, sector: PartnerSector = .college) async throws -> Partner {
        let p = Partner()
        p.$municipality.id = municipalityID
        p.$organization.id = organizationID
        p.sector = sector.rawValue
        p.forms = CodeList.encode([InteractionForm.networkPrograms])
        p.directions = CodeList.encode([InteractionDirection.technical])
        p.contactPerson = "Тестова Анна Петровна, заместитель директора"
        p.status = RecordStatus.active.rawValue
        p.version = 1
        try await p.create(on: app.db)
        return p
    }

    /// The phone an organisation shows among the contacts of the public page.
    func phone(_ phone: String, of organizationID: UUID) async throws {
        let org = try #require(try await Organization.find(organizationID, on: app.db))
        org.phone = phone
        try await org.save(on: app.db)
    }

    /// A student's own account: a user with the student role at the school, linked to the student's record.
    @discardableResult
    func accountOf(student studentID: UUID, _ username: String) async throws -> UUID {
        let student = try #require(try await Student.find(studentID, on: app.db))
        let userID = try await user(username, .student, at: student.$school.id)
        student.$user.id = userID
        try await student.save(on: app.db)
        return userID
    }

    /// Students placed in a group through the enrolment service (a seat each while there are seats).
    func placed(_ studentIDs: [UUID], in group: StudyGroup) async throws {
        for studentID in studentIDs {
            _ = try await EnrollmentService.enroll(
                studentID: studentID, groupID: try group.requireID(), app: app, req: nil)
        }
    }

    /// A group's teacher (a staff member, usually linked to an account).
    func taught(_ group: StudyGroup, by teacher: StaffMember) async throws {
        group.$teacher.id = try teacher.requireID()
        try await group.save(on: app.db)
    }
}
