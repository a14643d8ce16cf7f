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
        for enrollment in rows
        where enrollment.student.$school.id != enrollment.group.$organization.id
            && req.can(
                .read,
                .contract(
                    school: OrgRef(id: enrollment.student.$school.id, municipalityID: municipalityID),
                    center: OrgRef(id: enrollment.group.$organization.id, municipalityID: municipalityID)))
        {
            pairs.insert([enrollment.student.$school.id, enrollment.group.$organization.id])
        }
        var names: [UUID: String] = [:]
        for organization in try await Organization.query(on: req.db).filter(\.$municipality.$id == municipalityID).all()
        {
            names[try organization.requireID()] = organization.shortName
        }
        return pairs.sorted { (names[$0[0]] ?? "", names[$0[1]] ?? "") < (names[$1[0]] ?? "", names[$1[1]] ?? "") }
            .prefix(20).map { pair in
                EnrollmentsPage.Contract(
                    partner: orgs.contains(pair[0]) ? names[pair[1]] ?? "" : names[pair[0]] ?? "",
                    url: "/contracts/\(pair[0].uuidString.lowercased())/\(pair[1].uuidString.lowercased())")
            }
    }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let zone = try await RegistrySupport.zone(req)
        let query = EnrollmentQueries.listQuery(req)
        let (rows, total) = try await EnrollmentQueries.query(query, municipalityID: municipalityID, req: req)
        var positions: [UUID: Int] = [:]
        for enrollment in rows where enrollment.status == EnrollmentStatus.waitlisted.rawValue {
            if case .waitlisted(let position) = try await EnrollmentService.outcome(of: enrollment, on: req.db) {
                positions[try enrollment.requireID()] = position
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
            rows: try rows.map { enrollment in
                EnrollmentsPage.Row(
                    student: enrollment.student.fullName, school: enrollment.student.school.shortName,
                    grade: "\(enrollment.student.grade)\(enrollment.student.letter ?? "")",
                    groupID: try enrollment.group.requireID(),
                    group: enrollment.group.name, program: enrollment.group.program.title,
                    center: enrollment.group.organization.shortName,
                    rawStatus: enrollment.status, position: positions[try enrollment.requireID()],
                    withdrawnOn: enrollment.withdrawnOn.map { RuDate.format($0, timeZone: zone) },
                    withdrawReason: enrollment.withdrawReason, source: enrollment.source,
                    created: RuDate.format(enrollment.createdAt, timeZone: zone))
            },
            total: total, contracts: try await Self.contractLinks(req, municipalityID: municipalityID)
        ).list
        return req.render(page.render(await req.pageContext(active: .enrollments)))
    }
}
