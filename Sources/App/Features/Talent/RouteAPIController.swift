import Domain
import Fluent
import Vapor
import Views

/// Individual routes as JSON (issue 21, item 9): `GET /individual-routes` with the list's filters and rights, and one
/// route with its steps (the support notes never leave the school's page).
struct RouteAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("individual-routes", use: list)
        routes.get("individual-routes", ":id", use: one)
    }

    struct StepDTO: Content {
        var id: UUID
        var kind: String
        var title: String
        var startsOn: String?
        var dueOn: String
        var status: String
        var result: String?
    }

    struct RouteDTO: Content {
        var id: UUID
        var studentId: UUID
        var student: String
        var schoolId: UUID
        var school: String
        var grade: Int
        var academicYearId: UUID
        var academicYear: String
        var goals: String
        var mentor: String?
        var curator: String
        var status: String
        var stepsDone: Int
        var stepsTotal: Int
        var steps: [StepDTO]?
        var version: Int

        init(_ route: IndividualRoute, steps: [IndividualRouteStep], full: Bool) throws {
            id = try route.requireID()
            studentId = route.$student.id
            student = route.student.fullName
            schoolId = route.$school.id
            school = route.student.school.shortName
            grade = route.student.grade
            academicYearId = route.$academicYear.id
            academicYear = route.academicYear.title
            goals = route.goals
            mentor = route.mentor
            curator = route.curator
            status = route.status
            stepsDone = steps.filter { $0.status == RouteStepStatus.done.rawValue }.count
            stepsTotal = steps.count
            self.steps =
                full
                ? try steps.map {
                    let input = $0.input
                    return StepDTO(
                        id: try $0.requireID(), kind: $0.kind, title: $0.title, startsOn: input.startsOn?.formatted,
                        dueOn: input.dueOn.formatted, status: $0.status, result: $0.result)
                } : nil
            version = route.version
        }
    }

    static let stepSchema = OpenAPISchema.named(
        "IndividualRouteStep",
        .object([
            .field("id", .uuid), .field("kind", .oneOf(RouteStepKind.allCases.map(\.rawValue))),
            .field("title", .string), .optional("startsOn", .string, "ДД.ММ.ГГГГ."),
            .field("dueOn", .string, "Контрольная точка, ДД.ММ.ГГГГ."),
            .field("status", .oneOf(RouteStepStatus.allCases.map(\.rawValue))), .optional("result", .string),
        ]))

    static let schema = OpenAPISchema.named(
        "IndividualRoute",
        .object([
            .field("id", .uuid), .field("studentId", .uuid), .field("student", .string), .field("schoolId", .uuid),
            .field("school", .string), .field("grade", .integer), .field("academicYearId", .uuid),
            .field("academicYear", .string), .field("goals", .string), .optional("mentor", .string),
            .field("curator", .string), .field("status", .oneOf(RouteStatus.allCases.map(\.rawValue))),
            .field("stepsDone", .integer), .field("stepsTotal", .integer),
            .optional("steps", .array(stepSchema), "Этапы (в ответе об одном маршруте)."), .field("version", .integer),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/individual-routes", id: "listIndividualRoutes", area: .talent,
            summary: "Индивидуальные маршруты",
            description: """
                Индивидуальные образовательные маршруты обучающихся банка данных одарённых. Школа видит своих, \
                муниципалитет — обучающихся с согласием на обработку данных. Записи психолого-педагогического \
                сопровождения в API не выдаются.
                """,
            list: APIParameter.list(
                sorts: ["name", "year"], search: true,
                filters: [
                    APIParameter("year", "Учебный год (id).", schema: .uuid),
                    APIParameter("school", "Школа (id).", schema: .uuid),
                    APIParameter("status", "Состояние.", values: RouteStatus.allCases.map(\.rawValue)),
                    APIParameter("student", "Обучающийся (id).", schema: .uuid),
                ]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .GET, "/individual-routes/{id}", id: "getIndividualRoute", area: .talent, summary: "Индивидуальный маршрут",
            description: "Один маршрут с этапами.", responses: [.ok(schema)]),
    ]

    func list(req: Request) async throws -> PageDTO<RouteDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, RoutesController.choices)
        let query = RoutesController.listQuery(req)
        for key in ["year", "school", "student"] {
            if let value = query.filters[key], UUID(uuidString: value) == nil {
                throw AppError.badParameters([key: RouteWords.badID])
            }
        }
        let (routes, total) = try await RoutesController.page(query, municipalityID: municipalityID, req: req)
        let steps = try await RoutesController.steps(of: routes.compactMap(\.id), on: req.db)
        return PageDTO(
            items: try routes.map { try RouteDTO($0, steps: steps[$0.id!] ?? [], full: false) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> RouteDTO {
        let route = try await RoutesController.find(req, .read)
        let id = try route.requireID()
        return try RouteDTO(
            route, steps: (try await RoutesController.steps(of: [id], on: req.db))[id] ?? [], full: true)
    }
}
