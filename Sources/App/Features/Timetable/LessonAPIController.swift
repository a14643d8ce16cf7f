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
    }

    static func dto(_ l: Lesson) throws -> LessonDTO {
        LessonDTO(
            id: try l.requireID(), groupId: l.$group.id, date: CivilDay(number: l.day).iso,
            start: ClockTime(minutes: l.startMinute).formatted,
            end: ClockTime(minutes: l.endMinute).formatted, hours: l.hours, roomId: l.$room.id,
            teacherId: l.$teacher.id,
            substituteForId: l.$substituteFor.id, status: l.status, note: l.note, version: l.version)
    }

    /// `?group=` or `?teacher=` (staff id) or `?student=`, else every lesson of the municipality's groups for those who
    /// read groups; `from`/`to` (ISO dates) narrow the days.
    func index(req: Request) async throws -> PageDTO<LessonDTO> {
        let q = RegistrySupport.listQuery(
            req, filters: ["group", "teacher", "student", "from", "to"], sorts: ["day"], defaultSort: "day")
        var b = Lesson.query(on: req.db)
        if let raw = q.filters["group"] {
            guard let id = UUID(uuidString: raw), let g = try await StudyGroup.find(id, on: req.db),
                let c = try await Organization.find(g.$organization.id, on: req.db)
            else { throw AppError.notFound(TimetableWords.Refusal.groupNotFound) }
            try req.authorize(.read, .group(c.ref))
            b = b.filter(\.$group.$id == id)
        } else if let raw = q.filters["teacher"] {
            guard let id = UUID(uuidString: raw), let s = try await StaffMember.find(id, on: req.db) else {
                throw AppError.notFound(TimetableWords.Refusal.teacherNotFound)
            }
            let orgs = try await s.$organizations.get(on: req.db)
            try req.authorize(
                .read, .teacherTimetable(orgs: orgs.map(\.ref), userID: s.$user.id, municipalityID: s.$municipality.id))
            b = b.filter(\.$teacher.$id == id)
        } else if let raw = q.filters["student"] {
            guard let id = UUID(uuidString: raw),
                let s = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first()
            else {
                throw AppError.notFound(TimetableWords.Refusal.studentNotFound)
            }
            try req.authorize(.read, .person(studentID: id, school: s.school.ref))
            let groups = try await Enrollment.query(on: req.db).filter(\.$student.$id == id).filter(
                \.$status == EnrollmentStatus.enrolled.rawValue
            ).all().map { $0.$group.id }
            b = b.filter(\.$group.$id ~~ groups)
        } else {
            let municipalityID = try RegistrySupport.municipality(req)
            try req.authorize(.read, .group(OrgRef(id: UUID(), municipalityID: municipalityID)))
            b = b.join(StudyGroup.self, on: \Lesson.$group.$id == \StudyGroup.$id)
                .join(Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$municipality.$id == municipalityID)
        }
        if let from = q.filters["from"].flatMap(CivilDay.parse) { b = b.filter(\.$day >= from.number) }
        if let to = q.filters["to"].flatMap(CivilDay.parse) { b = b.filter(\.$day <= to.number) }
        let (rows, total) = try await b.sort(\.$day, q.descending ? .descending : .ascending).sort(\.$startMinute).sort(
            \.$id
        ).paged(q)
        return PageDTO(items: try rows.map(Self.dto), metadata: .init(page: q.page, per: q.per, total: total))
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
    static func conflict(_ r: TimetableRefusal) -> AppError {
        var fields: [String: String] = [:]
        for (i, c) in r.clashes.enumerated() { fields["clash\(i + 1)"] = c }
        for (i, w) in r.warnings.enumerated() { fields["warning\(i + 1)"] = w }
        let detail = (r.clashes + r.warnings).first.map { " " + $0 } ?? ""
        return AppError(
            status: .conflict, code: r.clashes.isEmpty ? "timetable_warning" : "timetable_clash",
            reason: r.reason + detail, fields: fields)
    }

    func addLesson(req: Request) async throws -> Response {
        let l = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let input = try req.content.decode(LessonInput.self)
        let form = FormValues(single: [
            "day": input.date ?? "", "start": input.start ?? "", "hours": input.hours.map(String.init) ?? "",
            "room": input.roomId?.uuidString ?? "",
        ])
        var errors = FieldErrors()
        guard
            let parsed = try await TimetableController().lessonInput(
                form, l, id: nil, defaultTeacher: l.group.$teacher.id, errors: &errors, req: req)
        else {
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        let g = l.group
        let center = l.center
        let d = parsed.draft
        do {
            let written = try await TimetableService.write(
                [d], group: l.facts, acceptWarnings: input.acceptWarnings ?? false, note: nil,
                reveal: l.reveal(req),
                audit: { written, db in
                    try await Audit.record(
                        on: db, req: req, action: .create, entityType: "lesson", entityID: written.first?.id,
                        title: TimetableWords.Audit.lesson(g.name),
                        municipalityID: center.$municipality.id, organizationID: center.id,
                        after: TimetableWords.Audit.newLesson(
                            day: d.day.formatted, times: LessonSpan(day: d.day, start: d.start, hours: d.hours).times))
                }, app: req.application)
            let response = Response(status: .created)
            try response.content.encode(Self.dto(written[0]))
            return response
        } catch let r as TimetableRefusal { throw Self.conflict(r) }
    }

    func addWeekly(req: Request) async throws -> Response {
        let l = try await ScheduledGroup.load(req, groupID: try req.idParameter(), .update)
        let input = try req.content.decode(WeeklyInput.self)
        let form = FormValues(single: [
            "weekday": input.weekday.map(String.init) ?? "", "start": input.start ?? "",
            "hours": input.hours.map(String.init) ?? "",
            "room": input.roomId?.uuidString ?? "", "from": input.from ?? "", "to": input.to ?? "",
        ])
        var errors = FieldErrors()
        guard let (pattern, room) = try await l.weeklyInput(form, errors: &errors, on: req.db)
        else {
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        do {
            let r = try await l.scheduleWeekly(
                pattern, room: room, acceptWarnings: input.acceptWarnings ?? false, req: req)
            let response = Response(status: .created)
            try response.content.encode(
                WeeklyOutput(
                    created: r.lessons.count, skipped: r.skipped.map { $0.day.iso }, lessons: r.lessons.map(Self.dto)))
            return response
        } catch let r as TimetableRefusal { throw Self.conflict(r) }
    }
}
