import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// The data the statements-per-page test reads at two sizes: the same network, `size` times over — organisations,
/// staff, programmes (each with `size` teachers), groups (each with every student), lessons with marks, diagnostic
/// works, finished groups of last year with results and certificates, applications, lists, orders, agreements,
/// partners, guardians — so that every page shows `size` times the rows while the records its address names stay the
/// same kind of record.
struct StatementFixture: Sendable {
    /// Path parameters by the literal segment before them and their name («groups/:id», «contracts/:center»).
    let parameters: [String: String]
    /// Whole paths (with a query where a page needs one) for routes whose record must be in another state than the
    /// one the parameter names (a draft order to edit, a ranked campaign to distribute), by route.
    let paths: [String: String]
    /// Who signs in: every role of the network, a student with a record and a guardian of `size` children.
    let users: [String]

    /// The value of a route's parameter, by the literal segment in front of it.
    func value(after segment: String, _ name: String) -> String? { parameters["\(segment)/:\(name)"] }
}

extension World {
    /// The statements-per-page fixture at `size` (1, 3, …), everything in one place so that another generator (a
    /// `NetworkScale`) can take its place.
    static func statementFixture(_ app: Application, size n: Int) async throws -> StatementFixture {
        let world = try await World.make(app)
        return try await world.statementNetwork(size: n)
    }

