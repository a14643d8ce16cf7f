import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// What organisations have and share: rooms, staff, subjects a centre teaches, agreements, partners, contacts.
extension World {
    /// A room of an organisation.
    func room(at organizationID: UUID, _ name: String, capacity: Int = 25) async throws -> Room {
        let room = Room()
        room.$organization.id = organizationID
        room.name = name
        room.capacity = capacity
        room.searchKey = TextKey.search(name)
        room.sortKey = TextKey.sort(name)
        try await insertActive(room)
        return room
    }

    /// A teacher «<surname> Тест Тестович» (unless named otherwise) working at organisations, signing in as `user`.
    func staff(
        _ surname: String, _ givenName: String = "Тест", _ patronymic: String = "Тестович", at organizations: [UUID],
        user: UUID? = nil
    ) async throws -> StaffMember {
        let staff = StaffMember()
        staff.$municipality.id = municipalityID
        staff.surname = surname
        staff.givenName = givenName
        staff.patronymic = patronymic
        staff.position = "учитель"
        staff.category = QualificationCategory.first.rawValue
        staff.isOutsideTrainer = false
        staff.$user.id = user
        staff.searchKey = TextKey.search(surname, givenName, patronymic, staff.position)
        staff.sortKey = TextKey.sort(staff.fullName)
        try await insertActive(staff)
        for organizationID in organizations {
            let link = StaffOrganization()
            link.$staff.id = try staff.requireID()
            link.$organization.id = organizationID
            try await link.create(on: app.db)
        }
        return staff
    }

    /// A subject of the municipality.
    func subject(_ name: String) async throws -> Subject {
        let subject = Subject(municipalityID: municipalityID, name: name)
        try await subject.create(on: app.db)
        return subject
    }

    /// New subjects of the municipality, taught by a resource centre (one made by `center(_:)`) this year.
    @discardableResult
    func teach(_ names: [String], at centerID: UUID) async throws -> [Subject] {
        let center = try #require(
            try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == centerID).first())
        var subjects: [Subject] = []
        for name in names {
            let subject = try await subject(name)
            let link = ResourceCenterSubject()
            link.$center.id = try center.requireID()
            link.$subject.id = try subject.requireID()
            try await link.create(on: app.db)
            subjects.append(subject)
        }
        return subjects
    }

    /// An agreement of `kind` between two organisations, signed with its number
    /// unless told otherwise, from the start of the academic year until `ends` (the year's end unless given).
    @discardableResult
    func agreement(
        _ kind: AgreementKind, _ partyA: UUID, _ partyB: UUID, number: String?, ends: Date? = nil,
        state: AgreementState = .signed
    ) async throws -> NetworkAgreement {
        let ends = ends ?? year.endsOn
        let agreement = NetworkAgreement()
        agreement.$municipality.id = municipalityID
        agreement.kind = kind.rawValue
        agreement.$partyA.id = partyA
        agreement.$partyB.id = partyB
        agreement.number = number
        agreement.signedOn = number == nil ? nil : year.startsOn
        agreement.subject = "Сетевое обучение по договору \(number ?? "без номера")"
        agreement.startsOn = min(year.startsOn, ends.addingTimeInterval(-86_400))
        agreement.endsOn = ends
        agreement.state = state.rawValue
        agreement.searchKey = TextKey.search(number, agreement.subject)
        try await insertActive(agreement)
        return agreement
    }

    /// The partner record of an organisation (a college working with the network's centres unless told otherwise).
    func partner(of organizationID: UUID, sector: PartnerSector = .college) async throws -> Partner {
        let partner = Partner()
        partner.$municipality.id = municipalityID
        partner.$organization.id = organizationID
        partner.sector = sector.rawValue
        partner.forms = CodeList.encode([InteractionForm.networkPrograms])
        partner.directions = CodeList.encode([InteractionDirection.technical])
        partner.contactPerson = "Тестова Анна Петровна, заместитель директора"
        try await insertActive(partner)
        return partner
    }

    /// The phone an organisation shows among the contacts of the public page.
    func phone(_ phone: String, of organizationID: UUID) async throws {
        let org = try #require(try await Organization.find(organizationID, on: app.db))
        org.phone = phone
        try await org.save(on: app.db)
    }
}
