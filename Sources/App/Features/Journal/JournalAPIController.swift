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
    }

    func attendance(req: Request) async throws -> PageDTO<AttendanceDTO> {
        let q = RegistrySupport.listQuery(req, filters: ["group", "student"], sorts: ["day"], defaultSort: "day")
        let (groups, student) = try await StudentRecordScope.groups(req, q)
        guard !groups.isEmpty else { return PageDTO(items: [], metadata: .init(page: q.page, per: q.per, total: 0)) }
        var b = AttendanceMark.query(on: req.db).join(Lesson.self, on: \AttendanceMark.$lesson.$id == \Lesson.$id)
            .filter(Lesson.self, \.$group.$id ~~ groups)
        if let student { b = b.filter(\.$student.$id == student) }
        let (rows, total) = try await b.sort(Lesson.self, \.$day).sort(\.$id).paged(q)
        return PageDTO(
            items: try rows.map { m in
                let l = try m.joined(Lesson.self)
                return AttendanceDTO(
                    lessonId: m.$lesson.id, groupId: l.$group.id, studentId: m.$student.id,
                    date: CivilDay(number: l.day).iso, status: m.status)
            }, metadata: .init(page: q.page, per: q.per, total: total))
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
        let l = try await JournalLesson.load(req, .update)
        let input = try req.content.decode(MarkInput.self)
        var errors = FieldErrors()
        let topic = errors.required("topic", input.topic, max: 300)
        JournalRules.check(topic: topic, hours: input.hours, lessonHours: l.lesson.hours, errors: &errors)
        if input.hours == nil { errors.add("hours", JournalWords.hoursNumber) }
        var marks: [UUID: AttendanceStatus] = [:]
        for m in input.marks ?? [] {
            guard let s = AttendanceStatus(rawValue: m.status) else {
                errors.add("marks", JournalWords.unknownMark(m.status))
                continue
            }
            marks[m.studentId] = s
        }
        guard errors.isEmpty, let hours = input.hours else {
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        let existing = try await LessonRecord.query(on: req.db).filter(try \.$lesson.$id == l.lesson.requireID())
            .first()
        try await JournalService.mark(
            l, topic: topic, hours: hours, marks: marks, version: input.version ?? existing?.version ?? 0, req: req)
        return Response(status: existing == nil ? .created : .ok)
    }
}