    private func statementNetwork(size n: Int) async throws -> StatementFixture {
        let cast = try await cast([.admin, .kmc, .metod, .centre1, .teacher1, .school1])
        var centres = [cast.center]
        var schools = [cast.school]
        for i in 1..<n {
            centres.append(try await center("Школа-центр № \(10 + i)"))
            schools.append(try await school("Школа № \(20 + i)"))
        }
        let past = try await pastYear()
        var students: [UUID] = []
        for (i, school) in schools.enumerated() {
            students += try await self.students(at: school, count: 3 * n, from: 100 * i)
            try await headcount(of: school, [10: 30 * n, 11: 20 * n])
        }
        let teacher1 = try await staff("Учителева", at: [cast.center], user: try cast.id(of: .teacher1))
        var groups: [StudyGroup] = []
        var finished: [StudyGroup] = []
        var taught: [Subject] = []
        for (c, centre) in centres.enumerated() {
            let subjects = try await teach((0...n + 1).map { "Предмет \(c)-\($0)" }, at: centre)
            taught += subjects
            var teachers = c == 0 ? [teacher1] : []
            while teachers.count < n {
                teachers.append(try await staff("Педагогов\(c)\(teachers.count)", at: [centre]))
            }
            // `size` + 1 programmes: even at size 1 a group has another to transfer a student to.
            for p in 0...n {
                let program = try await self.program(at: centre, "Курс \(c)-\(p)", grades: 9...11)
                // One subject of each centre is left without a group: the list's «missing groups» warning.
                program.$subject.id = subjects[p].id
                try await program.save(on: app.db)
                for teacher in teachers { try await attach(teacher, to: try program.requireID()) }
                let group = try await self.group(of: program, "Группа \(c)-\(p)", capacity: 100)
                let room = try await self.room(at: centre, "Кабинет \(c)-\(p)")
                try await staffGroup(group, teacher: teachers[p % teachers.count], room: room.id)
                try await enroll(students, in: group, fromStart: true)
                try await statementLessons(group, students: students, size: n)
                groups.append(group)
            }
            // Last year's groups: `size` with their certificates, and one still waiting for them.
            let schoolOne = Array(students.prefix(3 * n))
            for p in 0...n {
                let done = try await finishedGroup(
                    at: centre, "Выпуск \(c)-\(p)", year: past, teacher: teachers[p % teachers.count],
                    attendance: Dictionary(uniqueKeysWithValues: schoolOne.map { ($0, [.present, .present]) }),
                    passed: Dictionary(uniqueKeysWithValues: schoolOne.map { ($0, true) }))
                if p < n { finished.append(done) }
            }
        }
        var certificates: [Certificate] = []
        for group in finished { certificates += try await issueCertificates(group) }
        let pupil = students[0]
        _ = try await studentAccount("pupil", of: pupil)
        let mother = try await guardian(of: pupil, account: "mother")
        for child in students.dropFirst().prefix(n - 1) {
            let more = try await guardian(of: child)
            more.$user.id = mother.$user.id
            try await more.save(on: app.db)
        }
        let applicants = try await self.students(at: cast.school, count: 2 * n, from: 900)
        let applicantsGuardian = try await guardian(of: applicants[0])
        applicantsGuardian.$user.id = mother.$user.id
        try await applicantsGuardian.save(on: app.db)
        let campaign = try await campaign(programs: try await NetworkProgram.query(on: app.db).all())
        let ranked = try await self.campaign(
            "Ранжированная запись", mode: .ranked, programs: try await NetworkProgram.query(on: app.db).all(),
            open: false)
        var applications: [CourseApplication] = []
        for applicant in applicants {
            applications.append(try await application(in: campaign, for: applicant, choices: [groups[0]]))
        }
        var lists: [EnrollmentList] = []
        for group in groups { lists.append(try await statementList(of: group, students: Array(applicants.prefix(n)))) }
        var orders: [Order] = []
        for (i, kind) in OrderKind.allCases.prefix(n).enumerated() {
            orders.append(try await signedOrder(kind, year: year, number: "\(i + 1)-о", on: yearDays.lowerBound))
        }
        var agreements: [NetworkAgreement] = []
        var partners: [Partner] = []
        for i in 0..<n {
            agreements.append(try await agreement(.schoolCenter, schools[i], centres[0], number: "\(i + 1)-с"))
            partners.append(try await partner(of: try await organization(.college, "Колледж № \(i + 1)")))
        }
        let draftOrder = try await signedOrder(.gratitude, year: year, number: "99-о", on: yearDays.lowerBound)
        draftOrder.status = OrderStatus.draft.rawValue
        draftOrder.signedAt = nil
        draftOrder.signedBy = nil
        try await draftOrder.save(on: app.db)
        let draft = try await program(at: cast.center, "Черновик курса", agreed: false)
        let submitted = try await program(at: cast.center, "Курс на согласовании", agreed: false)
        submitted.approval = ProgramApproval.submitted.rawValue
        try await submitted.save(on: app.db)
        let references = try await statementReferences(cast).merging(
            try await statementTalent(size: n, students: students)
        ) { a, _ in a }.merging(try await statementPlans(centres)) { a, _ in a }
        let feed = "statements-feed-token"
        let record = CalendarFeed()
        record.tokenHash = Secrets.sha256(feed)
        record.$user.id = try cast.id(of: .teacher1)
        record.kind = CalendarFeed.Kind.group.rawValue
        record.subjectID = try groups[0].requireID()
        record.createdAt = Date()
        try await record.create(on: app.db)
        let batch = try await statementImport(at: cast.school, rows: 3 * n)
        let budget = try await statementBudget(count: n)
        let group = groups[0]
        let enrollment = try #require(
            try await Enrollment.query(on: app.db).filter(\.$group.$id == group.requireID()).first())
        let lesson = try #require(
            try await Lesson.query(on: app.db).filter(\.$group.$id == group.requireID()).sort(\.$day).first())
        let work = try #require(
            try await DiagnosticWork.query(on: app.db).filter(\.$group.$id == group.requireID()).first())
        let pupilCertificate = try #require(certificates.first { $0.$student.id == pupil })
        let resourceCenter = try #require(
            try await ResourceCenter.query(on: app.db).filter(\.$organization.$id == cast.center).first())
        let ids: [String: UUID] = [
            "groups/:id": try group.requireID(), "lessons/:id": try lesson.requireID(),
            "withdraw/:enrollment": try enrollment.requireID(), "diagnostics/:id": try work.requireID(),
            "students/:id": pupil, "children/:id": pupil, "guardians/:guardian": try mother.requireID(),
            "certificates/:certificate": try pupilCertificate.requireID(),
            "certificates/:id": try pupilCertificate.requireID(),
            "applications/:id": try applications[0].requireID(), "campaigns/:id": try campaign.requireID(),
            "lists/:list": try lists[0].requireID(), "orders/:id": try orders[0].requireID(),
            "agreements/:id": try agreements[0].requireID(), "partners/:id": try partners[0].requireID(),
            "organizations/:id": cast.center, "resource-centers/:id": try resourceCenter.requireID(),
            "centers/:id": cast.center,
            "schools/:id": cast.school, "headcount/:school": cast.school, "contracts/:school": cast.school,
            "contracts/:center": cast.center, "teachers/:id": try teacher1.requireID(),
            "staff/:id": try teacher1.requireID(), "rooms/:id": try #require(group.$room.id),
            "programs/:id": group.$program.id, "users/:id": try cast.id(of: .teacher1),
            "imports/:batch": batch, "subjects/:id": try taught[0].requireID(), "academic-years/:id": yearID,
            "professional-development/:id": try await statementCourses(of: try teacher1.requireID(), count: n),
            "awards/:id": try await awardRound().requireID(),
            "budget-lines/:id": budget.line, "budget-entries/:id": budget.entry,
        ].merging(references) { a, _ in a }
        var parameters = ids.mapValues { $0.uuidString.lowercased() }
        parameters["ical/:file"] = feed + ".ics"
        func id(_ id: UUID?) -> String { id?.uuidString.lowercased() ?? "" }
        let groupQuery = "?group=" + id(group.id)
        let paths = [
            "/programs/:id/edit": "/programs/\(id(draft.id))/edit",
            "/programs/:id/review": "/programs/\(id(submitted.id))/review",
            "/orders/:id/edit": "/orders/\(id(draftOrder.id))/edit",
            "/orders/:id/sign": "/orders/\(id(draftOrder.id))/sign",
            "/orders/:id/delete": "/orders/\(id(draftOrder.id))/delete",
            "/campaigns/:id/distribute": "/campaigns/\(id(ranked.id))/distribute",
            "/applications/new": "/applications/new?campaign=\(id(campaign.id))&student=\(id(pupil))",
            "/timetable/feeds/new": "/timetable/feeds/new?kind=group&id=\(id(group.id))",
            "/api/v1/attendance": "/api/v1/attendance" + groupQuery,
            "/api/v1/results": "/api/v1/results" + groupQuery,
            "/api/v1/certificates": "/api/v1/certificates" + groupQuery,
            "/api/v1/certificates/verify":
                "/api/v1/certificates/verify?number=\(pupilCertificate.number)&code=\(pupilCertificate.verificationCode)",
        ]
        return StatementFixture(
            parameters: parameters, paths: paths,
            users: ["kmc", "admin", "metod", "centre1", "teacher1", "school1", "pupil", "mother"])
    }
}
