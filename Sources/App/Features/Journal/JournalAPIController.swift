import Domain
import Fluent
import Vapor
import Views

/// `/api/v1/attendance` and `POST /api/v1/lessons/{id}/register`: the journal, read and marked.
struct JournalAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("attendance", use: attendance)
        routes.post("lessons", ":id", "register", use: mark)
    }

    struct AttendanceDTO: Content {
        var lessonId: UUID
        var groupId: UUID
        var studentId: UUID
        var date: String
        var status: String

        static let schema = OpenAPISchema.named(
            "AttendanceMark",
            .object([
                .field("lessonId", .uuid), .field("groupId", .uuid), .field("studentId", .uuid), .field("date", .date),
                .field("status", .oneOf(AttendanceStatus.allCases.map(\.rawValue)), "Отметка посещаемости."),
            ]))
    }

    func attendance(req: Request) async throws -> PageDTO<AttendanceDTO> {
        let query = RegistrySupport.listQuery(req, filters: ["group", "student"], sorts: ["day"], defaultSort: "day")
        let (groups, student) = try await StudentRecordScope.groups(req, query)
        guard !groups.isEmpty else {
            return PageDTO(items: [], metadata: .init(page: query.page, per: query.per, total: 0))
        }
        var builder = AttendanceMark.query(on: req.db).join(Lesson.self, on: \AttendanceMark.$lesson.$id == \Lesson.$id)
            .filter(Lesson.self, \.$group.$id ~~ groups)
        if let student { builder = builder.filter(\.$student.$id == student) }
        let (rows, total) = try await builder.sort(Lesson.self, \.$day).sort(\.$id).paged(query)
        return PageDTO(
            items: try rows.map { mark in
                let lesson = try mark.joined(Lesson.self)
                return AttendanceDTO(
                    lessonId: mark.$lesson.id, groupId: lesson.$group.id, studentId: mark.$student.id,
                    date: CivilDay(number: lesson.day).iso, status: mark.status)
            }, metadata: .init(page: query.page, per: query.per, total: total))
    }

    struct MarkInput: Content {
        struct Mark: Content {
            var studentId: UUID
            var status: String
        }
        var topic: String?
        var hours: Int?
        var marks: [Mark]?
        var version: Int?
    }

    func mark(req: Request) async throws -> Response {
        let journalLesson = try await JournalLesson.load(req, .update)
        let input = try req.content.decode(MarkInput.self)
        var errors = FieldErrors()
        let topic = errors.required("topic", input.topic, max: 300)
        JournalRules.check(topic: topic, hours: input.hours, lessonHours: journalLesson.lesson.hours, errors: &errors)
        if input.hours == nil { errors.add("hours", JournalWords.hoursNumber) }
        var marks: [UUID: AttendanceStatus] = [:]
        for mark in input.marks ?? [] {
            guard let status = AttendanceStatus(rawValue: mark.status) else {
                errors.add("marks", JournalWords.unknownMark(mark.status))
                continue
            }
            marks[mark.studentId] = status
        }
        guard errors.isEmpty, let hours = input.hours else {
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        let existing = try await LessonRecord.query(on: req.db).filter(
            try \.$lesson.$id == journalLesson.lesson.requireID()
        )
        .first()
        try await JournalService.mark(
            journalLesson, topic: topic, hours: hours, marks: marks, version: input.version ?? existing?.version ?? 0,
            req: req)
        return Response(status: existing == nil ? .created : .ok)
    }
}
