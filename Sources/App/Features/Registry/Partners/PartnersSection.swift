import Domain
import Fluent
import Vapor
import Views

/// The partner registry (`004_5209da8e0aa92458.txt`, second year §1): participants, form and directions of interaction.
struct PartnersSection: RegistrySection {
    typealias Record = Partner
    let area = Registry.partners
    let entityType = "partner"
    let noun = PartnersWords.noun
    let newTitle = PartnersWords.newTitle
    let archiveConsequence = PartnersWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status", "sector"], sorts: ["name"], defaultSort: "name")
        var builder = Partner.query(on: req.db).join(
            Organization.self, on: \Partner.$organization.$id == \Organization.$id
        )
        .filter(\.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let sector = query.filters["sector"] { builder = builder.filter(\.$sector == sector) }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(Organization.self, \.$searchKey ~~ needle) }
        let (rows, total) = try await builder.sort(
            Organization.self, \.$sortKey, query.descending ? .descending : .ascending
        )
        .with(\.$organization).paged(query)
        return PartnerListPage(
            query: query,
            rows: try rows.map { partner in
                .init(
                    id: try partner.requireID(), name: partner.organization.shortName,
                    sector: PartnerSector(rawValue: partner.sector),
                    forms: CodeList.decode(partner.forms, as: InteractionForm.self),
                    directions: CodeList.decode(partner.directions, as: InteractionDirection.self))
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
    }

    func resource(_ record: Partner, on db: any Database) async throws -> Resource {
        if record.$organization.value == nil, let org = try await Organization.find(record.$organization.id, on: db) {
            record.$organization.value = org
        }
        return .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: Partner) -> String { record.$organization.value?.shortName ?? PartnersWords.noun }
    func scope(_ record: Partner) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$organization.id)
    }

    func card(_ record: Partner, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let org = try await record.$organization.get(on: req.db)
        let agreements = try await NetworkAgreement.query(on: req.db).filter(try \.$partyB.$id == org.requireID()).with(
            \.$partyA
        )
        .all()
        .filter {
            req.can(.read, .agreement(parties: [$0.partyA.ref, org.ref], municipalityID: $0.$municipality.id))
        }
        let zone = try await RegistrySupport.zone(req)
        let page = PartnerCardPage(
            title: title(record), fullName: org.fullName, sector: PartnerSector(rawValue: record.sector),
            forms: CodeList.decode(record.forms, as: InteractionForm.self),
            directions: CodeList.decode(record.directions, as: InteractionDirection.self),
            contact: record.contactPerson, phone: org.phone, note: record.note,
            agreements: try agreements.map { agreement in
                .init(
                    id: try agreement.requireID(), number: agreement.number, with: agreement.partyA.shortName,
                    starts: RuDate.format(agreement.startsOn, timeZone: zone),
                    ends: RuDate.format(agreement.endsOn, timeZone: zone))
            })
        return (page.facts, page.sections, [])
    }

    func fields(_ req: Request, record: Partner?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        return PartnerFormPage(
            organizations: try await RegistrySupport.organizationOptions(municipalityID, on: req.db)
        ).fields
    }

    func values(_ record: Partner, req: Request) async throws -> FormValues {
        FormValues([
            "organization": [record.$organization.id.uuidString.lowercased()], "sector": [record.sector],
            "forms": CodeList.decode(record.forms, as: InteractionForm.self).map(\.rawValue),
            "directions": CodeList.decode(record.directions, as: InteractionDirection.self).map(\.rawValue),
            "contactPerson": [record.contactPerson ?? ""], "note": [record.note ?? ""],
        ])
    }

    func apply(_ form: FormValues, to record: Partner, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let org = try await RegistrySupport.organization(
            form["organization"], field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)
        let sector = errors.choice("sector", form["sector"], as: PartnerSector.self)
        let forms = form.all("forms").compactMap(InteractionForm.init(rawValue:))
        if forms.isEmpty {
            errors.add("forms", PartnersWords.atLeastOneForm)
        } else if forms.count != form.all("forms").count {
            errors.add("forms", PartnersWords.formsFromList)
        }
        let directions = form.all("directions").compactMap(InteractionDirection.init(rawValue:))
        if directions.count != form.all("directions").count {
            errors.add("directions", PartnersWords.directionsFromList)
        }
        let contact = errors.optional("contactPerson", form["contactPerson"], max: 200)
        let note = errors.optional("note", form["note"], max: 2000)
        if let org,
            let clash = try await Partner.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                try \.$organization.$id == org.requireID()
            ).first(),
            clash.id != record.id
        {
            errors.add("organization", PartnersWords.duplicate)
        }
        guard errors.isEmpty, let org, let sector else { return nil }
        record.$municipality.id = municipalityID
        record.$organization.id = try org.requireID()
        record.$organization.value = org
        record.sector = sector.rawValue
        record.forms = CodeList.encode(forms)
        record.directions = CodeList.encode(directions)
        record.contactPerson = contact
        record.note = note
        return { _ in }
    }

    func auditFields(_ record: Partner, on db: any Database) async throws -> [String: String] {
        PartnersWords.audit(
            organization: record.$organization.value?.shortName ?? "", sector: PartnerSector(rawValue: record.sector),
            forms: CodeList.decode(record.forms, as: InteractionForm.self),
            directions: CodeList.decode(record.directions, as: InteractionDirection.self),
            contact: record.contactPerson, note: record.note)
    }
}
