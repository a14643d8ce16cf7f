import Documents
import Domain
import Fluent
import Vapor
import Views

/// Applications (ИУП) in the web UI (issue 3): students and guardians submit and follow them («Мои заявки»);
/// the guardian agrees; the home school works through its queue; the КМЦ distributes ranked campaigns.
struct ApplicationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let a = routes.grouped("applications")
        a.get(use: index)
        a.get("new", use: newForm)
        a.post("new", use: submit)
        a.get(":id", use: show)
        a.post(":id", "agree", use: agree)
        a.get(":id", "cancel", use: cancelConfirm)
        a.post(":id", "cancel", use: cancel)
        a.post(":id", "confirm", use: confirm)
        a.get(":id", "refuse", use: refuseForm)
        a.post(":id", "refuse", use: refuse)
        a.get(":id", "iup", use: iupPage)
        a.get(":id", "iup.docx", use: iupDocx)
        a.get(":id", "agreement", use: agreementPage)
        a.get(":id", "agreement.docx", use: agreementDocx)
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
        guard let a = req.currentUser?.actor else { return false }
        return a.has(.student, at: Date()) || a.has(.guardian, at: Date())
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
        for a in apps { panels.append(try await panel(a, req: req, zone: zone)) }
        var open: [MyApplicationsPage.Open] = []
        let now = Date()
        for s in students {
            let campaigns = try await EnrollmentCampaign.query(on: req.db).filter(
                \.$municipality.$id == s.$municipality.id
            )
            .filter(\.$status == RecordStatus.active.rawValue).filter(\.$opensAt <= now).filter(\.$closesAt > now).sort(
                \.$closesAt
            ).all()
            for c in campaigns
            where !apps.contains(where: {
                $0.$campaign.id == c.id && $0.$student.id == s.id && $0.applicationState.isLive
            }) {
                open.append(
                    MyApplicationsPage.Open(
                        campaign: c.title, givenName: students.count > 1 ? s.givenName : nil,
                        url: "/applications/new?campaign=\(try c.requireID().uuidString.lowercased())&"
                            + "student=\(try s.requireID().uuidString.lowercased())"))
            }
        }
        let page = MyApplicationsPage(open: open, applications: panels).page
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func panel(_ a: CourseApplication, req: Request, zone: TimeZone) async throws -> ApplicationPanel {
        let o = try await ApplicationService.outcome(of: a, on: req.db)
        let school = try await Organization.find(a.$school.id, on: req.db)
        let resource = Resource.application(
            studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        return ApplicationPanel(
            id: try a.requireID(), student: a.student.fullName, school: school?.shortName,
            grade: "\(a.student.grade)\(a.student.letter ?? "")", campaign: a.campaign.title,
            mode: a.campaign.campaignMode, submitted: RuDate.formatDateTime(a.submittedAt, timeZone: zone),
            submittedBy: a.submittedByName, state: a.applicationState, closedReason: a.closedReason,
            guardianAgreed: a.guardianAgreedAt.map { RuDate.format($0, timeZone: zone) },
            guardianAgreedBy: a.guardianAgreedBy, schoolDecision: a.schoolDecision,
            schoolDecided: a.schoolDecidedAt.map { RuDate.format($0, timeZone: zone) }, schoolComment: a.schoolComment,
            consentWithdrawn: a.student.consentWithdrawnAt == nil
                ? nil : a.student.consentText(zone: zone),
            holdExpires: a.holdExpiresAt.map { RuDate.formatDateTime($0, timeZone: zone) },
            choices: o.choices.map {
                ApplicationPanel.Choice(group: $0.groupName, status: $0.status, position: $0.position)
            },
            rights: ApplicationPanel.Rights(
                agree: (req.currentUser?.actor.has(.guardian, at: Date()) ?? false) && req.can(.update, resource),
                decide: req.can(.approve, resource), cancel: req.can(.update, resource)))
    }

    func find(_ req: Request) async throws -> CourseApplication {
        guard
            let a = try await CourseApplication.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$student)
                .with(\.$campaign).first(),
            req.can(
                .read,
                .application(
                    studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id)))
        else {
            throw AppError.notFound(EnrollmentWords.Applications.notFound)
        }
        return a
    }

    func show(req: Request) async throws -> Response {
        try await ApplicationService.expireOverdue(req.application)
        let a = try await find(req)
        let zone = try await RegistrySupport.zone(req)
        let page = MyApplicationsPage.single(try await panel(a, req: req, zone: zone))
        var html = page.render(await req.pageContext(active: .applications))
        // The guardian's agreement form, under the application.
        let resource = Resource.application(
            studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        if a.guardianAgreedAt == nil, a.applicationState == .submitted || a.applicationState == .confirmed,
            req.currentUser?.actor.has(.guardian, at: Date()) ?? false, req.can(.update, resource)
        {
            let form = ApplicationAgreementForm(
                action: Self.url(try a.requireID()) + "/agree", name: try guardianName(req), student: a.student.fullName
            )
            html = form.below(html, csrf: req.csrfToken)
        }
        return req.render(html)
    }

    func agree(req: Request) async throws -> Response {
        let a = try await find(req)
        try req.authorize(
            .update,
            .application(studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        )
        guard try req.requireUser().actor.has(.guardian, at: Date()) else { throw AppError.forbidden }
        let form = RegistrySupport.form(req)
        guard form.all("agree").contains("yes") else {
            return req.redirect(to: Self.url(try a.requireID()), flash: EnrollmentWords.Applications.tickAgreement)
        }
        try await ApplicationService.agree(try a.requireID(), guardianName: try guardianName(req), req: req)
        return req.redirect(to: Self.url(try a.requireID()), flash: EnrollmentWords.Applications.agreed)
    }

    func cancelConfirm(req: Request) async throws -> Response {
        let a = try await find(req)
        try req.authorize(
            .update,
            .application(studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        )
        let page = ApplicationCancelPage(id: try a.requireID(), student: a.student.fullName, campaign: a.campaign.title)
            .page
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func cancel(req: Request) async throws -> Response {
        let a = try await find(req)
        try req.authorize(
            .update,
            .application(studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        )
        try await ApplicationService.close(
            try a.requireID(), to: .cancelled, reason: EnrollmentWords.Applications.cancelReason, req: req,
            app: req.application)
        return req.redirect(to: "/applications", flash: EnrollmentWords.Applications.cancelled)
    }
}
