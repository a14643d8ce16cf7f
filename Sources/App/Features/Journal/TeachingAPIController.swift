import Vapor
import Fluent
import Domain
import Views

/// `/api/v1/attendance`, `/api/v1/results`, `/api/v1/certificates`: scoped like the pages (the register to the centre,
/// the lesson's teacher, the КМЦ; a student's own to the student and guardians), with the same rules.
struct TeachingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("attendance", use: attendance)
        routes.post("lessons", ":id", "register", use: mark)
        routes.get("results", use: results)
        routes.get("certificates", use: certificates)
        routes.post("groups", ":id", "certificates", use: issue)
    }

    struct AttendanceDTO: Content { var lessonId: UUID; var groupId: UUID; var studentId: UUID; var date: String; var status: String }
    struct ResultDTO: Content { var groupId: UUID; var studentId: UUID; var form: String; var passed: Bool; var grade: String?; var date: String }
    struct CertificateDTO: Content {
        var id: UUID; var number: String; var studentId: UUID; var groupId: UUID; var programTitle: String; var hours: Int
        var centerName: String; var issuedAt: Date; var status: String; var annulReason: String?
    }

    static func dto(_ c: Certificate) -> CertificateDTO {
        CertificateDTO(id: c.id!, number: c.number, studentId: c.$student.id, groupId: c.$group.id, programTitle: c.programTitle, hours: c.hours,
                       centerName: c.centerName, issuedAt: c.issuedAt, status: c.status, annulReason: c.annulReason)
    }

    /// The groups a query names (`?group=`) or a student's groups (`?student=`), checked: a group's register for
    /// `.register`; a student's record through `.person` — whoever may read it (the student, their guardians, the
    /// home school, the КМЦ) reads all of it, as the progress page (`ProgressController`) shows it.
    func scope(_ req: Request, _ q: ListQuery) async throws -> (groups: [UUID], student: UUID?) {
        if let raw = q.filters["group"] {
            guard let id = UUID(uuidString: raw), let g = try await StudyGroup.query(on: req.db).filter(\.$id == id).with(\.$teacher).first(),
                  let c = try await Organization.find(g.$organization.id, on: req.db) else { throw AppError.notFound("Группа не найдена.") }
            try req.authorize(.read, .register(center: c.ref, teacherUserID: g.teacher?.$user.id))
            return ([id], nil)
        }
        if let raw = q.filters["student"] {
            guard let id = UUID(uuidString: raw), let s = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first() else {
                throw AppError.notFound("Обучающийся не найден.")
            }
            try req.authorize(.read, .person(studentID: id, school: s.school.ref))
            return (try await Enrollment.query(on: req.db).filter(\.$student.$id == id).all().map { $0.$group.id }, id)
        }
        throw AppError(status: .badRequest, code: "bad_request", reason: "Укажите группу (?group=) или обучающегося (?student=).")
    }

    func attendance(req: Request) async throws -> PageDTO<AttendanceDTO> {
        let q = RegistrySupport.listQuery(req, filters: ["group", "student"], sorts: ["day"], defaultSort: "day")
        let (groups, student) = try await scope(req, q)
        guard !groups.isEmpty else { return PageDTO(items: [], metadata: .init(page: q.page, per: q.per, total: 0)) }
        var b = AttendanceMark.query(on: req.db).join(Lesson.self, on: \AttendanceMark.$lesson.$id == \Lesson.$id).filter(Lesson.self, \.$group.$id ~~ groups)
        if let student { b = b.filter(\.$student.$id == student) }
        let (rows, total) = try await b.sort(Lesson.self, \.$day).sort(\.$id).paged(q)
        return PageDTO(items: try rows.map { m in
            let l = try m.joined(Lesson.self)
            return AttendanceDTO(lessonId: m.$lesson.id, groupId: l.$group.id, studentId: m.$student.id, date: CivilDay(number: l.day).iso, status: m.status)
        }, metadata: .init(page: q.page, per: q.per, total: total))
    }

    struct MarkInput: Content {
        struct Mark: Content { var studentId: UUID; var status: String }
        var topic: String?; var hours: Int?; var marks: [Mark]?; var version: Int?
    }

    func mark(req: Request) async throws -> Response {
        let l = try await RegisterController.load(req, .update)
        let input = try req.content.decode(MarkInput.self)
        var errors = FieldErrors()
        let topic = errors.required("topic", input.topic, max: 300)
        RegisterRules.check(topic: topic, hours: input.hours, lessonHours: l.lesson.hours, errors: &errors)
        if input.hours == nil { errors.add("hours", "Укажите число.") }
        var marks: [UUID: AttendanceStatus] = [:]
        for m in input.marks ?? [] {
            guard let s = AttendanceStatus(rawValue: m.status) else { errors.add("marks", "Отметка «\(m.status)» не распознана: present, excused или absent."); continue }
            marks[m.studentId] = s
        }
        guard errors.isEmpty, let hours = input.hours else { throw AppError.validation(ValidationFailure(fields: errors)) }
        let existing = try await LessonRecord.query(on: req.db).filter(\.$lesson.$id == l.lesson.id!).first()
        try await RegisterService.mark(l, topic: topic, hours: hours, marks: marks, version: input.version ?? existing?.version ?? 0, req: req)
        return Response(status: existing == nil ? .created : .ok)
    }

    func results(req: Request) async throws -> PageDTO<ResultDTO> {
        let q = RegistrySupport.listQuery(req, filters: ["group", "student"], sorts: ["day"], defaultSort: "day")
        let (groups, student) = try await scope(req, q)
        guard !groups.isEmpty else { return PageDTO(items: [], metadata: .init(page: q.page, per: q.per, total: 0)) }
        var b = FinalResult.query(on: req.db).filter(\.$group.$id ~~ groups)
        if let student { b = b.filter(\.$student.$id == student) }
        let (rows, total) = try await b.sort(\.$resultDay).sort(\.$id).paged(q)
        return PageDTO(items: rows.map { ResultDTO(groupId: $0.$group.id, studentId: $0.$student.id, form: $0.form, passed: $0.passed, grade: $0.grade,
                                                   date: CivilDay(number: $0.resultDay).iso) },
                       metadata: .init(page: q.page, per: q.per, total: total))
    }

    func certificates(req: Request) async throws -> PageDTO<CertificateDTO> {
        let q = RegistrySupport.listQuery(req, filters: ["group", "student"], sorts: ["number"], defaultSort: "number")
        let (groups, student) = try await scope(req, q)
        guard !groups.isEmpty else { return PageDTO(items: [], metadata: .init(page: q.page, per: q.per, total: 0)) }
        var b = Certificate.query(on: req.db).filter(\.$group.$id ~~ groups)
        if let student { b = b.filter(\.$student.$id == student) }
        let (rows, total) = try await b.sort(\.$year).sort(\.$sequence).paged(q)
        return PageDTO(items: rows.map(Self.dto), metadata: .init(page: q.page, per: q.per, total: total))
    }

    struct IssueOutput: Content { var issued: Int; var certificates: [CertificateDTO] }

    func issue(req: Request) async throws -> Response {
        let r = try await ResultsController.load(req, .read)
        try req.authorize(.create, .certificate(center: r.t.center.ref))
        let issued = try await CertificateService.issue(group: r.t.group.id!, req: req)
        let response = Response(status: issued.isEmpty ? .ok : .created)
        try response.content.encode(IssueOutput(issued: issued.count, certificates: issued.map(Self.dto)))
        return response
    }
}

/// `GET /api/v1/certificates/verify?number=&code=` — public and rate-limited like the verification page.
struct CertificateVerifyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("certificates", "verify", use: verify)
    }

    struct Output: Content {
        var number: String; var status: String; var initials: String; var programTitle: String; var hours: Int; var centerName: String
        var firstDay: String; var lastDay: String; var annulReason: String?
    }

    func verify(req: Request) async throws -> Output {
        guard await req.application.verifyThrottle.allow(VerifyThrottle.key(req)) else {
            throw AppError(status: .tooManyRequests, code: "too_many_requests", reason: VerifyThrottle.message)
        }
        guard let c = try await CertificatesController.lookup(number: req.query[String.self, at: "number"] ?? "", code: req.query[String.self, at: "code"] ?? "",
                                                             on: req.db) else {
            await req.application.verifyThrottle.failed()
            throw AppError.notFound("Сертификат с таким номером и кодом не найден.")
        }
        return Output(number: c.number, status: c.status, initials: c.initials, programTitle: c.programTitle, hours: c.hours, centerName: c.centerName,
                      firstDay: CivilDay(number: c.firstDay).iso, lastDay: CivilDay(number: c.lastDay).iso, annulReason: c.annulReason)
    }
}
