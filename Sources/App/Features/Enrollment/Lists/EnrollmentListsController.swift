import Domain
import Fluent
import Vapor
import Views

/// КМЦ lists in the web UI (issue 3): the coordinator composes a list for a group from students of any school and
/// sends it; the centre's head accepts it (everyone is enrolled, or nobody) or returns it with a comment.
struct EnrollmentListsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("lists", use: index)
        routes.post("groups", ":id", "lists", use: create)
        let l = routes.grouped("lists", ":list")
        l.get(use: show)
        l.post("add", use: add)
        l.post("remove", ":student", use: remove)
        l.post("send", use: send)
        l.post("accept", use: accept)
        l.get("return", use: returnForm)
        l.post("return", use: returnList)
    }

    static func url(_ id: UUID) -> String { SiteURL.enrollmentList(id).path }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let zone = try await RegistrySupport.zone(req)
        let query = RegistrySupport.listQuery(req, filters: ["state"], sorts: ["created"], defaultSort: "created")
        var b = EnrollmentList.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let s = query.filters["state"], EnrollmentList.State(rawValue: s) != nil { b = b.filter(\.$state == s) }
        let all = try await b.sort(\.$createdAt, .descending).with(\.$group) { $0.with(\.$organization) }.with(\.$items)
            .all()
        // The КМЦ sees every list; a centre sees the lists sent to its groups (not the КМЦ's drafts).
        let visible = all.filter { l in
            req.can(.update, .enrollmentList(group: l.group.organization.ref))
                || (req.can(.read, .enrollmentList(group: l.group.organization.ref))
                    && l.state != EnrollmentList.State.draft.rawValue)
        }
        let own =
            try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID).first ?? UUID()
        guard req.can(.read, .enrollmentList(group: OrgRef(id: own, municipalityID: municipalityID))) else {
            throw AppError.forbidden
        }
        let page = query.page
        let per = query.per
        let rows = visible.dropFirst((page - 1) * per).prefix(per)
        let list = EnrollmentListsPage(
            query: query,
            rows: try rows.map { l in
                EnrollmentListsPage.Row(
                    url: Self.url(try l.requireID()), group: l.group.name, center: l.group.organization.shortName,
                    items: l.items.count, state: l.state, created: RuDate.formatDateTime(l.createdAt, timeZone: zone),
                    createdBy: l.createdByName, sent: l.sentAt.map { RuDate.formatDateTime($0, timeZone: zone) })
            },
            total: visible.count,
            composer: req.can(.create, .enrollmentList(group: OrgRef(id: UUID(), municipalityID: municipalityID)))
        ).list
        return req.render(list.render(await req.pageContext(active: .lists)))
    }

    func create(req: Request) async throws -> Response {
        guard
            let g = try await StudyGroup.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$organization)
                .first()
        else { throw AppError.notFound() }
        try req.authorize(.create, .enrollmentList(group: g.organization.ref))
        let user = try req.requireUser()
        let l = EnrollmentList()
        l.$municipality.id = g.organization.$municipality.id
        l.$group.id = try g.requireID()
        l.state = EnrollmentList.State.draft.rawValue
        l.createdByName = user.fullName
        l.createdAt = Date()
        l.version = 1
        try await req.db.transaction { db in
            try await l.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "enrollment_list", entityID: l.id,
                title: EnrollmentWords.Lists.auditTitle(group: g.name),
                municipalityID: l.$municipality.id, organizationID: g.$organization.id,
                after: [EnrollmentWords.Lists.auditGroup: g.name])
        }
        return req.redirect(to: Self.url(try l.requireID()), flash: EnrollmentWords.Lists.created)
    }

    /// The list, if the user may see it (a centre does not see the КМЦ's drafts).
    func find(_ req: Request) async throws -> (EnrollmentList, StudyGroup, Organization) {
        guard let id = req.parameters.get("list").flatMap(UUID.init(uuidString:)),
            let l = try await EnrollmentList.query(on: req.db).filter(\.$id == id).with(
                \.$group, { $0.with(\.$organization).with(\.$program) }
            ).first()
        else { throw AppError.notFound() }
        let center = l.group.organization
        let composer = req.can(.update, .enrollmentList(group: center.ref))
        guard
            composer
                || (req.can(.read, .enrollmentList(group: center.ref))
                    && l.state != EnrollmentList.State.draft.rawValue)
        else { throw AppError.notFound() }
        return (l, l.group, center)
    }

    static func editable(_ l: EnrollmentList) -> Bool {
        l.state == EnrollmentList.State.draft.rawValue || l.state == EnrollmentList.State.returned.rawValue
    }

    func show(req: Request) async throws -> Response {
        try await render(req)
    }

    func render(_ req: Request, problem: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (l, g, center) = try await find(req)
        let zone = try await RegistrySupport.zone(req)
        let composer = req.can(.update, .enrollmentList(group: center.ref))
        let editable = composer && Self.editable(l)
        let check = try await EnrollmentListService.check(l, req: req, on: req.db)
        let waiting = Set(
            try await Enrollment.query(on: req.db).filter(try \.$group.$id == g.requireID()).filter(
                \.$status == EnrollmentStatus.waitlisted.rawValue
            )
            .all().map { $0.$student.id })
        let inList = Set((check.needing + check.seated).compactMap(\.id))
        var schoolNames: [UUID: String] = [:]
        for o in try await Organization.query(on: req.db).filter(\.$municipality.$id == center.$municipality.id).all() {
            schoolNames[try o.requireID()] = o.shortName
        }
        func note(_ s: Student) throws -> EnrollmentListPage.Note? {
            if check.seated.contains(where: { $0.id == s.id }) { return .inGroup }
            if s.consentWithdrawnAt != nil { return .consentWithdrawn }
            if s.status != RecordStatus.active.rawValue { return .left }
            if waiting.contains(try s.requireID()) { return .waiting }
            return nil
        }
        let items: [EnrollmentListPage.Item] = try (check.needing + check.seated).sorted { $0.sortKey < $1.sortKey }.map
        {
            s in
            .init(
                name: s.fullName, school: schoolNames[s.$school.id] ?? "", grade: "\(s.grade)\(s.letter ?? "")",
                note: try note(s),
                removeURL: try editable
                    ? Self.url(try l.requireID()) + "/remove/" + s.requireID().uuidString.lowercased() : nil)
        }
        let free = g.capacity - g.enrolledCount
        // Search for students to add: any school of the municipality, by name, school and grade.
        var query = ListQuery(q: (try? req.query.get(String.self, at: "q")) ?? "", sort: "name", per: 50)
        var candidates: [EnrollmentListPage.Candidate] = []
        var total = 0
        if editable {
            var b = Student.query(on: req.db).filter(\.$municipality.$id == center.$municipality.id).filter(
                \.$status == RecordStatus.active.rawValue)
            let needle = TextKey.needle(query.q)
            if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
            if let school = (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:)) {
                b = b.filter(\.$school.$id == school)
                query.filters["school"] = school.uuidString.lowercased()
            }
            if let grade = (try? req.query.get(Int.self, at: "grade")) {
                b = b.filter(\.$grade == grade)
                query.filters["grade"] = String(grade)
            } else {
                b = b.filter(\.$grade >= l.group.program.gradeFrom).filter(\.$grade <= l.group.program.gradeTo)
            }
            total = try await b.copy().count()
            candidates = try await b.sort(\.$sortKey).limit(50).all().map { s in
                let id = try s.requireID()
                return .init(
                    id: id.uuidString.lowercased(), name: s.fullName, school: schoolNames[s.$school.id] ?? "",
                    grade: "\(s.grade)\(s.letter ?? "")",
                    note: inList.contains(id) ? .inList : try note(s))
            }
        }
        let schools = try await RegistrySupport.organizationOptions(
            center.$municipality.id, kinds: [.school], on: req.db)
        let page = EnrollmentListPage(
            url: Self.url(try l.requireID()),
            summary: EnrollmentListPage.Summary(
                group: g.name, program: g.program.title, gradeFrom: g.program.gradeFrom, gradeTo: g.program.gradeTo,
                center: center.shortName, enrolled: g.enrolledCount, capacity: g.capacity, state: l.state,
                createdBy: l.createdByName, created: RuDate.formatDateTime(l.createdAt, timeZone: zone),
                sent: l.sentAt.map { RuDate.formatDateTime($0, timeZone: zone) },
                decided: l.decidedAt.map { RuDate.formatDateTime($0, timeZone: zone) }, decidedBy: l.decidedByName),
            problem: problem,
            returnComment: l.state == EnrollmentList.State.returned.rawValue ? l.comment : nil,
            shortfall: editable && check.needing.count > free
                ? EnrollmentListService.shortfallMessage(needed: check.needing.count, free: free) : nil,
            items: items, editable: editable, canSend: editable && !check.needing.isEmpty,
            canDecide: l.state == EnrollmentList.State.sent.rawValue
                && req.can(.approve, .enrollmentList(group: center.ref)),
            query: query, schools: schools, candidates: candidates, candidatesTotal: total)
        return req.render(page.render(await req.pageContext(active: .lists)), status: status)
    }

}
