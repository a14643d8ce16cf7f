import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Helpers every registry section shares: reading list parameters and forms, versioned saves, archiving.
enum RegistrySupport {
    /// Reads `q`, the allowed filters, `sort`, `dir`, `page` and `per` from the query string. Under `/api` it also
    /// declares what the list takes — the filters, `q` when the list searches (`search`), the parameters it reads
    /// itself (`also`) — and `APIQueryCheck` refuses any other parameter (pages ignore what they do not read).
    static func listQuery(
        _ req: Request, filters: [String], sorts: [String], defaultSort: String, defaultFilters: [String: String] = [:],
        search: Bool = false, also: [String] = []
    ) -> ListQuery {
        if req.isAPI {
            req.storage[APIListParameters.Key.self] = APIListParameters(
                filters: filters, sorts: sorts, search: search, also: also)
        }
        var chosen = defaultFilters
        for key in filters {
            // Present but empty is the filter's «Все»: it lifts a default too.
            if let value = try? req.query.get(String.self, at: key) { chosen[key] = value.isEmpty ? nil : value }
        }
        let sort =
            (try? req.query.get(String.self, at: "sort")).flatMap { sorts.contains($0) ? $0 : nil } ?? defaultSort
        let paging = PageRequest(
            page: try? req.query.get(Int.self, at: "page"), per: try? req.query.get(Int.self, at: "per"))
        return ListQuery(
            q: (try? req.query.get(String.self, at: "q")) ?? "", filters: chosen, sort: sort,
            descending: (try? req.query.get(String.self, at: "dir")) == "desc", page: paging.page, per: paging.per)
    }

    /// The values a list's filters take, for the API: a value outside them answers 400 naming the filter and what it
    /// takes (a page's selects send only these; a typo in an API call answered the whole list).
    static func checkChoices(_ req: Request, _ allowed: [String: [String]]) throws {
        guard req.isAPI else { return }
        var fields: [String: String] = [:]
        for (key, values) in allowed {
            if let value = try? req.query.get(String.self, at: key), !value.isEmpty, !values.contains(value) {
                fields[key] = RegistryWords.allowedValues(values)
            }
        }
        if !fields.isEmpty { throw AppError.badParameters(fields) }
    }

    /// A registry's `status` filter: a status, or «all».
    static let statusChoices = RecordStatus.allCases.map(\.rawValue) + ["all"]

    /// `read` over `ids` 500 at a time, the rows together: a list of ids bound into an `IN` stays far below the
    /// databases' limits on binds (SQLite 32 766) whatever a municipality's size (a workbook of every member).
    static func inChunks<Row>(_ ids: [UUID], _ read: ([UUID]) async throws -> [Row]) async throws -> [Row] {
        var rows: [Row] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            rows += try await read(Array(ids[start..<min(start + 500, ids.count)]))
        }
        return rows
    }

    /// The submitted form as name → values (checkbox groups send a name several times).
    static func form(_ req: Request) -> FormValues {
        var values: [String: [String]] = [:]
        let body = req.body.string ?? ""
        for pair in body.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let key = decode(kv[0])
            let value = kv.count > 1 ? decode(kv[1]) : ""
            values[key, default: []].append(value)
        }
        return FormValues(values)
    }

    /// The `version` an API write must send: a 422 naming it when it is missing (`missing` says whose version).
    static func version(_ sent: Int?, missing: String) throws -> Int {
        guard let sent else {
            var fields = FieldErrors()
            fields.add("version", missing)
            throw AppError.validation(ValidationFailure(fields: fields))
        }
        return sent
    }

    /// Claims the next version of a row: succeeds only if nobody saved since `expected` was read.
    /// It is the first statement of the write transaction, so on SQLite the transaction takes the write lock at once.
    static func claimVersion(table: String, id: UUID, expected: Int, on db: any Database) async throws -> Bool {
        // A version from a form is untrusted: anything outside the range real versions take is simply stale.
        guard (0..<Int(Int32.max)).contains(expected) else { return false }
        let rows = try await db.sql().update(table)
            .set("version", to: expected + 1)
            .where("id", .equal, id).where("version", .equal, expected)
            .returning("id").all()
        return !rows.isEmpty
    }

    static let conflictMessage = RegistryWords.conflict

    static func date(_ date: Date?, _ zone: TimeZone) -> String { date.map { RuDate.format($0, timeZone: zone) } ?? "" }

    /// Options for choosing an organisation of the municipality.
    static func organizationOptions(_ municipalityID: UUID, kinds: [OrganizationKind]? = nil, on db: any Database)
        async throws -> [(value: String, title: String)]
    {
        var query = Organization.query(on: db).filter(\.$municipality.$id == municipalityID).filter(
            \.$status == RecordStatus.active.rawValue)
        if let kinds { query = query.filter(\.$kind ~~ kinds.map(\.rawValue)) }
        return try await query.sort(\.$sortKey).all().map { (try $0.requireID().uuidString.lowercased(), $0.shortName) }
    }

    static func subjectOptions(_ municipalityID: UUID, on db: any Database) async throws -> [(
        value: String, title: String
    )] {
        try await Subject.query(on: db).filter(\.$municipality.$id == municipalityID).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$sortKey).all().map { (try $0.requireID().uuidString.lowercased(), $0.name) }
    }

    /// Reads an organisation id from a form and checks it belongs to the municipality.
    static func organization(
        _ raw: String?, field: String, municipalityID: UUID, errors: inout FieldErrors, on db: any Database
    ) async throws -> Organization? {
        guard let raw, !raw.isEmpty else {
            errors.add(field, RegistryWords.Choice.chooseOrganization)
            return nil
        }
        guard let id = UUID(uuidString: raw), let org = try await Organization.find(id, on: db),
            org.$municipality.id == municipalityID
        else {
            errors.add(field, RegistryWords.Choice.organizationFromList)
            return nil
        }
        return org
    }

    /// Reads subject ids from a form, keeping only subjects of the municipality.
    static func subjects(
        _ raws: [String], field: String, municipalityID: UUID, required: Bool, errors: inout FieldErrors,
        on db: any Database
    ) async throws -> [Subject] {
        let ids = raws.compactMap(UUID.init(uuidString:))
        if ids.count != raws.count { errors.add(field, RegistryWords.Choice.subjectsFromList) }
        let found =
            ids.isEmpty
            ? []
            : try await Subject.query(on: db).filter(\.$id ~~ ids).filter(\.$municipality.$id == municipalityID).all()
        if found.count != Set(ids).count { errors.add(field, RegistryWords.Choice.subjectsFromList) }
        if required && raws.isEmpty { errors.add(field, RegistryWords.Choice.atLeastOneSubject) }
        return found
    }

    /// Actions of a registry card for a user who may edit and archive it.
    static func cardActions(_ area: Registry, id: UUID, status: RecordStatus, canEdit: Bool, canArchive: Bool)
        -> [RegistryCard.Action]
    {
        var actions: [RegistryCard.Action] = []
        if canEdit && status == .active {
            actions.append(.link(RegistryWords.Actions.edit, SiteURL.edit(area, id).path, primary: true))
        }
        if canArchive && status == .active {
            actions.append(.link(RegistryWords.Actions.archive, SiteURL.archive(area, id).path, primary: false))
        }
        if canArchive && status == .archived {
            actions.append(.post(RegistryWords.Actions.restore, SiteURL.restore(area, id).path))
        }
        return actions
    }

    static func archiveConfirm(_ area: Registry, id: UUID, title: String, consequence: String, req: Request) async
        -> Response
    {
        let page = ConfirmPage.archive(area, id: id, title: title, consequence: consequence)
        return req.render(page.render(await req.pageContext(active: .registry(area))))
    }
}

