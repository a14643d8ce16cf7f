import Domain
import Fluent
import Vapor
import Views

/// The КМЦ composition, approved for one to two years and made of representatives of the authority, the
/// methodological service, resource centres and other organisations (`001_4390f67d15d9225c.txt` §5.1–5.2).
struct KmcSection: RegistrySection {
    typealias Record = KmcMember
    let area = Registry.kmcMembers
    let entityType = "kmc_member"
    let noun = KmcWords.noun
    let newTitle = KmcWords.newTitle
    let archiveConsequence = KmcWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "current"], sorts: ["name", "role"], defaultSort: "role")
        var builder = KmcMember.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        if query.filters["current"] == "1" {
            builder = builder.filter(\.$termFrom <= Date()).filter(\.$termTo >= Date())
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        builder = query.sort == "name" ? builder.sort(\.$sortKey, dir) : builder.sort(\.$kmcRole, dir).sort(\.$sortKey)
        let (rows, total) = try await builder.with(\.$organization).paged(query)
        let zone = try await RegistrySupport.zone(req)
        return KmcListPage(
            query: query,
            rows: try rows.map { member in
                .init(
                    id: try member.requireID(), name: member.fullName, role: KmcRole(rawValue: member.kmcRole),
                    organization: member.organization?.shortName, position: member.position,
                    from: RuDate.format(member.termFrom, timeZone: zone),
                    to: RuDate.format(member.termTo, timeZone: zone))
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
    }

    func resource(_ record: KmcMember, on db: any Database) async throws -> Resource {
        .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: KmcMember) -> String { record.fullName }
    func scope(_ record: KmcMember) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$organization.id)
    }

    func card(_ record: KmcMember, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let org = try await record.$organization.get(on: req.db)
        let page = KmcCardPage(
            name: record.fullName, role: KmcRole(rawValue: record.kmcRole), organization: org?.shortName,
            position: record.position, from: RuDate.format(record.termFrom, timeZone: zone),
            to: RuDate.format(record.termTo, timeZone: zone), decreeNumber: record.decreeNumber,
            decreeDate: record.decreeDate.map { RuDate.format($0, timeZone: zone) })
        return (page.facts, [], [])
    }

    func fields(_ req: Request, record: KmcMember?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        return KmcFormPage(
            organizations: try await RegistrySupport.organizationOptions(municipalityID, on: req.db)
        ).fields
    }

    func values(_ record: KmcMember, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        return FormValues(single: [
            "fullName": record.fullName, "kmcRole": record.kmcRole,
            "organization": record.$organization.id?.uuidString.lowercased() ?? "",
            "position": record.position, "termFrom": RuDate.format(record.termFrom, timeZone: zone),
            "termTo": RuDate.format(record.termTo, timeZone: zone),
            "decreeNumber": record.decreeNumber ?? "", "decreeDate": RegistrySupport.date(record.decreeDate, zone),
        ])
    }

    func apply(_ form: FormValues, to record: KmcMember, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        let name = errors.required("fullName", form["fullName"], max: 200)
        let role = errors.choice("kmcRole", form["kmcRole"], as: KmcRole.self)
        var org: Organization?
        if let raw = form["organization"], !raw.isEmpty {
            org = try await RegistrySupport.organization(
                raw, field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)
        }
        let position = errors.required("position", form["position"], max: 200)
        let from = errors.date("termFrom", form["termFrom"], timeZone: zone, required: true)
        let to = errors.date("termTo", form["termTo"], timeZone: zone, required: true)
        KmcRules.validateTerm(from: from, to: to, timeZone: zone, errors: &errors)
        let number = errors.optional("decreeNumber", form["decreeNumber"], max: 40)
        let date = errors.date("decreeDate", form["decreeDate"], timeZone: zone, required: false)
        guard errors.isEmpty, let role, let from, let to else { return nil }
        record.$municipality.id = municipalityID
        record.fullName = name
        record.kmcRole = role.rawValue
        record.$organization.id = org?.id
        record.position = position
        record.termFrom = from
        record.termTo = to
        record.decreeNumber = number
        record.decreeDate = date
        record.searchKey = TextKey.search(name, position, org?.shortName)
        record.sortKey = TextKey.sort(name)
        return { _ in }
    }

    func auditFields(_ record: KmcMember, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(record.$municipality.id, on: db)
        return KmcWords.audit(
            name: record.fullName, role: KmcRole(rawValue: record.kmcRole), position: record.position,
            from: RuDate.format(record.termFrom, timeZone: zone), to: RuDate.format(record.termTo, timeZone: zone),
            decree: record.decreeNumber)
    }
}
