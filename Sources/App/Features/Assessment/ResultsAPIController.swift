import Domain
import Fluent
import Vapor
import Views

/// `/api/v1/results`: final results of a group or of one student's courses.
struct ResultsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("results", use: results)
    }

    struct ResultDTO: Content {
        var groupId: UUID
        var studentId: UUID
        var form: String
        var passed: Bool
        var grade: String?
        var date: String

        static let schema = OpenAPISchema.named(
            "FinalResult",
            .object([
                .field("groupId", .uuid), .field("studentId", .uuid), .field("form", .string, "Форма аттестации."),
                .field("passed", .boolean, "Аттестован."), .optional("grade", .string, "Оценка."),
                .field("date", .date),
            ]))
    }

    func results(req: Request) async throws -> PageDTO<ResultDTO> {
        let query = RegistrySupport.listQuery(req, filters: ["group", "student"], sorts: ["day"], defaultSort: "day")
        let (groups, student) = try await StudentRecordScope.groups(req, query)
        guard !groups.isEmpty else {
            return PageDTO(items: [], metadata: .init(page: query.page, per: query.per, total: 0))
        }
        var builder = FinalResult.query(on: req.db).filter(\.$group.$id ~~ groups)
        if let student { builder = builder.filter(\.$student.$id == student) }
        let (rows, total) = try await builder.sort(\.$resultDay).sort(\.$id).paged(query)
        return PageDTO(
            items: rows.map {
                ResultDTO(
                    groupId: $0.$group.id, studentId: $0.$student.id, form: $0.form, passed: $0.passed, grade: $0.grade,
                    date: CivilDay(number: $0.resultDay).iso)
            },
            metadata: .init(page: query.page, per: query.per, total: total))
    }
}
