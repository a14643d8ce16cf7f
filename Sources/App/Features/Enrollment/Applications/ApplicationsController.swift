import Documents
import Domain
import Fluent
import Vapor
import Views

/// Applications (ИУП) in the web UI (issue 3): students and guardians submit and follow them («Мои заявки»);
/// the guardian agrees; the home school works through its queue; the КМЦ distributes ranked campaigns.
struct ApplicationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applications = routes.grouped("applications")
        applications.get(use: index)
        applications.get("new", use: newForm)
        applications.post("new", use: submit)
        applications.get(":id", use: show)
        applications.post(":id", "agree", use: agree)
        applications.get(":id", "cancel", use: cancelConfirm)
        applications.post(":id", "cancel", use: cancel)
        applications.post(":id", "confirm", use: confirm)
        applications.get(":id", "refuse", use: refuseForm)
        applications.post(":id", "refuse", use: refuse)
        applications.get(":id", "iup", use: iupPage)
        applications.get(":id", "iup.docx", use: iupDocx)
        applications.get(":id", "agreement", use: agreementPage)
        applications.get(":id", "agreement.docx", use: agreementDocx)
        routes.get("campaigns", ":id", "distribute", use: distributeConfirm)
        routes.post("campaigns", ":id", "distribute", use: distribute)
        routes.get("contracts", ":school", ":center", use: contractPage)
        routes.get("contracts", ":school", ":center", "docx", use: contractDocx)
    }

    static func url(_ id: UUID) -> String { "/applications/" + id.uuidString.lowercased() }

    /// Students the user applies for: themselves (a student) or their children (a guardian).
    func ownStudents(_ req: Request) async throws -> [Student] {
        let user = try req.requireUser()
        let ids = Array(user.actor.students)
        guard !ids.isEmpty else { return [] }
        return try await Student.query(on: req.db).filter(\.$id ~~ ids).filter(
            \.$status == RecordStatus.active.rawValue
        ).with(\.$school).sort(\.$sortKey).all()
            .filter { req.can(.create, .application(studentID: try $0.requireID(), school: $0.school.ref)) }
    }

    func isApplicant(_ req: Request) -> Bool {
        guard let actor = req.currentUser?.actor else { return false }
        return actor.has(.student, at: Date()) || actor.has(.guardian, at: Date())
    }

    func index(req: Request) async throws -> Response {
        try await ApplicationService.expireOverdue(req.application)
        if isApplicant(req) { return try await mine(req) }
        return try await queue(req)
    }

    /// «Мои заявки»: every application of the user's students with its state, and the open campaigns to apply to.
    func mine(_ req: Request) async throws -> Response {
        let students = try await ownStudents(req)
        let zone = try await MunicipalClock.zone(req.currentUser?.municipalityIDs.first, on: req.db)
        let apps =
            students.isEmpty
            ? []
            : try await CourseApplication.query(on: req.db).filter(\.$student.$id ~~ students.compactMap(\.id))
                .with(\.$campaign).with(\.$student).sort(\.$submittedAt, .descending).all()
        var panels: [ApplicationPanel] = []
        for application in apps { panels.append(try await panel(application, req: req, zone: zone)) }
        var open: [MyApplicationsPage.Open] = []
        let now = Date()
        for student in students {
            let campaigns = try await EnrollmentCampaign.query(on: req.db).filter(
                \.$municipality.$id == student.$municipality.id
            )
            .filter(\.$status == RecordStatus.active.rawValue).filter(\.$opensAt <= now).filter(\.$closesAt > now).sort(
                \.$closesAt
            ).all()
            for campaign in campaigns
            where !apps.contains(where: {
                $0.$campaign.id == campaign.id && $0.$student.id == student.id && $0.applicationState.isLive
            }) {
                open.append(
                    MyApplicationsPage.Open(
                        campaign: campaign.title, givenName: students.count > 1 ? student.givenName : nil,
                        url: "/applications/new?campaign=\(try campaign.requireID().uuidString.lowercased())&"
                            + "student=\(try student.requireID().uuidString.lowercased())"))
            }
        }
        let page = MyApplicationsPage(open: open, applications: panels).page
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func panel(_ application: CourseApplication, req: Request, zone: TimeZone) async throws -> ApplicationPanel {
        let outcome = try await ApplicationService.outcome(of: application, on: req.db)
        let school = try await Organization.find(application.$school.id, on: req.db)
        let resource = Resource.application(
            studentID: application.$student.id,
            school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id))
        return ApplicationPanel(
            id: try application.requireID(), student: application.student.fullName,
            sex: application.student.sex.flatMap(Sex.init(rawValue:)), school: school?.shortName,
            grade: "\(application.student.grade)\(application.student.letter ?? "")",
            campaign: application.campaign.title,
            mode: application.campaign.campaignMode,
            submitted: RuDate.formatDateTime(application.submittedAt, timeZone: zone),
            submittedBy: application.submittedByName, state: application.applicationState,
            closedReason: application.closedReason,
            guardianAgreed: application.guardianAgreedAt.map { RuDate.format($0, timeZone: zone) },
            guardianAgreedBy: application.guardianAgreedBy, schoolDecision: application.schoolDecision,
            schoolDecided: application.schoolDecidedAt.map { RuDate.format($0, timeZone: zone) },
            schoolComment: application.schoolComment,
            consentWithdrawn: application.student.consentWithdrawnAt == nil
                ? nil : application.student.consentText(zone: zone),
            holdExpires: application.holdExpiresAt.map { RuDate.formatDateTime($0, timeZone: zone) },
            choices: outcome.choices.map {
                ApplicationPanel.Choice(group: $0.groupName, status: $0.status, position: $0.position)
            },
            rights: ApplicationPanel.Rights(
                agree: (req.currentUser?.actor.has(.guardian, at: Date()) ?? false) && req.can(.update, resource),
                decide: req.can(.approve, resource), cancel: req.can(.update, resource)))
    }

    func find(_ req: Request) async throws -> CourseApplication {
        guard
            let application = try await CourseApplication.query(on: req.db).filter(\.$id == req.idParameter()).with(
                \.$student
            )
            .with(\.$campaign).first(),
            req.can(
                .read,
                .application(
                    studentID: application.$student.id,
                    school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id)))
        else {
            throw AppError.notFound(EnrollmentWords.Applications.notFound)
        }
        return application
    }

    func show(req: Request) async throws -> Response {
        try await ApplicationService.expireOverdue(req.application)
        let application = try await find(req)
        let zone = try await RegistrySupport.zone(req)
        let page = MyApplicationsPage.single(try await panel(application, req: req, zone: zone))
        var html = page.render(await req.pageContext(active: .applications))
        // The guardian's agreement form, under the application.
        let resource = Resource.application(
            studentID: application.$student.id,
            school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id))
        if application.guardianAgreedAt == nil,
            application.applicationState == .submitted || application.applicationState == .confirmed,
            req.currentUser?.actor.has(.guardian, at: Date()) ?? false, req.can(.update, resource)
        {
            let form = ApplicationAgreementForm(
                action: Self.url(try application.requireID()) + "/agree", name: try guardianName(req),
                student: application.student.fullName
            )
            html = form.below(html, csrf: req.csrfToken)
        }
        return req.render(html)
    }

    func agree(req: Request) async throws -> Response {
        let application = try await find(req)
        try req.authorize(
            .update,
            .application(
                studentID: application.$student.id,
                school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id))
        )
        guard try req.requireUser().actor.has(.guardian, at: Date()) else { throw AppError.forbidden }
        let form = RegistrySupport.form(req)
        guard form.all("agree").contains("yes") else {
            return req.redirect(
                to: Self.url(try application.requireID()), flash: EnrollmentWords.Applications.tickAgreement)
        }
        try await ApplicationService.agree(try application.requireID(), guardianName: try guardianName(req), req: req)
        return req.redirect(to: Self.url(try application.requireID()), flash: EnrollmentWords.Applications.agreed)
    }

    func cancelConfirm(req: Request) async throws -> Response {
        let application = try await find(req)
        try req.authorize(
            .update,
            .application(
                studentID: application.$student.id,
                school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id))
        )
        let page = ApplicationCancelPage(
            id: try application.requireID(), student: application.student.fullName, campaign: application.campaign.title
        )
        .page
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func cancel(req: Request) async throws -> Response {
        let application = try await find(req)
        try req.authorize(
            .update,
            .application(
                studentID: application.$student.id,
                school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id))
        )
        try await ApplicationService.close(
            try application.requireID(), to: .cancelled, reason: EnrollmentWords.Applications.cancelReason, req: req,
            app: req.application)
        return req.redirect(to: "/applications", flash: EnrollmentWords.Applications.cancelled)
    }
}
