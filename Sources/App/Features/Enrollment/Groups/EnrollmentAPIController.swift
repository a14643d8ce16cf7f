import Domain
import Fluent
import Vapor

/// `GET /api/v1/enrollments`: places in groups, scoped as the «Записи в группы» page (a school its students, a centre
/// its
/// groups, the КМЦ everything); filters `school`, `organization`, `group`, `status`, `q`.
struct EnrollmentAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("enrollments", use: index)
    }

    struct EnrollmentDTO: Content {
        var id: UUID
        var studentId: UUID
        var groupId: UUID
        var schoolId: UUID
        var centerId: UUID
        var status: String
        var position: Int?
        var source: String
        var createdAt: Date
        var withdrawnOn: Date?
        var withdrawReason: String?
    }

    func index(req: Request) async throws -> PageDTO<EnrollmentDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let q = EnrollmentQueries.listQuery(req)
        try RegistrySupport.checkChoices(req, ["status": EnrollmentStatus.allCases.map(\.rawValue)])
        let (rows, total) = try await EnrollmentQueries.query(q, municipalityID: municipalityID, own: true, req: req)
        var items: [EnrollmentDTO] = []
        for e in rows {
            var position: Int?
            if e.status == EnrollmentStatus.waitlisted.rawValue,
                case .waitlisted(let p) = try await EnrollmentService.outcome(of: e, on: req.db)
            {
                position = p
            }
            items.append(
                EnrollmentDTO(
                    id: try e.requireID(), studentId: e.$student.id, groupId: e.$group.id,
                    schoolId: e.student.$school.id,
                    centerId: e.group.$organization.id, status: e.status, position: position,
                    source: e.source ?? "direct",
                    createdAt: e.createdAt, withdrawnOn: e.withdrawnOn, withdrawReason: e.withdrawReason))
        }
        return PageDTO(items: items, metadata: .init(page: q.page, per: q.per, total: total))
    }
}
