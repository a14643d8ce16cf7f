import Domain
import Fluent
import Vapor
import Views

/// `/api/v1/lessons` (scoped like the pages: a group's lessons to whoever reads the group, a teacher's to the teacher
/// and their organisations, a student's to the student, their guardians and school) and scheduling through the API
/// with the same rules and Russian messages as the pages.
struct LessonAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("lessons", use: index)
        routes.post("groups", ":id", "lessons", use: addLesson)
        routes.post("groups", ":id", "timetable", use: addWeekly)
    }

    struct LessonDTO: Content {
        var id: UUID
        var groupId: UUID
        var date: String
        var start: String
        var end: String
        var hours: Int
        var roomId: UUID?
        var teacherId: UUID?
        var substituteForId: UUID?
        var status: String
        var note: String?
        var version: Int

        static let schema = OpenAPISchema.named(
            "Lesson",
            .object([
                .field("id", .uuid), .field("groupId", .uuid), .field("date", .date), .field("start", .time, "Начало."),
                .field("end", .time, "Окончание."), .field("hours", .integer, "Академических часов."),
                .optional("roomId", .uuid), .optional("teacherId", .uuid),
                .optional("substituteForId", .uuid, "Кого заменяет педагог."), .field("status", .string),
                .optional("note", .string), .field("version", .integer),
            ]))
    }

    static func dto(_ lesson: Lesson) throws -> LessonDTO {
        LessonDTO(
            id: try lesson.requireID(), groupId: lesson.$group.id, date: CivilDay(number: lesson.day).iso,
            start: ClockTime(minutes: lesson.startMinute).formatted,
            end: ClockTime(minutes: lesson.endMinute).formatted, hours: lesson.hours, roomId: lesson.$room.id,
            teacherId: lesson.$teacher.id,
            substituteForId: lesson.$substituteFor.id, status: lesson.status, note: lesson.note, version: lesson.version
        )
    }

    /// `?group=` or `?teacher=` (staff id) or `?student=`, else every lesson of the municipality's groups for those who
    /// read groups; `from`/`to` (ISO dates) narrow the days.
    func index(req: Request) async throws -> PageDTO<LessonDTO> {
        let query = RegistrySupport.listQuery(
            req, filters: ["group", "teacher", "student", "from", "to"], sorts: ["day"], defaultSort: "day")
        var builder = Lesson.query(on: req.db)
        if let raw = query.filters["group"] {
            guard let id = UUID(uuidString: raw), let group = try await StudyGroup.find(id, on: req.db),
                let center = try await Organization.find(group.$organization.id, on: req.db)
            else { throw AppError.notFound(TimetableWords.Refusal.groupNotFound) }
            try req.authorize(.read, .group(center.ref))
            builder = builder.filter(\.$group.$id == id)
        } else if let raw = query.filters["teacher"] {
            guard let id = UUID(uuidString: raw), let staff = try await StaffMember.find(id, on: req.db) else {
                throw AppError.notFound(TimetableWords.Refusal.teacherNotFound)
            }
            let orgs = try await staff.$organizations.get(on: req.db)
            try req.authorize(
                .read,
                .teacherTimetable(orgs: orgs.map(\.ref), userID: staff.$user.id, municipalityID: staff.$municipality.id)
            )
            builder = builder.filter(\.$teacher.$id == id)
        } else if let raw = query.filters["student"] {
            guard let id = UUID(uuidString: raw),
                let student = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first()
            else {
                throw AppError.notFound(TimetableWords.Refusal.studentNotFound)
            }
            try req.authorize(.read, .person(studentID: id, school: student.school.ref))
            let groups = try await Enrollment.query(on: req.db).filter(\.$student.$id == id).filter(
                \.$status == EnrollmentStatus.enrolled.rawValue
            ).all().map { $0.$group.id }
            builder = builder.filter(\.$group.$id ~~ groups)
        } else {
            let municipalityID = try RegistrySupport.municipality(req)
            try req.authorize(.read, .group(OrgRef(id: UUID(), municipalityID: municipalityID)))
            builder = builder.join(StudyGroup.self, on: \Lesson.$group.$id == \StudyGroup.$id)
                .join(Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$municipality.$id == municipalityID)
        }
        if let from = query.filters["from"].flatMap(CivilDay.parse) { builder = builder.filter(\.$day >= from.number) }
        if let to = query.filters["to"].flatMap(CivilDay.parse) { builder = builder.filter(\.$day <= to.number) }
        let (rows, total) = try await builder.sort(\.$day, query.descending ? .descending : .ascending).sort(
            \.$startMinute
        ).sort(
            \.$id
        ).paged(query)
        return PageDTO(items: try rows.map(Self.dto), metadata: .init(page: query.page, per: query.per, total: total))
    }

    struct LessonInput: Content {
        var date: String?
        var start: String?
        var hours: Int?
        var roomId: UUID?
        var acceptWarnings: Bool?
    }
    struct WeeklyInput: Content {
        var weekday: Int?
        var start: String?
        var hours: Int?
        var roomId: UUID?
        var from: String?
        var to: String?
        var acceptWarnings: Bool?
    }
    struct WeeklyOutput: Content {
        var created: Int
        var skipped: [String]
        var lessons: [LessonDTO]
    }

    /// A refusal of the clash rules as the API's 409: the reason, and each clash or warning line.
    static func conflict(_ refusal: TimetableRefusal) -> AppError {
        var fields: [String: String] = [:]
        for (i, clash) in refusal.clashes.enumerated() { fields["clash\(i + 1)"] = clash }
        for (i, warning) in refusal.warnings.enumerated() { fields["warning\(i + 1)"] = warning }
        let detail = (refusal.clashes + refusal.warnings).first.map { " " + $0 } ?? ""
        return AppError(
            status: .conflict, code: refusal.clashes.isEmpty ? "timetable_warning" : "timetable_clash",
            reason: refusal.reason + detail, fields: fields)
    }

    func addLesson(req: Request) async throws -> Response {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let input = try req.content.decode(LessonInput.self)
        let form = FormValues(single: [
            "day": input.date ?? "", "start": input.start ?? "", "hours": input.hours.map(String.init) ?? "",
            "room": input.roomId?.uuidString ?? "",
        ])
        var errors = FieldErrors()
        guard
            let parsed = try await TimetableController().lessonInput(
                form, scheduledGroup, id: nil, defaultTeacher: scheduledGroup.group.$teacher.id, errors: &errors,
                req: req)
        else {
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        let group = scheduledGroup.group
        let center = scheduledGroup.center
        let draft = parsed.draft
        do {
            let written = try await TimetableService.write(
                [draft], group: scheduledGroup.facts, acceptWarnings: input.acceptWarnings ?? false, note: nil,
                reveal: scheduledGroup.reveal(req),
                audit: { written, db in
                    try await Audit.record(
                        on: db, req: req, action: .create, entityType: "lesson", entityID: written.first?.id,
                        title: TimetableWords.Audit.lesson(group.name),
                        municipalityID: center.$municipality.id, organizationID: center.id,
                        after: TimetableWords.Audit.newLesson(
                            day: draft.day.formatted,
                            times: LessonSpan(day: draft.day, start: draft.start, hours: draft.hours).times))
                }, app: req.application)
            let response = Response(status: .created)
            try response.content.encode(Self.dto(written[0]))
            return response
        } catch let refusal as TimetableRefusal { throw Self.conflict(refusal) }
    }

    func addWeekly(req: Request) async throws -> Response {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let input = try req.content.decode(WeeklyInput.self)
        let form = FormValues(single: [
            "weekday": input.weekday.map(String.init) ?? "", "start": input.start ?? "",
            "hours": input.hours.map(String.init) ?? "",
            "room": input.roomId?.uuidString ?? "", "from": input.from ?? "", "to": input.to ?? "",
        ])
        var errors = FieldErrors()
        guard let (pattern, room) = try await scheduledGroup.weeklyInput(form, errors: &errors, on: req.db)
        else {
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        do {
            let outcome = try await scheduledGroup.scheduleWeekly(
                pattern, room: room, acceptWarnings: input.acceptWarnings ?? false, req: req)
            let response = Response(status: .created)
            try response.content.encode(
                WeeklyOutput(
                    created: outcome.lessons.count, skipped: outcome.skipped.map { $0.day.iso },
                    lessons: outcome.lessons.map(Self.dto)))
            return response
        } catch let refusal as TimetableRefusal { throw Self.conflict(refusal) }
    }
}
