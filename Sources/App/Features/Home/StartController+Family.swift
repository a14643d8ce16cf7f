import Domain
import Fluent
import Vapor
import Views

/// The start page of a student and of a guardian: for each child, the week's lessons, what waits for the guardian's
/// answer, the consent, the applications with their answers, results and certificates — with links to the child's
/// pages. Six statements for all the children together.
extension StartController {
    static func family(_ scope: Scope, guardian: Bool) async throws -> [StartPage.Section] {
        let ids = Array(scope.user.actor.students)
        guard !ids.isEmpty else { return [] }
        let students = try await Student.query(on: scope.db).filter(\.$id ~~ ids).sort(\.$sortKey).all()
        let enrolments = try await Enrollment.query(on: scope.db).filter(\.$student.$id ~~ ids)
            .filter(\.$status == EnrollmentStatus.enrolled.rawValue).all()
        let monday = scope.today.startOfWeek
        let groupIDs = Array(Set(enrolments.map { $0.$group.id }))
        let lessons = try await WeekLessonsSQL.lessons(
            .groups(groupIDs), from: monday, to: monday.adding(days: 6), on: scope.db)
        let applications = try await CourseApplication.query(on: scope.db).filter(\.$student.$id ~~ ids)
            .sort(\.$submittedAt, .descending).with(\.$campaign).all()
        let results = try await FinalResult.query(on: scope.db).filter(\.$student.$id ~~ ids)
            .sort(\.$resultDay, .descending).with(\.$group).all()
        let certificates = try await Certificate.query(on: scope.db).filter(\.$student.$id ~~ ids)
            .filter(\.$status == Certificate.Status.valid.rawValue).sort(\.$issuedAt, .descending).all()
        return try students.map { student in
            let id = try student.requireID()
            let groups = Set(enrolments.filter { $0.$student.id == id }.map { $0.$group.id })
            let own = applications.filter { $0.$student.id == id }
            var tasks: [StartPage.Task] = []
            if guardian {
                let waiting = own.filter {
                    $0.state == ApplicationState.submitted.rawValue && $0.guardianAgreedAt == nil
                }
                tasks.append(
                    StartPage.Task(
                        kind: .applicationsToAgree, total: waiting.count,
                        items: try waiting.prefix(shown).map { try applicationLine($0) },
                        moreURL: SiteURL.applications.path))
            }
            let consentGiven = student.consentOn != nil && student.consentWithdrawnAt == nil
            tasks.append(
                StartPage.Task(
                    kind: .consentMissing, total: consentGiven ? 0 : 1,
                    items: guardian ? [StartPage.Link(title: student.fullName, url: SiteURL.children.path)] : [],
                    moreURL: guardian ? SiteURL.children.path : nil))
            let records = [
                StartPage.Task(
                    kind: .applications, total: own.count, items: try own.prefix(shown).map { try applicationLine($0) },
                    moreURL: SiteURL.applications.path),
                StartPage.Task(
                    kind: .results, total: results.filter { $0.$student.id == id }.count,
                    items: results.filter { $0.$student.id == id }.prefix(shown).map { result in
                        StartPage.Link(
                            title: result.group.name,
                            detail: StartWords.result(
                                passed: result.passed, form: AttestationForm(rawValue: result.form)?.title ?? "",
                                grade: result.grade),
                            url: SiteURL.studentWeek(id).path + "/progress")
                    }, moreURL: SiteURL.studentWeek(id).path + "/progress"),
                StartPage.Task(
                    kind: .certificates, total: certificates.filter { $0.$student.id == id }.count,
                    items: try certificates.filter { $0.$student.id == id }.prefix(shown).map { certificate in
                        StartPage.Link(
                            title: certificate.number, detail: certificate.programTitle,
                            url: SiteURL.studentWeek(id).path + "/certificates/"
                                + (try certificate.requireID()).uuidString.lowercased())
                    }, moreURL: SiteURL.studentWeek(id).path + "/progress"),
            ]
            var links = [
                StartPage.Link(title: StartWords.progressLink, url: SiteURL.studentWeek(id).path + "/progress"),
                StartPage.Link(title: StartWords.applicationsLink, url: SiteURL.applications.path),
            ]
            if guardian { links.append(StartPage.Link(title: StartWords.childLink, url: SiteURL.children.path)) }
            var section = StartPage.Section(
                title: guardian ? StartWords.child(student.fullName) : Role.student.title, tasks: tasks,
                records: records,
                week: week(
                    scope, lessons: lessons.filter { groups.contains($0.groupID) },
                    url: SiteURL.studentWeek(id).path),
                links: links)
            section.isPerson = guardian
            return section
        }
    }

    static func applicationLine(_ application: CourseApplication) throws -> StartPage.Link {
        StartPage.Link(
            title: application.campaign.title,
            detail: ApplicationState(rawValue: application.state)?.title ?? application.state,
            url: SiteURL.applications.path + "/" + (try application.requireID()).uuidString.lowercased())
    }
}