extension QueryBuilder {
    /// Counts the matches, then fetches one page of them (the caller has applied filters and sorting).
    func paged(_ query: ListQuery) async throws -> ([Model], Int) {
        let total = try await self.copy().count()
        let rows = try await self.range((query.page - 1) * query.per..<query.page * query.per).all()
        return (rows, total)
    }

    /// Counts the matches, then fetches one page of their ids — for a list whose rows one statement reads.
    func pagedIDs(_ query: ListQuery) async throws -> ([Model.IDValue], Int) {
        let total = try await self.copy().count()
        let ids = try await self.range((query.page - 1) * query.per..<query.page * query.per).all(\._$id)
        return (ids, total)
    }

    /// Only the rows with no matching row in `Foreign`: a left join on `filter` whose id is null. (A `NOT EXISTS` is
    /// faster on SQLite for the groups without a timetable, 0.2 against 2.3 ms on the region, but PostgreSQL then
    /// expects thousands of unmarked lessons and walks every past lesson of the region by day for the start page's
    /// first five: 233 against 12 ms — issue 20's third pass.)
    func without<Foreign: Schema>(_ foreign: Foreign.Type, on filter: ComplexJoinFilter) -> Self {
        join(foreign, on: filter, method: .left).filter(
            .value(
                .extendedPath([.id], schema: Foreign.schemaOrAlias, space: Foreign.spaceIfNotAliased), .equal, .null))
    }

    /// `status` filter: active by default, archived, or all.
    func filterStatus(_ query: ListQuery, _ field: KeyPath<Model, FieldProperty<Model, String>>) -> Self {
        let status = query.filters["status"] ?? RecordStatus.active.rawValue
        return status == "all" ? self : self.filter(field == status)
    }
}

extension RegistrySupport {
    /// Organisations whose records of a kind the user may see: nil means all of the municipality,
    /// otherwise the user's own organisations that the policy allows.
    static func visibleOrganizations(_ req: Request, municipalityID: UUID, _ resource: (OrgRef) -> Resource) throws
        -> Set<UUID>?
    {
        let user = try req.requireUser()
        if req.can(.read, resource(OrgRef(id: UUID(), municipalityID: municipalityID))) { return nil }
        let own = user.actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        return Set(own.filter { req.can(.read, resource(OrgRef(id: $0, municipalityID: municipalityID))) })
    }

    /// Organisations the user may add a record of a kind to (for the form's choice).
    static func writableOrganizations(
        _ req: Request, municipalityID: UUID, kinds: [OrganizationKind]? = nil,
        _ resource: (OrgRef) -> Resource
    ) async throws -> [(value: String, title: String)] {
        let all = try await organizationOptions(municipalityID, kinds: kinds, on: req.db)
        return all.filter { opt in
            guard let id = UUID(uuidString: opt.value) else { return false }
            return req.can(.create, resource(OrgRef(id: id, municipalityID: municipalityID)))
        }
    }
}

extension RegistrySupport {
    /// The organisation a new record of a kind would be created in for the policy check of the «new» form:
    /// any organisation when the user's role spans the municipality, else the first own one that allows it.
    static func creatableOrganization(_ req: Request, _ resource: (OrgRef) -> Resource) throws -> OrgRef {
        let municipalityID = try municipality(req)
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        if req.can(.create, resource(probe)) { return probe }
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        return own.map { OrgRef(id: $0, municipalityID: municipalityID) }.first { req.can(.create, resource($0)) }
            ?? probe
    }
}
