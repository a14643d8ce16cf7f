import Domain
import Fluent
import Vapor
import Views

/// «Записи в группы»: the home school sees where its students study; a centre sees its groups' students.
struct EnrollmentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws { routes.get("enrollments", use: index) }

    /// Contracts of the user's own school with the centres its students attend (or of the own centre with those
    /// schools).
    static func contractLinks(_ req: Request, municipalityID: UUID) async throws -> [EnrollmentsPage.Contract] {
        let user = try req.requireUser()
        let orgs = Set(
            user.actor.activeGrants(at: Date()).filter { $0.role == .schoolAdmin || $0.role == .centerHead }.compactMap(
                \.scope.organizationID))
        guard !orgs.isEmpty else { return [] }
        // A contract is for the current year (`contractParties`): places of other years give no link.
        guard
            let year = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                \.$isCurrent == true
            ).first()
        else { return [] }
        let rows = try await Enrollment.query(on: req.db).filter(\.$status == EnrollmentStatus.enrolled.rawValue)
            .join(Student.self, on: \Enrollment.$student.$id == \Student.$id).join(
                StudyGroup.self, on: \Enrollment.$group.$id == \StudyGroup.$id
            )
            .filter(StudyGroup.self, try \.$academicYear.$id == year.requireID())
            .group(.or) {
                $0.filter(Student.self, \.$school.$id ~~ Array(orgs)).filter(
                    StudyGroup.self, \.$organization.$id ~~ Array(orgs))
            }
            .with(\.$student).with(\.$group).all()
        var pairs = Set<[UUID]>()
        // A centre's own students study under no contract.
        for e in rows
        where e.student.$school.id != e.group.$organization.id
            && req.can(
                .read,
                .contract(
                    school: OrgRef(id: e.student.$school.id, municipalityID: municipalityID),
                    center: OrgRef(id: e.group.$organization.id, municipalityID: municipalityID)))
        {
            pairs.insert([e.student.$school.id, e.group.$organization.id])
        }
        var names: [UUID: String] = [:]
        for o in try await Organization.query(on: req.db).filter(\.$municipality.$id == municipalityID).all() {
            names[try o.requireID()] = o.shortName
        }
        return pairs.sorted { (names[$0[0]] ?? "", names[$0[1]] ?? "") < (names[$1[0]] ?? "", names[$1[1]] ?? "") }
            .prefix(20).map { p in
                EnrollmentsPage.Contract(
                    partner: orgs.contains(p[0]) ? names[p[1]] ?? "" : names[p[0]] ?? "",
                    url: "/contracts/\(p[0].uuidString.lowercased())/\(p[1].uuidString.lowercased())")
            }
    }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let zone = try await RegistrySupport.zone(req)
        let query = EnrollmentQueries.listQuery(req)
        let (rows, total) = try await EnrollmentQueries.query(query, municipalityID: municipalityID, req: req)
        var positions: [UUID: Int] = [:]
        for e in rows where e.status == EnrollmentStatus.waitlisted.rawValue {
            if case .waitlisted(let p) = try await EnrollmentService.outcome(of: e, on: req.db) {
                positions[try e.requireID()] = p
            }
        }
        // Only schools whose students the user may see here (a school administrator: their own school).
        let orgs = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        let schools = try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db).filter
        {
            option in
            guard let id = UUID(uuidString: option.value) else { return false }
            let school = OrgRef(id: id, municipalityID: municipalityID)
            return ([UUID()] + orgs).contains {
                req.can(.read, .groupStudent(school: school, center: OrgRef(id: $0, municipalityID: municipalityID)))
            }
        }
        let page = EnrollmentsPage(
            query: query, schools: schools,
            rows: try rows.map { e in
                EnrollmentsPage.Row(
                    student: e.student.fullName, school: e.student.school.shortName,
                    grade: "\(e.student.grade)\(e.student.letter ?? "")", groupID: try e.group.requireID(),
                    group: e.group.name, program: e.group.program.title, center: e.group.organization.shortName,
                    rawStatus: e.status, position: positions[try e.requireID()],
                    withdrawnOn: e.withdrawnOn.map { RuDate.format($0, timeZone: zone) },
                    withdrawReason: e.withdrawReason, source: e.source,
                    created: RuDate.format(e.createdAt, timeZone: zone))
            },
            total: total, contracts: try await Self.contractLinks(req, municipalityID: municipalityID)
        ).list
        return req.render(page.render(await req.pageContext(active: .enrollments)))
    }
}
