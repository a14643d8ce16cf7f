import Domain
import Fluent
import Vapor
import Views

/// A student's own record in the network (issue 4, item 7): attendance per course, final results and certificates,
/// for the student, their guardians, their school and the КМЦ (`.person`).
struct ProgressController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("timetable", "students", ":id", "progress", use: show)
        routes.get("timetable", "students", ":id", "certificates", ":certificate", use: printCertificate)
    }

    func load(_ req: Request) async throws -> Student {
        guard let s = try await Student.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$school).first()
        else {
            throw AppError.notFound(JournalWords.studentNotFound)
        }
        try req.authorize(.read, .person(studentID: try s.requireID(), school: s.school.ref))
        return s
    }

    func show(req: Request) async throws -> Response {
        let s = try await load(req)
        let zone = try await MunicipalClock.zone(s.$municipality.id, on: req.db)
        let enrollments = try await Enrollment.query(on: req.db).filter(try \.$student.$id == s.requireID()).filter(
            \.$status != EnrollmentStatus.waitlisted.rawValue
        )
        .with(\.$group) { $0.with(\.$program).with(\.$organization).with(\.$academicYear) }.all()
        .sorted { ($0.group.academicYear.startsOn, $0.group.name) > ($1.group.academicYear.startsOn, $1.group.name) }
        var courses: [StudentProgressPage.Course] = []
        for e in enrollments {
            let summary = try await JournalService.groupSummary(e.group, on: req.db)
            let a = summary.attendance[try s.requireID()] ?? StudentAttendance()
            let r = try await FinalResult.query(on: req.db).filter(\.$group.$id == e.$group.id).filter(
                try \.$student.$id == s.requireID()
            ).first()
            courses.append(
                StudentProgressPage.Course(
                    year: e.group.academicYear.title, program: e.group.program.title,
                    center: e.group.organization.shortName,
                    withdrawn: e.status == EnrollmentStatus.withdrawn.rawValue
                        ? e.withdrawnOn.map { RuDate.format($0, timeZone: zone) } ?? "" : nil,
                    deliveredHours: a.deliveredHours, attendedHours: a.attendedHours, percent: a.percent,
                    missed: a.absent + a.excused,
                    result: r.map { (AttestationForm(rawValue: $0.form)?.title ?? $0.form, $0.passed, $0.grade) }))
        }
        let marks = try await AttendanceMark.query(on: req.db).filter(try \.$student.$id == s.requireID()).join(
            Lesson.self, on: \AttendanceMark.$lesson.$id == \Lesson.$id
        )
        .sort(Lesson.self, \.$day, .descending).range(..<20).all()
        let lessons = try await Lesson.query(on: req.db).filter(\.$id ~~ marks.map { $0.$lesson.id }).with(\.$group)
            .all()
        let byID = Dictionary(try lessons.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        let certs = try await Certificate.query(on: req.db).filter(try \.$student.$id == s.requireID()).sort(
            \.$issuedAt, .descending
        ).all()
        let base = SiteURL.studentWeek(try s.requireID()).path
        let card = StudentProgressPage(
            name: s.fullName, school: s.school.shortName, grade: "\(s.grade)\(s.letter ?? "")", weekURL: base,
            courses: courses,
            marks: marks.compactMap { m in
                byID[m.$lesson.id].map { l in
                    StudentProgressPage.Mark(
                        day: CivilDay(number: l.day).formatted, group: l.group.name,
                        status: AttendanceStatus(rawValue: m.status)?.title ?? m.status)
                }
            },
            certificates: try certs.map { c in
                StudentProgressPage.Certificate(
                    number: c.number, course: c.programTitle, issued: RuDate.format(c.issuedAt, timeZone: zone),
                    printURL: c.isValid ? base + "/certificates/\(try c.requireID().uuidString.lowercased())" : nil)
            },
            readsRegistry: req.can(.read, .student(school: s.school.ref))
        ).card
        return req.render(card.render(await req.pageContext(active: .timetable)))
    }

    func printCertificate(req: Request) async throws -> Response {
        let s = try await load(req)
        guard let c = try await Certificate.find(try req.idParameter("certificate"), on: req.db), c.$student.id == s.id,
            c.isValid
        else {
            throw AppError.notFound(CertificatesWords.notFound)
        }
        let zone = try await MunicipalClock.zone(s.$municipality.id, on: req.db)
        let page = CertificatePrintPage(
            title: CertificatesWords.printTitle(c.number),
            items: [
                c.printItem(
                    authority: try await Certificate.authority(s.$municipality.id, on: req.db), zone: zone
                )
            ],
            verifyHint: Certificate.verifyURL(req))
        return req.render(page.render(await req.pageContext(active: .timetable)))
    }
}
