import Domain
import Fluent
import Vapor
import Views

/// Support measures as JSON (issue 21, item 9): `GET /support-measures` with the list's filters and rights, and one
/// measure.
struct SupportAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("support-measures", use: list)
        routes.get("support-measures", ":id", use: one)
    }

    struct MeasureDTO: Content {
        var id: UUID
        var studentId: UUID
        var student: String
        var schoolId: UUID
        var school: String
        var grade: Int
        var academicYearId: UUID
        var academicYear: String
        var kind: String
        var amount: Int
        var total: Int
        var startsOn: String?
        var endsOn: String?
        var destination: String?
        var event: String?
        var budgetLine: String?
        var basis: String
        var points: Int
        var decreeNumber: String?
        var decreeDate: String?
        var orderId: UUID?
        var status: String
        var version: Int

        init(_ measure: SupportMeasure) throws {
            let input = measure.input
            id = try measure.requireID()
            studentId = measure.$student.id
            student = measure.student.fullName
            schoolId = measure.student.$school.id
            school = measure.student.school.shortName
            grade = measure.student.grade
            academicYearId = measure.$academicYear.id
            academicYear = measure.academicYear.title
            kind = measure.kind
            amount = measure.amount
            total = measure.total
            startsOn = input.startsOn?.formatted
            endsOn = input.endsOn?.formatted
            destination = measure.destination
            event = measure.event
            budgetLine = measure.budgetLine
            basis = measure.basis
            points = measure.points
            decreeNumber = measure.decreeNumber
            decreeDate = input.decreeDay?.formatted
            orderId = measure.$order.id
            status = measure.status
            version = measure.version
        }
    }

    static let schema = OpenAPISchema.named(
        "SupportMeasure",
        .object([
            .field("id", .uuid), .field("studentId", .uuid), .field("student", .string), .field("schoolId", .uuid),
            .field("school", .string), .field("grade", .integer), .field("academicYearId", .uuid),
            .field("academicYear", .string),
            .field("kind", .oneOf(SupportKind.allCases.map(\.rawValue)), "Премия, стипендия, грант, оплата поездки."),
            .field("amount", .integer, "Рубли: премия или грант, стипендия в месяц, расходы на поездку."),
            .field("total", .integer, "Всего рублей (стипендия — за все месяцы)."),
            .optional("startsOn", .string, "Начало выплаты или выезд, ДД.ММ.ГГГГ."),
            .optional("endsOn", .string, "Окончание выплаты или возвращение, ДД.ММ.ГГГГ."),
            .optional("destination", .string, "Куда поездка."),
            .optional("event", .string, "Мероприятие, приглашение."),
            .optional("budgetLine", .string, "Статья расходов программы."), .field("basis", .string, "Основание."),
            .field("points", .integer, "Баллы кандидата при выборе."), .optional("decreeNumber", .string),
            .optional("decreeDate", .string, "ДД.ММ.ГГГГ."), .optional("orderId", .uuid, "Приказ в реестре приказов."),
            .field("status", .oneOf(SupportStatus.allCases.map(\.rawValue))), .field("version", .integer),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/support-measures", id: "listSupportMeasures", area: .talent, summary: "Меры поддержки",
            description: """
                Премии, стипендии, гранты и оплата поездок одарённым обучающимся. Муниципалитет видит меры \
                обучающихся с согласием на обработку данных, школа — своих.
                """,
            list: APIParameter.list(
                sorts: ["name", "sum", "decree"], search: true,
                filters: [
                    APIParameter("year", "Учебный год (id).", schema: .uuid),
                    APIParameter("kind", "Вид.", values: SupportKind.allCases.map(\.rawValue)),
                    APIParameter("status", "Состояние.", values: SupportStatus.allCases.map(\.rawValue)),
                    APIParameter("school", "Школа (id).", schema: .uuid),
                    APIParameter("student", "Обучающийся (id).", schema: .uuid),
                ]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .GET, "/support-measures/{id}", id: "getSupportMeasure", area: .talent, summary: "Мера поддержки",
            description: "Одна мера поддержки.", responses: [.ok(schema)]),
    ]

    func list(req: Request) async throws -> PageDTO<MeasureDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, SupportBoard.choices)
        let query = SupportBoard.listQuery(req)
        for key in ["year", "school", "student"] {
            if let value = query.filters[key], UUID(uuidString: value) == nil {
                throw AppError.badParameters([key: SupportWords.badID])
            }
        }
        let (measures, total, _) = try await SupportBoard.page(query, municipalityID: municipalityID, req: req)
        return PageDTO(
            items: try measures.map(MeasureDTO.init), metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> MeasureDTO {
        try MeasureDTO(try await SupportController.find(req, .read))
    }
}
