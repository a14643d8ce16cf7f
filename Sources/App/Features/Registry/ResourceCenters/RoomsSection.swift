import Domain
import Fluent
import Vapor
import Views

/// Rooms of each organisation with their capacity.
struct RoomsSection: RegistrySection {
    typealias Record = Room
    let area = Registry.rooms
    let entityType = "room"
    let noun = RoomsWords.noun
    let newTitle = RoomsWords.newTitle
    let archiveConsequence = RoomsWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "organization"], sorts: ["name", "capacity", "organization"],
            defaultSort: "organization")
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        let writable = try await RegistrySupport.writableOrganizations(req, municipalityID: municipalityID) {
            .room($0)
        }
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) { .room($0) }
        let orgOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            visible?.contains(UUID(uuidString: $0.value)!) ?? true
        }
        return RoomListPage(
            query: query, organizations: orgOptions,
            rows: try rows.map { room in
                .init(
                    id: try room.requireID(), organization: room.organization.shortName, name: room.name,
                    capacity: room.capacity,
                    status: RecordStatus(rawValue: room.status) ?? .active)
            },
            total: total, canCreate: !writable.isEmpty
        ).list
    }

    /// Rooms the user may see, filtered and paged in the database (shared with the API).
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> ([Room], Int) {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) { .room($0) }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var builder = Room.query(on: req.db).join(Organization.self, on: \Room.$organization.$id == \Organization.$id)
            .filter(Organization.self, \.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let visible { builder = builder.filter(\.$organization.$id ~~ Array(visible)) }
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$organization.$id == org)
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty {
            builder = builder.group(.or) {
                $0.filter(\.$searchKey ~~ needle).filter(Organization.self, \.$searchKey ~~ needle)
            }
        }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        switch query.sort {
        case "name": builder = builder.sort(\.$sortKey, dir)
        case "capacity": builder = builder.sort(\.$capacity, dir)
        default: builder = builder.sort(Organization.self, \.$sortKey, dir).sort(\.$sortKey)
        }
        return try await builder.with(\.$organization).paged(query)
    }

    func resource(_ record: Room, on db: any Database) async throws -> Resource {
        guard let org = try await Organization.find(record.$organization.id, on: db) else { throw AppError.notFound() }
        record.$organization.value = org
        return .room(org.ref)
    }
    func newResource(_ req: Request) throws -> Resource {
        // Allowed when the user may add a room to at least one organisation; the chosen one is checked on save.
        .room(try RegistrySupport.creatableOrganization(req) { .room($0) })
    }
    func title(_ record: Room) -> String {
        record.name + (record.$organization.value.map { " — \($0.shortName)" } ?? "")
    }
    func scope(_ record: Room) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$organization.value?.$municipality.id, record.$organization.id)
    }

    func card(_ record: Room, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let page = RoomCardPage(
            organization: record.$organization.value?.shortName ?? "", name: record.name, capacity: record.capacity,
            note: record.note)
        return (page.facts, [], [])
    }

    func fields(_ req: Request, record: Room?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        return RoomFormPage(
            organizations: try await RegistrySupport.writableOrganizations(req, municipalityID: municipalityID) {
                .room($0)
            }
        ).fields
    }

    func values(_ record: Room, req: Request) async throws -> FormValues {
        FormValues(single: [
            "organization": record.$organization.id.uuidString.lowercased(), "name": record.name,
            "capacity": String(record.capacity), "note": record.note ?? "",
        ])
    }

    func apply(_ form: FormValues, to record: Room, isNew: Bool, req: Request, errors: inout FieldErrors) async throws
        -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID =
            try isNew
            ? RegistrySupport.municipality(req)
            : (record.$organization.value?.$municipality.id ?? RegistrySupport.municipality(req))
        let org = try await RegistrySupport.organization(
            form["organization"], field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)
        if let org, !req.can(isNew ? .create : .update, .room(org.ref)) {
            errors.add("organization", RoomsWords.notYourOrganization)
        }
        let name = errors.required("name", form["name"], max: 100)
        let capacity = errors.integer("capacity", form["capacity"], range: 1...2000, required: true)
        let note = errors.optional("note", form["note"], max: 1000)
        let key = TextKey.search(name)
        if let org, !name.isEmpty,
            let clash = try await Room.query(on: req.db).filter(try \.$organization.$id == org.requireID()).filter(
                \.$searchKey == key
            ).first(),
            clash.id != record.id
        {
            errors.add("name", RoomsWords.duplicate)
        }
        guard errors.isEmpty, let org, let capacity else { return nil }
        record.$organization.id = try org.requireID()
        record.$organization.value = org
        record.name = name
        record.capacity = capacity
        record.note = note
        record.searchKey = key
        record.sortKey = TextKey.sort(name)
        return { _ in }
    }

    func auditFields(_ record: Room, on db: any Database) async throws -> [String: String] {
        RoomsWords.audit(
            organization: record.$organization.value?.shortName ?? "", name: record.name, capacity: record.capacity,
            note: record.note)
    }
}
