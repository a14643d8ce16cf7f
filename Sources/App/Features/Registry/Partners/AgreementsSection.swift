import Domain
import Fluent
import Vapor
import Views

/// Network agreements: a school with a resource centre, or a resource centre with a partner
/// (`002_f5d848fa5a191e3f.txt`: school ↔ centre contract; `004_5209da8e0aa92458.txt`: agreements with partners).
struct AgreementsSection: RegistrySection {
    typealias Record = NetworkAgreement
    let area = Registry.agreements
    let entityType = "agreement"
    let noun = AgreementsWords.noun
    let newTitle = AgreementsWords.newTitle
    let archiveConsequence = AgreementsWords.archiveConsequence

    static func label(_ agreement: NetworkAgreement) -> String { AgreementsWords.label(number: agreement.number) }

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "state", "kind", "expiring"], sorts: ["ends", "number"], defaultSort: "ends")
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        let zone = try await RegistrySupport.zone(req)
        let now = Date()
        let soon = try await Self.expiringSoon(municipalityID: municipalityID, req: req)
        return AgreementListPage(
            query: query,
            rows: try rows.map { agreement in
                let state = AgreementState.effective(
                    stored: AgreementState(rawValue: agreement.state) ?? .draft, endsOn: agreement.endsOn, now: now)
                return .init(
                    id: try agreement.requireID(), number: agreement.number, partyA: agreement.partyA.shortName,
                    partyB: agreement.partyB.shortName,
                    subject: agreement.subject, starts: RuDate.format(agreement.startsOn, timeZone: zone),
                    ends: RuDate.format(agreement.endsOn, timeZone: zone), state: state,
                    expiring: AgreementRules.expiresSoon(state: state, endsOn: agreement.endsOn, now: now))
            },
            total: total, expiringSoon: soon, canCreate: req.can(.create, try newResource(req))
        ).list
    }

    /// Agreements the user may see: all of the municipality, or those where one of the user's organisations is a party.
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> ([NetworkAgreement], Int)
    {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .agreement(parties: [$0], municipalityID: municipalityID)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var builder = NetworkAgreement.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        if let visible {
            let ids = Array(visible)
            builder = builder.group(.or) { $0.filter(\.$partyA.$id ~~ ids).filter(\.$partyB.$id ~~ ids) }
        }
        if let kind = query.filters["kind"] { builder = builder.filter(\.$kind == kind) }
        let now = Date()
        switch query.filters["state"].flatMap(AgreementState.init(rawValue:)) {
        case .signed?: builder = builder.filter(\.$state == "signed").filter(\.$endsOn >= now)
        case .expired?: builder = builder.filter(\.$state == "signed").filter(\.$endsOn < now)
        case let state?: builder = builder.filter(\.$state == state.rawValue)
        case nil: break
        }
        if query.filters["expiring"] == "1" {
            builder = builder.filter(\.$state == "signed").filter(\.$endsOn >= now).filter(
                \.$endsOn <= now.addingTimeInterval(Double(AgreementRules.warningDays) * 86_400))
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        builder = query.sort == "number" ? builder.sort(\.$number, dir) : builder.sort(\.$endsOn, dir)
        return try await builder.sort(\.$id).with(\.$partyA).with(\.$partyB).paged(query)
    }

    static func expiringSoon(municipalityID: UUID, req: Request) async throws -> Int {
        var listQuery = ListQuery(filters: ["expiring": "1"], sort: "ends")
        listQuery.per = 1
        return try await query(listQuery, municipalityID: municipalityID, req: req).1
    }

    func resource(_ record: NetworkAgreement, on db: any Database) async throws -> Resource {
        guard let partyA = try await Organization.find(record.$partyA.id, on: db),
            let partyB = try await Organization.find(record.$partyB.id, on: db)
        else {
            throw AppError.notFound()
        }
        record.$partyA.value = partyA
        record.$partyB.value = partyB
        return .agreement(parties: [partyA.ref, partyB.ref], municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        let municipalityID = try RegistrySupport.municipality(req)
        return .agreement(parties: [], municipalityID: municipalityID)
    }
    func title(_ record: NetworkAgreement) -> String { Self.label(record) }
    func scope(_ record: NetworkAgreement) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$partyA.id)
    }

    func card(_ record: NetworkAgreement, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let kind = AgreementKind(rawValue: record.kind) ?? .schoolCenter
        let state = AgreementState.effective(
            stored: AgreementState(rawValue: record.state) ?? .draft, endsOn: record.endsOn, now: Date())
        let page = AgreementCardPage(
            kind: kind, partyA: record.$partyA.value?.shortName ?? "", partyB: record.$partyB.value?.shortName ?? "",
            number: record.number, signed: RegistrySupport.date(record.signedOn, zone), subject: record.subject,
            covers: record.covers, starts: RuDate.format(record.startsOn, timeZone: zone),
            ends: RuDate.format(record.endsOn, timeZone: zone), state: state,
            expiring: AgreementRules.expiresSoon(state: state, endsOn: record.endsOn, now: Date()))
        return (page.facts, [], page.warnings)
    }

    func fields(_ req: Request, record: NetworkAgreement?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let orgs = try await RegistrySupport.organizationOptions(municipalityID, on: req.db)
        return AgreementFormPage(organizations: orgs).fields
    }

    func values(_ record: NetworkAgreement, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        return FormValues(single: [
            "kind": record.kind, "partyA": record.$partyA.id.uuidString.lowercased(),
            "partyB": record.$partyB.id.uuidString.lowercased(),
            "subject": record.subject, "covers": record.covers ?? "",
            "startsOn": RuDate.format(record.startsOn, timeZone: zone),
            "endsOn": RuDate.format(record.endsOn, timeZone: zone), "state": record.state,
            "number": record.number ?? "",
            "signedOn": RegistrySupport.date(record.signedOn, zone),
        ])
    }

    func apply(_ form: FormValues, to record: NetworkAgreement, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        let kind = errors.choice("kind", form["kind"], as: AgreementKind.self)
        let partyA = try await RegistrySupport.organization(
            form["partyA"], field: "partyA", municipalityID: municipalityID, errors: &errors, on: req.db)
        let partyB = try await RegistrySupport.organization(
            form["partyB"], field: "partyB", municipalityID: municipalityID, errors: &errors, on: req.db)
        if let partyA, let partyB, partyA.id == partyB.id { errors.add("partyB", AgreementsWords.sameParties) }
        let centers = Set(
            try await ResourceCenter.query(on: req.db).filter(\.$status == RecordStatus.active.rawValue).all().map {
                $0.$organization.id
            })
        let partners = Set(
            try await Partner.query(on: req.db).filter(\.$municipality.$id == municipalityID).all().map {
                $0.$organization.id
            })
        if let kind, let partyA, let partyB {
            switch kind {
            case .schoolCenter:
                if partyA.orgKind != .school {
                    errors.add("partyA", AgreementsWords.firstPartySchool)
                }
                if !centers.contains(try partyB.requireID()) {
                    errors.add("partyB", AgreementsWords.secondPartyCenter)
                }
            case .centerPartner:
                if !centers.contains(try partyA.requireID()) {
                    errors.add("partyA", AgreementsWords.firstPartyCenter)
                }
                if !partners.contains(try partyB.requireID()) {
                    errors.add("partyB", AgreementsWords.secondPartyPartner)
                }
            }
        }
        let subject = errors.required("subject", form["subject"], max: 1000)
        let covers = errors.optional("covers", form["covers"], max: 2000)
        let start = errors.date("startsOn", form["startsOn"], timeZone: zone, required: true)
        let end = errors.date("endsOn", form["endsOn"], timeZone: zone, required: true)
        let state = errors.choice("state", form["state"], as: AgreementState.self)
        let number = errors.optional("number", form["number"], max: 40)
        let signed = errors.date("signedOn", form["signedOn"], timeZone: zone, required: false)
        AgreementRules.validate(start: start, end: end, state: state, number: number, signedOn: signed, errors: &errors)
        guard errors.isEmpty, let kind, let partyA, let partyB, let start, let end, let state else { return nil }
        record.$municipality.id = municipalityID
        record.kind = kind.rawValue
        record.$partyA.id = try partyA.requireID()
        record.$partyA.value = partyA
        record.$partyB.id = try partyB.requireID()
        record.$partyB.value = partyB
        record.subject = subject
        record.covers = covers
        record.startsOn = start
        record.endsOn = end
        record.state = state.rawValue
        record.number = number
        record.signedOn = signed
        record.searchKey = TextKey.search(number, subject, partyA.shortName, partyB.shortName)
        return { _ in }
    }

    func auditFields(_ record: NetworkAgreement, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(record.$municipality.id, on: db)
        return AgreementsWords.audit(
            kind: AgreementKind(rawValue: record.kind), partyA: record.$partyA.value?.shortName ?? "",
            partyB: record.$partyB.value?.shortName ?? "", number: record.number,
            signed: RegistrySupport.date(record.signedOn, zone), subject: record.subject, covers: record.covers,
            starts: RuDate.format(record.startsOn, timeZone: zone), ends: RuDate.format(record.endsOn, timeZone: zone),
            state: AgreementState(rawValue: record.state))
    }
}
