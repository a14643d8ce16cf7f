import Domain
import Fluent
import Vapor
import Views

/// `/api/v1/certificates` (a group's or one student's) and `POST /api/v1/groups/{id}/certificates` (issue).
struct CertificatesAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("certificates", use: certificates)
        routes.post("groups", ":id", "certificates", use: issue)
    }

    struct CertificateDTO: Content {
        var id: UUID
        var number: String
        var studentId: UUID
        var groupId: UUID
        var programTitle: String
        var hours: Int
        var centerName: String
        var issuedAt: Date
        var status: String
        var annulReason: String?

        static let schema = OpenAPISchema.named(
            "Certificate",
            .object([
                .field("id", .uuid), .field("number", .string, "Номер сертификата."), .field("studentId", .uuid),
                .field("groupId", .uuid), .field("programTitle", .string), .field("hours", .integer),
                .field("centerName", .string), .field("issuedAt", .dateTime),
                .field("status", .string, "`issued` или `annulled`."), .optional("annulReason", .string),
            ]))
    }

    static func dto(_ certificate: Certificate) throws -> CertificateDTO {
        CertificateDTO(
            id: try certificate.requireID(), number: certificate.number, studentId: certificate.$student.id,
            groupId: certificate.$group.id,
            programTitle: certificate.programTitle,
            hours: certificate.hours,
            centerName: certificate.centerName, issuedAt: certificate.issuedAt, status: certificate.status,
            annulReason: certificate.annulReason)
    }

    func certificates(req: Request) async throws -> PageDTO<CertificateDTO> {
        let query = RegistrySupport.listQuery(
            req, filters: ["group", "student"], sorts: ["number"], defaultSort: "number")
        let (groups, student) = try await StudentRecordScope.groups(req, query)
        guard !groups.isEmpty else {
            return PageDTO(items: [], metadata: .init(page: query.page, per: query.per, total: 0))
        }
        var builder = Certificate.query(on: req.db).filter(\.$group.$id ~~ groups)
        if let student { builder = builder.filter(\.$student.$id == student) }
        let (rows, total) = try await builder.sort(\.$year).sort(\.$sequence).paged(query)
        return PageDTO(items: try rows.map(Self.dto), metadata: .init(page: query.page, per: query.per, total: total))
    }

    struct IssueOutput: Content {
        var issued: Int
        var certificates: [CertificateDTO]
    }

    func issue(req: Request) async throws -> Response {
        let attestedGroup = try await AttestedGroup.load(req, .read)
        try req.authorize(.create, .certificate(center: attestedGroup.scheduled.center.ref))
        let issued = try await CertificateService.issue(group: try attestedGroup.scheduled.group.requireID(), req: req)
        let response = Response(status: issued.isEmpty ? .ok : .created)
        try response.content.encode(IssueOutput(issued: issued.count, certificates: issued.map(Self.dto)))
        return response
    }
}
