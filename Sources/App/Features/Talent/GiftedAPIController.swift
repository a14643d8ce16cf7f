import Domain
import Fluent
import Vapor
import Views

/// The databank of gifted students as JSON (issue 21, item 9): `GET /gifted-students`, the same filters, rights and
/// reads as the page.
struct GiftedAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("gifted-students", use: list)
    }

    struct GiftedDTO: Content {
        var studentId: UUID
        var student: String
        var schoolId: UUID
        var school: String
        var grade: Int
        /// `rule`, `decision`.
        var basis: [String]
        var achievements: Int
        var best: String?
        var courses: Int
    }

    static let schema = OpenAPISchema.named(
        "GiftedStudent",
        .object([
            .field("studentId", .uuid), .field("student", .string), .field("schoolId", .uuid),
            .field("school", .string),
            .field("grade", .integer),
            .field("basis", .array(.oneOf(GiftedBasis.allCases.map(\.rawValue))), "По правилу и (или) решению КМЦ."),
            .field("achievements", .integer, "Достижений всего."),
            .optional("best", .string, "Лучшее достижение."), .field("courses", .integer, "Курсов сети."),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/gifted-students", id: "listGiftedStudents", area: .talent, summary: "Банк данных одарённых",
            description: """
                Обучающиеся банка данных: по правилу включения (достижения) и по решению КМЦ. Муниципалитет видит \
                обучающихся с согласием на обработку данных, школа — своих.
                """,
            list: APIParameter.list(
                sorts: ["name"], search: true,
                filters: [
                    APIParameter("school", "Только эта школа."),
                    APIParameter("grade", "Класс.", values: (1...11).map(String.init)),
                    APIParameter("direction", "Направленность.", values: ContestDirection.allCases.map(\.rawValue)),
                    APIParameter("subject", "Предмет олимпиады (id).", schema: .uuid),
                    APIParameter("level", "Уровень достижения.", values: ContestLevel.allCases.map(\.rawValue)),
                    APIParameter("basis", "Основание.", values: GiftedBasis.allCases.map(\.rawValue)),
                    APIParameter("year", "Учебный год достижения (id).", schema: .uuid),
                ]),
            responses: [.ok(.page(schema))])
    ]

    func list(req: Request) async throws -> PageDTO<GiftedDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, GiftedController.choices)
        let query = GiftedController.listQuery(req)
        for key in ["subject", "year", "school"] {
            if let value = query.filters[key], UUID(uuidString: value) == nil {
                throw AppError.badParameters([key: OlympiadWords.Gifted.badID])
            }
        }
        let (students, total, basis) = try await GiftedBank.page(query, municipalityID: municipalityID, req: req)
        let ids = students.compactMap(\.id)
        let achievements = try await GiftedBank.achievements(of: ids, on: req.db)
        let courses = try await GiftedBank.courseCounts(of: ids, on: req.db)
        return PageDTO(
            items: students.map { student in
                let list = achievements[student.id!] ?? []
                return GiftedDTO(
                    studentId: student.id!, student: student.fullName, schoolId: student.$school.id,
                    school: student.school.shortName, grade: student.grade,
                    basis: GiftedBasis.allCases.filter { basis[student.id!]?.contains($0) == true }.map(\.rawValue),
                    achievements: list.count, best: list.first.map(GiftedBank.line), courses: courses[student.id!] ?? 0)
            }, metadata: .init(page: query.page, per: query.per, total: total))
    }
}
