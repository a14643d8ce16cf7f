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
    }

    static func dto(_ c: Certificate) throws -> CertificateDTO {
        CertificateDTO(
            id: try c.requireID(), number: c.number, studentId: c.$student.id, groupId: c.$group.id,
            programTitle: c.programTitle,
            hours: c.hours,
            centerName: c.centerName, issuedAt: c.issuedAt, status: c.status, annulReason: c.annulReason)
    }

    func certificates(req: Request) async throws -> PageDTO<CertificateDTO> {
        let q = RegistrySupport.listQuery(req, filters: ["group", "student"], sorts: ["number"], defaultSort: "number")
        let (groups, student) = try await StudentRecordScope.groups(req, q)
        guard !groups.isEmpty else { return PageDTO(items: [], metadata: .init(page: q.page, per: q.per, total: 0)) }
        var b = Certificate.query(on: req.db).filter(\.$group.$id ~~ groups)
        if let student { b = b.filter(\.$student.$id == student) }
        let (rows, total) = try await b.sort(\.$year).sort(\.$sequence).paged(q)
        return PageDTO(items: try rows.map(Self.dto), metadata: .init(page: q.page, per: q.per, total: total))
    }

    struct IssueOutput: Content {
        var issued: Int
        var certificates: [CertificateDTO]
    }

    func issue(req: Request) async throws -> Response {
        let r = try await AttestedGroup.load(req, .read)
        try req.authorize(.create, .certificate(center: r.scheduled.center.ref))
        let issued = try await CertificateService.issue(group: try r.scheduled.group.requireID(), req: req)
        let response = Response(status: issued.isEmpty ? .ok : .created)
        try response.content.encode(IssueOutput(issued: issued.count, certificates: issued.map(Self.dto)))
        return response
    }
}
