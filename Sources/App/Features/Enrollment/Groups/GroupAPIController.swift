import Domain
import Fluent
import Vapor
import Views

/// Groups, direct enrolment (`POST /api/v1/groups/{id}/enrollments` with `{"studentId"}`) and the group's teacher
/// (`+Teacher`).
struct GroupAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("groups", use: index)
        routes.get("groups", ":id", use: show)
        routes.post("groups", ":id", "enrollments", use: enroll)
        routes.put("groups", ":id", "teacher", use: setTeacher)
    }

    struct GroupDTO: Content {
        var id: UUID
        var programId: UUID
        var organizationId: UUID
        var academicYearId: UUID
        var teacherId: UUID?
        var name: String
        var capacity: Int
        var enrolledCount: Int
        var waitingCount: Int
        var plannedHours: Int
        var isOpen: Bool
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "Group",
            .object([
                .field("id", .uuid), .field("programId", .uuid), .field("organizationId", .uuid, "Ресурсный центр."),
                .field("academicYearId", .uuid), .optional("teacherId", .uuid, "Педагог (сотрудник)."),
                .field("name", .string), .field("capacity", .integer, "Мест."),
                .field("enrolledCount", .integer, "Зачислено."), .field("waitingCount", .integer, "В листе ожидания."),
                .field("plannedHours", .integer, "Часов по плану."), .field("isOpen", .boolean, "Открыта для записи."),
                .field("status", .string), .field("version", .integer),
            ]))
    }

    static func dto(_ group: StudyGroup, waiting: Int) throws -> GroupDTO {
        GroupDTO(
            id: try group.requireID(), programId: group.$program.id, organizationId: group.$organization.id,
            academicYearId: group.$academicYear.id, teacherId: group.$teacher.id,
            name: group.name, capacity: group.capacity, enrolledCount: group.enrolledCount, waitingCount: waiting,
            plannedHours: group.plannedHours, isOpen: group.isOpen, status: group.status, version: group.version)
    }

    func index(req: Request) async throws -> PageDTO<GroupDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .group(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "organization"], sorts: ["name"], defaultSort: "name")
        try RegistrySupport.checkChoices(req, ["status": RegistrySupport.statusChoices])
        var builder = StudyGroup.query(on: req.db).join(
            Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id
        )
        .filter(Organization.self, \.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$organization.$id == org)
        }
        let (rows, total) = try await builder.sort(\.$name).sort(\.$id).paged(query)
        let waiting = try await GroupRowsSQL.waiting(groups: rows.compactMap(\.id), on: req.db)
        return PageDTO(
            items: try rows.map { try Self.dto($0, waiting: waiting[try $0.requireID()] ?? 0) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func find(_ req: Request) async throws -> (StudyGroup, Organization) {
        guard let group = try await StudyGroup.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(EnrollmentWords.Groups.notFound)
        }
        guard let center = try await Organization.find(group.$organization.id, on: req.db) else {
            throw AppError.notFound(EnrollmentWords.Groups.notFound)
        }
        try req.authorize(.read, .group(center.ref))
        return (group, center)
    }

    func show(req: Request) async throws -> GroupDTO {
        let (group, _) = try await find(req)
        return try Self.dto(
            group,
            waiting: try await GroupRowsSQL.waiting(groups: [try group.requireID()], on: req.db)[try group.requireID()]
                ?? 0)
    }

    struct EnrollInput: Content { var studentId: UUID? }
    struct EnrollOutput: Content {
        var status: String
        var position: Int?
    }

    func enroll(req: Request) async throws -> Response {
        let (group, center) = try await find(req)
        // Whether the user may enrol anyone into this group is decided before the body is read (issue 20: a refusal
        // must not depend on the input); the student's school is checked again below.
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: center.ref))
        let input = try req.content.decode(EnrollInput.self)
        guard let studentID = input.studentId else {
            var errors = FieldErrors()
            errors.add("studentId", EnrollmentWords.API.studentMissing)
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        // The student's school is part of the decision; an unknown or foreign student is not revealed.
        guard let student = try await Student.find(studentID, on: req.db),
            let school = try await Organization.find(student.$school.id, on: req.db),
            school.$municipality.id == center.$municipality.id
        else {
            throw EnrollmentService.refusal(.studentNotFound)
        }
        try req.authorize(.create, .enrollment(group: center.ref, studentSchool: school.ref))
        let outcome = try await EnrollmentService.enroll(
            studentID: studentID, groupID: try group.requireID(), app: req.application, req: req)
        let response: Response
        switch outcome {
        case .enrolled:
            response = Response(status: .created)
            try response.content.encode(EnrollOutput(status: "enrolled", position: nil))
        case .waitlisted(let position):
            response = Response(status: .ok)
            try response.content.encode(EnrollOutput(status: "waitlisted", position: position))
        }
        return response
    }
}
