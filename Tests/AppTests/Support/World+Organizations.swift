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
        try await insertActive(m)
        for organizationID in organizations {
            let link = StaffOrganization()
            link.$staff.id = try m.requireID()
            link.$organization.id = organizationID
            try await link.create(on: app.db)
        }
        return m
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
        try await insertActive(a)
        return a
    }

    /// The partner record of an organisation (a college working with the network's centres unless told otherwise).
    func partner(of organizationID: UUID, sector: PartnerSector = .college) async throws -> Partner {
        let p = Partner()
        p.$municipality.id = municipalityID
        p.$organization.id = organizationID
        p.sector = sector.rawValue
        p.forms = CodeList.encode([InteractionForm.networkPrograms])
        p.directions = CodeList.encode([InteractionDirection.technical])
        p.contactPerson = "Тестова Анна Петровна, заместитель директора"
        try await insertActive(p)
        return p
    }

    /// The phone an organisation shows among the contacts of the public page.
    func phone(_ phone: String, of organizationID: UUID) async throws {
        let org = try #require(try await Organization.find(organizationID, on: app.db))
        org.phone = phone
        try await org.save(on: app.db)
    }
}
