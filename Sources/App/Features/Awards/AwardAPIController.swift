import Domain
import Fluent
import Vapor
import Views

/// Teachers' financial support as JSON (issue 23, items 3 and 7): the municipality's rounds newest first, one round
/// with its lines — to those who may read the rounds (the administrator, the КМЦ, the methodologist).
struct AwardAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("awards", use: list)
        routes.get("awards", ":id", use: one)
    }

    func list(req: Request) async throws -> PageDTO<RoundDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .awardRound(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: [], sorts: ["year"], defaultSort: "year")
        let (rounds, total) = try await AwardRound.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .join(AcademicYear.self, on: \AwardRound.$academicYear.$id == \AcademicYear.$id)
            .sort(AcademicYear.self, \.$startsOn, .descending).with(\.$academicYear).paged(query)
        let lines = try await TeacherAward.query(on: req.db).filter(\.$round.$id ~~ rounds.compactMap(\.id))
            .with(\.$staff).all()
        return PageDTO(
            items: try rounds.map { round in try RoundDTO(round, lines: lines.filter { $0.$round.id == round.id }) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> RoundDTO {
        let round = try await AwardsController.round(req, .read)
        let lines = try await TeacherAward.query(on: req.db).filter(\.$round.$id == round.requireID()).with(\.$staff)
            .all()
        return try RoundDTO(round, lines: lines)
    }

    struct RoundDTO: Content {
        struct Line: Content {
            var staffId: UUID
            var teacher: String
            var kind: String
            var amount: Int?
            var years: Int
        }
        var id: UUID
        var academicYearId: UUID
        var academicYear: String
        var budget: Int
        var minimumYears: Int
        var amountMin: Int
        var amountMax: Int
        var assigned: Int
        var state: String
        var version: Int
        var lines: [Line]

        init(_ round: AwardRound, lines: [TeacherAward]) throws {
            id = try round.requireID()
            academicYearId = round.$academicYear.id
            academicYear = round.academicYear.title
            budget = round.budget
            minimumYears = round.minimumYears
            amountMin = round.amountMin
            amountMax = round.amountMax
            assigned = lines.compactMap(\.amount).reduce(0, +)
            state = round.state
            version = round.version
            self.lines = lines.sorted { ($0.staff.sortKey, $0.kind) < ($1.staff.sortKey, $1.kind) }.map {
                Line(
                    staffId: $0.$staff.id, teacher: $0.staff.fullName, kind: $0.kind, amount: $0.amount, years: $0.years
                )
            }
        }
    }

    static let schema = OpenAPISchema.named(
        "AwardRound",
        .object([
            .field("id", .uuid), .field("academicYearId", .uuid),
            .field("academicYear", .string, "Учебный год, «2026/2027»."), .field("budget", .integer, "Бюджет, ₽."),
            .field("minimumYears", .integer, "Лет работы в сети, не меньше."), .field("amountMin", .integer),
            .field("amountMax", .integer), .field("assigned", .integer, "Назначено, ₽."),
            .field("state", .oneOf(["draft", "approved"]), "Черновик или утверждено."), .field("version", .integer),
            .field(
                "lines",
                .array(
                    .object([
                        .field("staffId", .uuid), .field("teacher", .string),
                        .field("kind", .oneOf([AwardLines.money, AwardLines.gratitude]), "Сумма или благодарность."),
                        .optional("amount", .integer), .field("years", .integer, "Лет в сети при назначении."),
                    ]))),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/awards", id: "listAwardRounds", area: .people, summary: "Поддержка педагогов",
            description: """
                Распределения финансовой поддержки педагогов по учебным годам, новые первыми, с назначенными суммами и \
                благодарностями. Администратору, КМЦ и методисту.
                """,
            list: APIParameter.list(sorts: ["year"], search: false, filters: []), responses: [.ok(.page(schema))]),
        APIOperation(
            .GET, "/awards/{id}", id: "getAwardRound", area: .people, summary: "Распределение поддержки педагогов",
            description: "Одно распределение с правилом, бюджетом и строками.", responses: [.ok(schema)]),
    ]
}
