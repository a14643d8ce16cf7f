import Domain
import Fluent
import Vapor
import Views

/// Organisations in the web UI: list, card with history, create, edit, archive and restore.
struct OrganizationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let orgs = routes.grouped("organizations")
        orgs.get(use: index)
        orgs.get("new", use: newForm)
        orgs.post("new", use: create)
        orgs.get(":id", use: show)
        orgs.get(":id", "edit", use: editForm)
        orgs.post(":id", "edit", use: update)
        orgs.get(":id", "archive", use: archiveConfirm)
        orgs.post(":id", "archive", use: archive)
        orgs.post(":id", "restore", use: restore)
    }

    struct FormInput: Content {
        var kind: String?
        var fullName: String?
        var shortName: String?
        var address: String?
        var phone: String?
        var email: String?
        var website: String?
        var headName: String?
        var version: Int?

        var values: [String: String] {
            [
                "kind": kind ?? "", "fullName": fullName ?? "", "shortName": shortName ?? "", "address": address ?? "",
                "phone": phone ?? "", "email": email ?? "", "website": website ?? "", "headName": headName ?? "",
            ]
        }

        func validated() -> Result<OrganizationInput, ValidationFailure> {
            OrganizationInput.validate(
                kind: kind, fullName: fullName, shortName: shortName, address: address,
                phone: phone, email: email, website: website, headName: headName)
        }
    }

    static func values(of organization: Organization) -> [String: String] {
        [
            "kind": organization.kind, "fullName": organization.fullName, "shortName": organization.shortName,
            "address": organization.address ?? "",
            "phone": organization.phone ?? "", "email": organization.email ?? "", "website": organization.website ?? "",
            "headName": organization.headName ?? "",
        ]
    }

    func homeMunicipality(_ req: Request) throws -> UUID {
        guard let municipalityID = try req.requireUser().municipalityIDs.first else { throw AppError.forbidden }
        return municipalityID
    }

    func index(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let municipalityID = try homeMunicipality(req)
        try req.authorize(.read, .organization(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = OrganizationQueries.listQuery(from: req)
        let (rows, total) = try await OrganizationQueries.list(query, user: user, on: req.db)
        let names = try await municipalityNames(req)
        let centers = try await OrganizationQueries.currentCenterIDs(municipalityIDs: user.municipalityIDs, on: req.db)
        let page = OrganizationListPage(
            query: query,
            rows: try rows.map {
                try OrganizationQueries.summary($0, municipality: names[$0.$municipality.id] ?? "", centers: centers)
            },
            total: total, canCreate: req.can(.create, .organization(OrgRef(id: UUID(), municipalityID: municipalityID)))
        )
        return req.render(page.render(await req.pageContext(active: .organizations)))
    }

    func show(req: Request) async throws -> Response {
        let org = try await OrganizationQueries.find(try req.idParameter(), req: req)
        let names = try await municipalityNames(req)
        let centers = try await OrganizationQueries.currentCenterIDs(
            municipalityIDs: [org.$municipality.id], on: req.db)
        let history = try await Audit.history(entityID: try org.requireID(), req: req)
        let card = OrganizationCard(
            org: try OrganizationQueries.summary(
                org, municipality: names[org.$municipality.id] ?? "", centers: centers),
            history: history, canEdit: req.can(.update, .organization(org.ref)),
            canArchive: req.can(.archive, .organization(org.ref)), related: try await related(org, req: req))
        return req.render(card.render(await req.pageContext(active: .organizations)))
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.create, .organization(OrgRef(id: UUID(), municipalityID: try homeMunicipality(req))))
        let form = OrganizationForm(id: nil, values: ["kind": OrganizationKind.school.rawValue], version: 0)
        return req.render(form.render(await req.pageContext(active: .organizations)))
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try homeMunicipality(req)
        try req.authorize(.create, .organization(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let input = try req.content.decode(FormInput.self)
        switch input.validated() {
        case .failure(let failure):
            let form = OrganizationForm(id: nil, values: input.values, version: 0, errors: failure.fields)
            return req.render(form.render(await req.pageContext(active: .organizations)), status: .unprocessableEntity)
        case .success(let clean):
            let org = try await req.db.transaction { db in
                try await OrganizationStore.create(clean, municipalityID: municipalityID, on: db, req: req)
            }
            return req.redirect(
                to: SiteURL.organization(try org.requireID()).path, flash: OrganizationsWords.added(org.shortName))
        }
    }

    func editForm(req: Request) async throws -> Response {
        let org = try await OrganizationQueries.find(try req.idParameter(), req: req, action: .update)
        let form = OrganizationForm(id: org.id, values: Self.values(of: org), version: org.version)
        return req.render(form.render(await req.pageContext(active: .organizations)))
    }

    func update(req: Request) async throws -> Response {
        let org = try await OrganizationQueries.find(try req.idParameter(), req: req, action: .update)
        let input = try req.content.decode(FormInput.self)
        // The kind decides what an organisation may be in the network (a party to which agreements, …):
        // only those who may create organisations change it.
        if input.kind != org.kind,
            !req.can(.create, .organization(OrgRef(id: UUID(), municipalityID: org.$municipality.id)))
        {
            var fieldErrors = FieldErrors()
            fieldErrors.add("kind", OrganizationsWords.kindChangeRefused)
            let form = OrganizationForm(
                id: org.id, values: input.values, version: input.version ?? org.version, errors: fieldErrors)
            return req.render(form.render(await req.pageContext(active: .organizations)), status: .unprocessableEntity)
        }
        switch input.validated() {
        case .failure(let failure):
            let form = OrganizationForm(
                id: org.id, values: input.values, version: input.version ?? org.version, errors: failure.fields)
            return req.render(form.render(await req.pageContext(active: .organizations)), status: .unprocessableEntity)
        case .success(let clean):
            let expected = input.version ?? -1
            guard try await OrganizationStore.update(org, with: clean, expectedVersion: expected, on: req.db, req: req)
            else {
                // Someone saved first: show their values and keep nothing of ours silently.
                let current = try await OrganizationQueries.find(try org.requireID(), req: req)
                let form = OrganizationForm(
                    id: current.id, values: Self.values(of: current), version: current.version,
                    conflict: Self.conflictMessage)
                return req.render(form.render(await req.pageContext(active: .organizations)), status: .conflict)
            }
            return req.redirect(to: SiteURL.organization(try org.requireID()).path, flash: RegistryWords.saved)
        }
    }

    static let conflictMessage = RegistryWords.conflict

    func archiveConfirm(req: Request) async throws -> Response {
        let org = try await OrganizationQueries.find(try req.idParameter(), req: req, action: .archive)
        let page = OrganizationsWords.archiveConfirm(id: try org.requireID(), name: org.shortName)
        return req.render(page.render(await req.pageContext(active: .organizations)))
    }

    func archive(req: Request) async throws -> Response {
        let org = try await OrganizationQueries.find(try req.idParameter(), req: req, action: .archive)
        if org.recordStatus == .active { try await OrganizationStore.setStatus(org, .archived, on: req.db, req: req) }
        return req.redirect(
            to: SiteURL.organization(try org.requireID()).path, flash: OrganizationsWords.archived)
    }

    func restore(req: Request) async throws -> Response {
        let org = try await OrganizationQueries.find(try req.idParameter(), req: req, action: .archive)
        if org.recordStatus == .archived { try await OrganizationStore.setStatus(org, .active, on: req.db, req: req) }
        return req.redirect(
            to: SiteURL.organization(try org.requireID()).path, flash: OrganizationsWords.restored)
    }

    func municipalityNames(_ req: Request) async throws -> [UUID: String] {
        let ms = try await Municipality.query(on: req.db).all()
        return Dictionary(uniqueKeysWithValues: ms.compactMap { m in m.id.map { ($0, m.name) } })
    }
}
