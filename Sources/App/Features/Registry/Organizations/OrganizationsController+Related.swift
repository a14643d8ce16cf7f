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
        var page = OrganizationRelated(centers: nil, staff: nil, rooms: nil, agreements: nil)
        if req.can(.read, .resourceCenter(ref)) {
            let rcs = try await ResourceCenter.query(on: req.db).filter(\.$organization.$id == id).with(\.$academicYear)
                .with(\.$subjects).all()
            page.centers = try rcs.sorted { $0.academicYear.startsOn > $1.academicYear.startsOn }.map {
                .init(id: try $0.requireID(), year: $0.academicYear.title, subjects: $0.subjects.map(\.name).sorted())
            }
        }
        if req.can(.read, .staff(orgs: [ref], municipalityID: ref.municipalityID)) {
            let links = try await StaffOrganization.query(on: req.db).filter(\.$organization.$id == id).with(\.$staff)
                .all()
            page.staff = try links.map(\.staff).filter { $0.status == RecordStatus.active.rawValue }.sorted {
                $0.sortKey < $1.sortKey
            }
            .map { .init(id: try $0.requireID(), name: $0.fullName, position: $0.position) }
        }
        if req.can(.read, .room(ref)) {
            let rooms = try await Room.query(on: req.db).filter(\.$organization.$id == id).filter(
                \.$status == RecordStatus.active.rawValue
            ).sort(\.$sortKey).all()
            page.rooms = try rooms.map { .init(id: try $0.requireID(), name: $0.name, capacity: $0.capacity) }
        }
        if req.can(.read, .agreement(parties: [ref], municipalityID: ref.municipalityID)) {
            let agreements = try await NetworkAgreement.query(on: req.db).group(.or) {
                $0.filter(\.$partyA.$id == id).filter(\.$partyB.$id == id)
            }
            .with(\.$partyA).with(\.$partyB).sort(\.$endsOn, .descending).all()
            page.agreements = try agreements.map { agreement in
                .init(
                    id: try agreement.requireID(), number: agreement.number, partyA: agreement.partyA.shortName,
                    partyB: agreement.partyB.shortName,
                    starts: RuDate.format(agreement.startsOn, timeZone: zone),
                    ends: RuDate.format(agreement.endsOn, timeZone: zone))
            }
        }
        return page.sections
    }
}
