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
        let lists = routes.grouped("lists", ":list")
        lists.get(use: show)
        lists.post("add", use: add)
        lists.post("remove", ":student", use: remove)
        lists.post("send", use: send)
        lists.post("accept", use: accept)
        lists.get("return", use: returnForm)
        lists.post("return", use: returnList)
    }

    static func url(_ id: UUID) -> String { SiteURL.enrollmentList(id).path }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let zone = try await RegistrySupport.zone(req)
        let query = RegistrySupport.listQuery(req, filters: ["state"], sorts: ["created"], defaultSort: "created")
        var builder = EnrollmentList.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let state = query.filters["state"], EnrollmentList.State(rawValue: state) != nil {
            builder = builder.filter(\.$state == state)
        }
        let all = try await builder.sort(\.$createdAt, .descending).with(\.$group) { $0.with(\.$organization) }.with(
            \.$items
        )
        .all()
        // The КМЦ sees every list; a centre sees the lists sent to its groups (not the КМЦ's drafts).
        let visible = all.filter { list in
            req.can(.update, .enrollmentList(group: list.group.organization.ref))
                || (req.can(.read, .enrollmentList(group: list.group.organization.ref))
                    && list.state != EnrollmentList.State.draft.rawValue)
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
            rows: try rows.map { row in
                EnrollmentListsPage.Row(
                    url: Self.url(try row.requireID()), group: row.group.name, center: row.group.organization.shortName,
                    items: row.items.count, state: row.state,
                    created: RuDate.formatDateTime(row.createdAt, timeZone: zone),
                    createdBy: row.createdByName, sent: row.sentAt.map { RuDate.formatDateTime($0, timeZone: zone) })
            },
            total: visible.count,
            composer: req.can(.create, .enrollmentList(group: OrgRef(id: UUID(), municipalityID: municipalityID)))
        ).list
        return req.render(list.render(await req.pageContext(active: .lists)))
    }

    func create(req: Request) async throws -> Response {
        guard
            let group = try await StudyGroup.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$organization)
                .first()
        else { throw AppError.notFound() }
        try req.authorize(.create, .enrollmentList(group: group.organization.ref))
        let user = try req.requireUser()
        let list = EnrollmentList()
        list.$municipality.id = group.organization.$municipality.id
        list.$group.id = try group.requireID()
        list.state = EnrollmentList.State.draft.rawValue
        list.createdByName = user.fullName
        list.createdAt = Date()
        list.version = 1
        try await req.db.transaction { db in
            try await list.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "enrollment_list", entityID: list.id,
                title: EnrollmentWords.Lists.auditTitle(group: group.name),
                municipalityID: list.$municipality.id, organizationID: group.$organization.id,
                after: [EnrollmentWords.Lists.auditGroup: group.name])
        }
        return req.redirect(to: Self.url(try list.requireID()), flash: EnrollmentWords.Lists.created)
    }

    /// The list, if the user may see it (a centre does not see the КМЦ's drafts).
    func find(_ req: Request) async throws -> (EnrollmentList, StudyGroup, Organization) {
        guard let id = req.parameters.get("list").flatMap(UUID.init(uuidString:)),
            let list = try await EnrollmentList.query(on: req.db).filter(\.$id == id).with(
                \.$group, { $0.with(\.$organization).with(\.$program) }
            ).first()
        else { throw AppError.notFound() }
        let center = list.group.organization
        let composer = req.can(.update, .enrollmentList(group: center.ref))
        guard
            composer
                || (req.can(.read, .enrollmentList(group: center.ref))
                    && list.state != EnrollmentList.State.draft.rawValue)
        else { throw AppError.notFound() }
        return (list, list.group, center)
    }

    static func editable(_ list: EnrollmentList) -> Bool {
        list.state == EnrollmentList.State.draft.rawValue || list.state == EnrollmentList.State.returned.rawValue
    }

    func show(req: Request) async throws -> Response {
        try await render(req)
    }

    func render(_ req: Request, problem: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (list, group, center) = try await find(req)
        let zone = try await RegistrySupport.zone(req)
        let composer = req.can(.update, .enrollmentList(group: center.ref))
        let editable = composer && Self.editable(list)
        let check = try await EnrollmentListService.check(list, req: req, on: req.db)
        let waiting = Set(
            try await Enrollment.query(on: req.db).filter(try \.$group.$id == group.requireID()).filter(
                \.$status == EnrollmentStatus.waitlisted.rawValue
            )
            .all().map { $0.$student.id })
        let inList = Set((check.needing + check.seated).compactMap(\.id))
        var schoolNames: [UUID: String] = [:]
        for organization in try await Organization.query(on: req.db).filter(
            \.$municipality.$id == center.$municipality.id
        ).all() {
            schoolNames[try organization.requireID()] = organization.shortName
        }
        func note(_ student: Student) throws -> EnrollmentListPage.Note? {
            if check.seated.contains(where: { $0.id == student.id }) { return .inGroup }
            if student.consentWithdrawnAt != nil { return .consentWithdrawn }
            if student.status != RecordStatus.active.rawValue { return .left }
            if waiting.contains(try student.requireID()) { return .waiting }
            return nil
        }
        let items: [EnrollmentListPage.Item] = try (check.needing + check.seated).sorted { $0.sortKey < $1.sortKey }.map
        {
            student in
            .init(
                name: student.fullName, school: schoolNames[student.$school.id] ?? "",
                grade: "\(student.grade)\(student.letter ?? "")",
                note: try note(student),
                removeURL: try editable
                    ? Self.url(try list.requireID()) + "/remove/" + student.requireID().uuidString.lowercased() : nil)
        }
        let free = group.capacity - group.enrolledCount
        // Search for students to add: any school of the municipality, by name, school and grade.
        var query = ListQuery(q: (try? req.query.get(String.self, at: "q")) ?? "", sort: "name", per: 50)
        var candidates: [EnrollmentListPage.Candidate] = []
        var total = 0
        if editable {
            var builder = Student.query(on: req.db).filter(\.$municipality.$id == center.$municipality.id).filter(
                \.$status == RecordStatus.active.rawValue)
            let needle = TextKey.needle(query.q)
            if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
            if let school = (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:)) {
                builder = builder.filter(\.$school.$id == school)
                query.filters["school"] = school.uuidString.lowercased()
            }
            if let grade = (try? req.query.get(Int.self, at: "grade")) {
                builder = builder.filter(\.$grade == grade)
                query.filters["grade"] = String(grade)
            } else {
                builder = builder.filter(\.$grade >= list.group.program.gradeFrom).filter(
                    \.$grade <= list.group.program.gradeTo)
            }
            total = try await builder.copy().count()
            candidates = try await builder.sort(\.$sortKey).limit(50).all().map { student in
                let id = try student.requireID()
                return .init(
                    id: id.uuidString.lowercased(), name: student.fullName,
                    school: schoolNames[student.$school.id] ?? "",
                    grade: "\(student.grade)\(student.letter ?? "")",
                    note: inList.contains(id) ? .inList : try note(student))
            }
        }
        let schools = try await RegistrySupport.organizationOptions(
            center.$municipality.id, kinds: [.school], on: req.db)
        let page = EnrollmentListPage(
            url: Self.url(try list.requireID()),
            summary: EnrollmentListPage.Summary(
                group: group.name, program: group.program.title, gradeFrom: group.program.gradeFrom,
                gradeTo: group.program.gradeTo,
                center: center.shortName, enrolled: group.enrolledCount, capacity: group.capacity, state: list.state,
                createdBy: list.createdByName, created: RuDate.formatDateTime(list.createdAt, timeZone: zone),
                sent: list.sentAt.map { RuDate.formatDateTime($0, timeZone: zone) },
                decided: list.decidedAt.map { RuDate.formatDateTime($0, timeZone: zone) }, decidedBy: list.decidedByName
            ),
            problem: problem,
            returnComment: list.state == EnrollmentList.State.returned.rawValue ? list.comment : nil,
            shortfall: editable && check.needing.count > free
                ? EnrollmentListService.shortfallMessage(needed: check.needing.count, free: free) : nil,
            items: items, editable: editable, canSend: editable && !check.needing.isEmpty,
            canDecide: list.state == EnrollmentList.State.sent.rawValue
                && req.can(.approve, .enrollmentList(group: center.ref)),
            query: query, schools: schools, candidates: candidates, candidatesTotal: total)
        return req.render(page.render(await req.pageContext(active: .lists)), status: status)
    }

}
