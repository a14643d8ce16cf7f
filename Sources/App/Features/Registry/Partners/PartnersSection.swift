import Domain
import Fluent
import Vapor
import Views

/// The partner registry (`004_5209da8e0aa92458.txt`, second year §1): participants, form and directions of interaction.
struct PartnersSection: RegistrySection {
    typealias Record = Partner
    let area = Registry.partners
    let entityType = "partner"
    let noun = "Партнёр"
    let newTitle = "Новый партнёр"
    let archiveConsequence =
        "Партнёр пропадёт из списков выбора для новых договоров; действующие договоры и история сохранятся."

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status", "sector"], sorts: ["name"], defaultSort: "name")
        var b = Partner.query(on: req.db).join(Organization.self, on: \Partner.$organization.$id == \Organization.$id)
            .filter(\.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let sector = query.filters["sector"] { b = b.filter(\.$sector == sector) }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { b = b.filter(Organization.self, \.$searchKey ~~ needle) }
        let (rows, total) = try await b.sort(Organization.self, \.$sortKey, query.descending ? .descending : .ascending)
            .with(\.$organization).paged(query)
        return RegistryList(
            title: "Партнёры сети", area: area, query: query,
            filters: [
                CommonFilters.search,
                FieldSpec(
                    "sector", "Кто", .select(PartnerSector.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
                CommonFilters.status,
            ],
            columns: [
                Column("Партнёр", sort: "name"), Column("Кто"), Column("Формы взаимодействия"), Column("Направления"),
            ],
            rows: try rows.map { p in
                [
                    .link(p.organization.shortName, SiteURL.record(area, try p.requireID()).path),
                    .text(PartnerSector(rawValue: p.sector)?.title ?? ""),
                    .text(CodeList.decode(p.forms, as: InteractionForm.self).map(\.title).joined(separator: "; ")),
                    .text(
                        CodeList.decode(p.directions, as: InteractionDirection.self).map(\.title).joined(
                            separator: "; ")),
                ]
            },
            total: total, noun: ("партнёр", "партнёра", "партнёров"),
            createTitle: req.can(.create, .reference(municipalityID: municipalityID)) ? "Добавить партнёра" : nil,
            emptyText: "Партнёров пока нет.")
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
    func title(_ record: Partner) -> String { record.$organization.value?.shortName ?? "Партнёр" }
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
        return (
            [
                ("Организация", org.fullName), ("Кто", PartnerSector(rawValue: record.sector)?.title ?? ""),
                (
                    "Формы взаимодействия",
                    CodeList.decode(record.forms, as: InteractionForm.self).map(\.title).joined(separator: "; ")
                ),
                (
                    "Направления",
                    CodeList.decode(record.directions, as: InteractionDirection.self).map(\.title).joined(
                        separator: "; ")
                ),
                ("Контактное лицо", record.contactPerson ?? ""), ("Телефон", org.phone ?? ""),
                ("Примечание", record.note ?? ""),
            ],
            [
                RegistryCard.Section(
                    title: "Договоры", columns: ["Договор", "С кем", "Срок"],
                    rows: try agreements.map { a in
                        [
                            .link(AgreementsSection.label(a), SiteURL.record(.agreements, try a.requireID()).path),
                            .text(a.partyA.shortName),
                            .text(
                                RuDate.format(a.startsOn, timeZone: zone) + " — "
                                    + RuDate.format(a.endsOn, timeZone: zone)),
                        ]
                    }, emptyText: "Договоров с этим партнёром пока нет.")
            ], []
        )
    }

    func fields(_ req: Request, record: Partner?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        return [
            FieldSpec(
                "organization", "Организация",
                .select(
                    try await RegistrySupport.organizationOptions(municipalityID, on: req.db), empty: "— выберите —"),
                required: true, hint: "Если организации нет в списке, сначала добавьте её в раздел «Организации»."),
            FieldSpec(
                "sector", "Кто", .select(PartnerSector.allCases.map { ($0.rawValue, $0.title) }, empty: "— выберите —"),
                required: true),
            FieldSpec(
                "forms", "Формы взаимодействия", .checkboxes(InteractionForm.allCases.map { ($0.rawValue, $0.title) }),
                required: true),
            FieldSpec(
                "directions", "Направления взаимодействия",
                .checkboxes(InteractionDirection.allCases.map { ($0.rawValue, $0.title) })),
            FieldSpec("contactPerson", "Контактное лицо"),
            FieldSpec("note", "Примечание", .textarea),
        ]
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
            errors.add("forms", "Отметьте хотя бы одну форму взаимодействия.")
        } else if forms.count != form.all("forms").count {
            errors.add("forms", "Выберите формы из списка.")
        }
        let directions = form.all("directions").compactMap(InteractionDirection.init(rawValue:))
        if directions.count != form.all("directions").count {
            errors.add("directions", "Выберите направления из списка.")
        }
        let contact = errors.optional("contactPerson", form["contactPerson"], max: 200)
        let note = errors.optional("note", form["note"], max: 2000)
        if let org,
            let clash = try await Partner.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                try \.$organization.$id == org.requireID()
            ).first(),
            clash.id != record.id
        {
            errors.add("organization", "Эта организация уже есть в реестре партнёров.")
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
        [
            "Организация": record.$organization.value?.shortName ?? "",
            "Кто": PartnerSector(rawValue: record.sector)?.title ?? "",
            "Формы": CodeList.decode(record.forms, as: InteractionForm.self).map(\.title).joined(separator: "; "),
            "Направления": CodeList.decode(record.directions, as: InteractionDirection.self).map(\.title).joined(
                separator: "; "),
            "Контактное лицо": record.contactPerson ?? "", "Примечание": record.note ?? "",
        ]
    }
}
