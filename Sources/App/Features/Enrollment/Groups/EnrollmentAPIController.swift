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

        static let schema = OpenAPISchema.named(
            "Enrollment",
            .object([
                .field("id", .uuid), .field("studentId", .uuid), .field("groupId", .uuid), .field("schoolId", .uuid),
                .field("centerId", .uuid),
                .field("status", .oneOf(EnrollmentStatus.allCases.map(\.rawValue)), "Состояние места."),
                .optional("position", .integer, "Место в листе ожидания."),
                .field("source", .string, "Откуда запись: `direct`, `application`…"), .field("createdAt", .dateTime),
                .optional("withdrawnOn", .dateTime, "Когда отчислен."), .optional("withdrawReason", .string),
            ]))
    }

    func index(req: Request) async throws -> PageDTO<EnrollmentDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = EnrollmentQueries.listQuery(req)
        try RegistrySupport.checkChoices(req, ["status": EnrollmentStatus.allCases.map(\.rawValue)])
        let (rows, total) = try await EnrollmentQueries.query(
            query, municipalityID: municipalityID, own: true, req: req)
        var items: [EnrollmentDTO] = []
        for enrollment in rows {
            var position: Int?
            if enrollment.status == EnrollmentStatus.waitlisted.rawValue,
                case .waitlisted(let waitPosition) = try await EnrollmentService.outcome(of: enrollment, on: req.db)
            {
                position = waitPosition
            }
            items.append(
                EnrollmentDTO(
                    id: try enrollment.requireID(), studentId: enrollment.$student.id, groupId: enrollment.$group.id,
                    schoolId: enrollment.student.$school.id,
                    centerId: enrollment.group.$organization.id, status: enrollment.status, position: position,
                    source: enrollment.source ?? "direct",
                    createdAt: enrollment.createdAt, withdrawnOn: enrollment.withdrawnOn,
                    withdrawReason: enrollment.withdrawReason))
        }
        return PageDTO(items: items, metadata: .init(page: query.page, per: query.per, total: total))
    }
}
