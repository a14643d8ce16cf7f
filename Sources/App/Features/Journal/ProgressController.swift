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
        guard
            let student = try await Student.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$school).first()
        else {
            throw AppError.notFound(JournalWords.studentNotFound)
        }
        try req.authorize(.read, .person(studentID: try student.requireID(), school: student.school.ref))
        return student
    }

    func show(req: Request) async throws -> Response {
        let student = try await load(req)
        let zone = try await MunicipalClock.zone(student.$municipality.id, on: req.db)
        let enrollments = try await Enrollment.query(on: req.db).filter(try \.$student.$id == student.requireID())
            .filter(
                \.$status != EnrollmentStatus.waitlisted.rawValue
            )
            .with(\.$group) { $0.with(\.$program).with(\.$organization).with(\.$academicYear) }.all()
            .sorted {
                ($0.group.academicYear.startsOn, $0.group.name) > ($1.group.academicYear.startsOn, $1.group.name)
            }
        // Attendance and results in all the student's groups at once, as each group's journal counts them.
        let studentID = try student.requireID()
        let groupIDs = enrollments.map { $0.$group.id }
        let attendances = try await JournalService.attendance(groups: groupIDs, student: studentID, on: req.db)
        let results = Dictionary(
            try await FinalResult.query(on: req.db).filter(\.$group.$id ~~ groupIDs).filter(\.$student.$id == studentID)
                .all().map { ($0.$group.id, $0) }, uniquingKeysWith: { a, _ in a })
        var courses: [StudentProgressPage.Course] = []
        for enrollment in enrollments {
            let attendance = attendances[enrollment.$group.id]?[studentID] ?? StudentAttendance()
            let result = results[enrollment.$group.id]
            courses.append(
                StudentProgressPage.Course(
                    year: enrollment.group.academicYear.title, program: enrollment.group.program.title,
                    center: enrollment.group.organization.shortName,
                    withdrawn: enrollment.status == EnrollmentStatus.withdrawn.rawValue
                        ? enrollment.withdrawnOn.map { RuDate.format($0, timeZone: zone) } ?? "" : nil,
                    deliveredHours: attendance.deliveredHours, attendedHours: attendance.attendedHours,
                    percent: attendance.percent,
                    missed: attendance.absent + attendance.excused,
                    result: result.map { (AttestationForm(rawValue: $0.form)?.title ?? $0.form, $0.passed, $0.grade) }))
        }
        let marks = try await AttendanceMark.query(on: req.db).filter(try \.$student.$id == student.requireID()).join(
            Lesson.self, on: \AttendanceMark.$lesson.$id == \Lesson.$id
        )
        .sort(Lesson.self, \.$day, .descending).range(..<20).all()
        let lessons = try await Lesson.query(on: req.db).filter(\.$id ~~ marks.map { $0.$lesson.id }).with(\.$group)
            .all()
        let byID = Dictionary(try lessons.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        let certs = try await Certificate.query(on: req.db).filter(try \.$student.$id == student.requireID()).sort(
            \.$issuedAt, .descending
        ).all()
        let base = SiteURL.studentWeek(try student.requireID()).path
        let card = StudentProgressPage(
            name: student.fullName, school: student.school.shortName, grade: "\(student.grade)\(student.letter ?? "")",
            weekURL: base, sex: student.sex.flatMap(Sex.init(rawValue:)),
            courses: courses,
            marks: marks.compactMap { mark in
                byID[mark.$lesson.id].map { lesson in
                    StudentProgressPage.Mark(
                        day: CivilDay(number: lesson.day).formatted, group: lesson.group.name,
                        status: mark.status)
                }
            },
            certificates: try certs.map { certificate in
                StudentProgressPage.Certificate(
                    number: certificate.number, course: certificate.programTitle,
                    issued: RuDate.format(certificate.issuedAt, timeZone: zone),
                    printURL: certificate.isValid
                        ? base + "/certificates/\(try certificate.requireID().uuidString.lowercased())" : nil)
            },
            readsRegistry: req.can(.read, .student(school: student.school.ref))
        ).card
        return req.render(card.render(await req.pageContext(active: .timetable)))
    }

    func printCertificate(req: Request) async throws -> Response {
        let student = try await load(req)
        guard let certificate = try await Certificate.find(try req.idParameter("certificate"), on: req.db),
            certificate.$student.id == student.id,
            certificate.isValid
        else {
            throw AppError.notFound(CertificatesWords.notFound)
        }
        let zone = try await MunicipalClock.zone(student.$municipality.id, on: req.db)
        let page = CertificatePrintPage(
            title: CertificatesWords.printTitle(certificate.number),
            items: try await Certificate.printItems(
                [certificate], authority: try await Certificate.authority(student.$municipality.id, on: req.db),
                zone: zone, on: req.db),
            verifyHint: Certificate.verifyURL(req))
        return req.render(page.render(await req.pageContext(active: .timetable)))
    }
}
