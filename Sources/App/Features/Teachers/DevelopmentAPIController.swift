import Domain
import Fluent
import Vapor
import Views

/// Professional development as JSON (issue 23, items 2 and 7): the plan-schedule as the page filters it, one course, a
/// new one by the page's checks — within the same `DevelopmentScope`.
struct DevelopmentAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("professional-development", use: list)
        routes.post("professional-development", use: create)
        routes.get("professional-development", ":id", use: one)
    }

    func list(req: Request) async throws -> PageDTO<CourseDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, DevelopmentSection.choices)
        let query = DevelopmentSection.listQuery(req)
        let today = try await PlanBoard.today(req)
        let scope = try await DevelopmentScope.of(req, municipalityID: municipalityID)
        let (rows, total) = try await DevelopmentSection.query(
            query, municipalityID: municipalityID, today: today, scope: scope, req: req)
        return PageDTO(
            items: try rows.map { try CourseDTO(DevelopmentSection.row($0, today: today)) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> CourseDTO {
        let course = try await RegistryAPIController().one(DevelopmentSection(), req)
        try await course.$staff.load(on: req.db)
        return try CourseDTO(DevelopmentSection.row(course, today: try await PlanBoard.today(req)))
    }

    struct Body: Content {
        var teacherId: String?
        var course: String?
        var provider: String?
        var hours: Int?
        var startsOn: String?
        var endsOn: String?
        var trip: String?
        var completed: Bool?
        var certificate: String?
        var note: String?
    }

    /// The page form's checks and write: 422 naming each field (the body's names).
    func create(req: Request) async throws -> Response {
        let body = try req.content.decode(Body.self)
        let form = FormValues(single: [
            "teacher": body.teacherId ?? "", "course": body.course ?? "", "provider": body.provider ?? "",
            "hours": body.hours.map(String.init) ?? "", "startsOn": body.startsOn ?? "", "endsOn": body.endsOn ?? "",
            "trip": body.trip ?? "", "completed": body.completed == true ? "yes" : "no",
            "certificate": body.certificate ?? "", "note": body.note ?? "",
        ])
        let (record, errors) = try await RegistryController(section: DevelopmentSection()).insert(form, req: req)
        guard let record else {
            throw AppError.validation(ValidationFailure(fields: errors.renamed(["teacher": "teacherId"])))
        }
        try await record.$staff.load(on: req.db)
        let today = try await PlanBoard.today(req)
        return try await CourseDTO(DevelopmentSection.row(record, today: today)).encodeResponse(
            status: .created, for: req)
    }

    struct CourseDTO: Content {
        var id: UUID
        var teacherId: UUID
        var teacher: String
        var course: String
        var provider: String
        var hours: Int
        var startsOn: String
        var endsOn: String
        var trip: String
        var status: String
        var certificate: String?

        init(_ row: DevelopmentRow) {
            id = row.id
            teacherId = row.teacherID
            teacher = row.teacher
            course = row.course
            provider = row.provider
            hours = row.hours
            startsOn = row.from.iso
            endsOn = row.to.iso
            trip = row.trip.rawValue
            status = row.status.rawValue
            certificate = row.certificate
        }
    }
}
