import Domain
import Fluent
import Vapor
import Views

/// The start pages of a resource centre's head, a teacher and a school's administrator.
extension StartController {
    /// The centre's head: lists to accept, groups to timetable, its teachers' unmarked lessons, finished groups
    /// waiting for certificates, programmes returned.
    static func centre(_ scope: Scope, _ centreID: UUID) async throws -> StartPage.Section {
        let name = try await Organization.find(centreID, on: scope.db)?.shortName ?? ""
        var tasks: [StartPage.Task] = []
        tasks.append(
            try await task(
                .listsToAccept,
                EnrollmentList.query(on: scope.db).join(
                    StudyGroup.self, on: \EnrollmentList.$group.$id == \StudyGroup.$id
                )
                .filter(StudyGroup.self, \.$organization.$id == centreID)
                .filter(\.$state == EnrollmentList.State.sent.rawValue).sort(\.$createdAt).with(\.$group),
                more: SiteURL.lists.path
            ) { list in
                StartPage.Link(
                    title: list.group.name, detail: scope.date(list.sentAt),
                    url: SiteURL.enrollmentList(try list.requireID()).path)
            })
        tasks += try await groupTasks(scope, centre: centreID)
        tasks.append(try await unmarkedLessons(scope, centre: centreID, teachers: nil))
        tasks.append(
            try await task(
                .programsReturned,
                NetworkProgram.query(on: scope.db).filter(\.$organization.$id == centreID)
                    .filter(\.$approval == ProgramApproval.returned.rawValue)
                    .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey),
                more: SiteURL.list(.programs).path
            ) { program in
                StartPage.Link(
                    title: program.title, detail: StartWords.returnedComment(program.reviewComment),
                    url: SiteURL.record(.programs, try program.requireID()).path)
            })
        tasks.append(try await deadlines(scope, .organization(centreID)))
        tasks.append(try await reportsDue(scope, centreID))
        tasks.append(try await programsToWrite(scope, centreID))
        return StartPage.Section(
            title: Role.centerHead.title + " — " + name, tasks: tasks,
            links: [StartPage.Link(title: StartWords.centreWeek, url: SiteURL.centerWeek(centreID).path)])
    }

    /// The teacher: this week's lessons, one tap to each lesson's journal, and past lessons not yet marked.
    static func teacher(_ scope: Scope) async throws -> StartPage.Section {
        let staff = try await StaffMember.query(on: scope.db).filter(\.$user.$id == scope.user.userID).all()
            .compactMap(\.id)
        let monday = scope.today.startOfWeek
        let lessons = try await WeekLessonsSQL.lessons(
            .teachers(staff), from: monday, to: monday.adding(days: 6), on: scope.db)
        let unmarked = try await unmarkedLessons(scope, centre: nil, teachers: staff)
        return StartPage.Section(
            title: Role.teacher.title, tasks: [unmarked, try await deadlines(scope, .responsible)],
            week: week(scope, lessons: lessons, url: SiteURL.timetable.path),
            links: [
                StartPage.Link(title: StartWords.journalLink, url: SiteURL.journal.path),
                StartPage.Link(title: StartWords.hoursLink, url: SiteURL.hours.path),
            ])
    }

    /// The school: applications to confirm, students without consent, unused invitations, and where the school's
    /// students study this week.
    static func school(_ scope: Scope, _ schoolID: UUID) async throws -> StartPage.Section {
        let name = try await Organization.find(schoolID, on: scope.db)?.shortName ?? ""
        var tasks: [StartPage.Task] = []
        tasks.append(
            try await task(
                .applicationsToConfirm,
                CourseApplication.query(on: scope.db).filter(\.$school.$id == schoolID)
                    .filter(\.$state == ApplicationState.submitted.rawValue).filter(\.$schoolDecision == "pending")
                    .sort(\.$submittedAt).with(\.$student),
                more: SiteURL.applications.path
            ) { application in
                StartPage.Link(
                    title: application.student.fullName, detail: scope.date(application.submittedAt),
                    url: SiteURL.applications.path + "/" + (try application.requireID()).uuidString.lowercased())
            })
        tasks.append(
            try await task(
                .studentsWithoutConsent,
                Student.query(on: scope.db).filter(\.$school.$id == schoolID)
                    .filter(\.$status == RecordStatus.active.rawValue).filter(\.$consentOn == nil).sort(\.$sortKey),
                more: SiteURL.list(.students).path
            ) { student in
                StartPage.Link(
                    title: student.fullName, detail: "\(student.grade)\(student.letter ?? "")",
                    url: SiteURL.record(.students, try student.requireID()).path)
            })
        tasks.append(
            try await task(
                .invitationsUnused,
                Guardian.query(on: scope.db).join(Student.self, on: \Guardian.$student.$id == \Student.$id)
                    .filter(Student.self, \.$school.$id == schoolID).filter(\.$inviteHash != nil)
                    .filter(\.$user.$id == nil).filter(\.$status == RecordStatus.active.rawValue)
                    .sort(\.$createdAt),
                more: SiteURL.list(.students).path
            ) { guardian in
                let expiry = guardian.inviteExpiresAt.map {
                    $0 < scope.now ? StartWords.expired : StartWords.expiresOn(scope.date($0))
                }
                return StartPage.Link(
                    title: guardian.fullName, detail: expiry ?? "",
                    url: SiteURL.record(.students, guardian.$student.id).path)
            })
        let monday = scope.today.startOfWeek
        let lessons = try await WeekLessonsSQL.lessons(
            .school(schoolID), from: monday, to: monday.adding(days: 6), on: scope.db)
        tasks.append(try await deadlines(scope, .organization(schoolID)))
        tasks.append(try await reportsDue(scope, schoolID))
        tasks.append(try await programsToWrite(scope, schoolID))
        return StartPage.Section(
            title: Role.schoolAdmin.title + " — " + name, tasks: tasks,
            week: week(scope, lessons: lessons, url: SiteURL.timetable.path))
    }
}
