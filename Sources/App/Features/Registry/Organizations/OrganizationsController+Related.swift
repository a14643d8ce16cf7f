import Domain
import Fluent
import Vapor
import Views

extension OrganizationsController {
    /// The organisation's designations, staff, rooms and agreements — each only if the viewer may see that kind here.
    func related(_ org: Organization, req: Request) async throws -> [RegistryCard.Section] {
        let ref = org.ref
        let id = try org.requireID()
        let zone = try await RegistrySupport.zone(req)
        var sections: [RegistryCard.Section] = []
        if req.can(.read, .resourceCenter(ref)) {
            let rcs = try await ResourceCenter.query(on: req.db).filter(\.$organization.$id == id).with(\.$academicYear)
                .with(\.$subjects).all()
            sections.append(
                .init(
                    title: "Ресурсный центр", columns: ["Учебный год", "Предметы"],
                    rows: try rcs.sorted { $0.academicYear.startsOn > $1.academicYear.startsOn }.map {
                        [
                            .link($0.academicYear.title, SiteURL.record(.resourceCenters, try $0.requireID()).path),
                            .text($0.subjects.map(\.name).sorted().joined(separator: ", ")),
                        ]
                    },
                    emptyText: "Организация не была ресурсным центром."))
        }
        if req.can(.read, .staff(orgs: [ref], municipalityID: ref.municipalityID)) {
            let links = try await StaffOrganization.query(on: req.db).filter(\.$organization.$id == id).with(\.$staff)
                .all()
            sections.append(
                .init(
                    title: "Сотрудники", columns: ["ФИО", "Должность"],
                    rows: try links.map(\.staff).filter { $0.status == RecordStatus.active.rawValue }.sorted {
                        $0.sortKey < $1.sortKey
                    }
                    .map { [.link($0.fullName, SiteURL.record(.staff, try $0.requireID()).path), .text($0.position)] },
                    emptyText: "Сотрудники не внесены."))
        }
        if req.can(.read, .room(ref)) {
            let rooms = try await Room.query(on: req.db).filter(\.$organization.$id == id).filter(
                \.$status == RecordStatus.active.rawValue
            ).sort(\.$sortKey).all()
            sections.append(
                .init(
                    title: "Кабинеты", columns: ["Кабинет", "Вместимость"],
                    rows: try rooms.map {
                        [.link($0.name, SiteURL.record(.rooms, try $0.requireID()).path), .text(String($0.capacity))]
                    },
                    emptyText: "Кабинеты не внесены."))
        }
        if req.can(.read, .agreement(parties: [ref], municipalityID: ref.municipalityID)) {
            let agreements = try await NetworkAgreement.query(on: req.db).group(.or) {
                $0.filter(\.$partyA.$id == id).filter(\.$partyB.$id == id)
            }
            .with(\.$partyA).with(\.$partyB).sort(\.$endsOn, .descending).all()
            sections.append(
                .init(
                    title: "Договоры", columns: ["Договор", "Стороны", "Срок"],
                    rows: try agreements.map { a in
                        [
                            .link(AgreementsSection.label(a), SiteURL.record(.agreements, try a.requireID()).path),
                            .text(a.partyA.shortName + " — " + a.partyB.shortName),
                            .text(
                                RuDate.format(a.startsOn, timeZone: zone) + " — "
                                    + RuDate.format(a.endsOn, timeZone: zone)),
                        ]
                    },
                    emptyText: "Договоров нет."))
        }
        return sections
    }
}
