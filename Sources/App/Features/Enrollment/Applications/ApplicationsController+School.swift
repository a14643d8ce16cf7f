import Domain
import Fluent
import Vapor
import Views

/// The home school's side of applications (the queue, confirmation, refusal) and the КМЦ's distribution.
extension ApplicationsController {
    /// The school's queue (and the КМЦ's overview): applications to confirm, with filters.
    func queue(_ req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let zone = try await RegistrySupport.zone(req)
        let user = try req.requireUser()
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        let all = req.can(.read, .application(studentID: UUID(), school: probe))
        let schools =
            all
            ? nil
            : Set(
                user.actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
                    .filter {
                        req.can(
                            .read,
                            .application(studentID: UUID(), school: OrgRef(id: $0, municipalityID: municipalityID)))
                    })
        if let schools, schools.isEmpty { throw AppError.forbidden }
        let query = RegistrySupport.listQuery(
            req, filters: ["state", "campaign", "student"], sorts: ["submitted"], defaultSort: "submitted",
            defaultFilters: ["state": "submitted"])
        var builder = CourseApplication.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let schools { builder = builder.filter(\.$school.$id ~~ Array(schools)) }
        if let state = query.filters["state"], ApplicationState(rawValue: state) != nil {
            builder = builder.filter(\.$state == state)
        }
        if let campaignID = query.filters["campaign"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$campaign.$id == campaignID)
        }
        // One student's applications, from the student's card.
        if let studentID = query.filters["student"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$student.$id == studentID)
        }
        let (rows, total) = try await builder.sort(\.$submittedAt, query.descending ? .descending : .ascending).sort(
            \.$id
        )
        .with(\.$student).with(\.$campaign).with(\.$school).paged(query)
        let campaigns = try await EnrollmentCampaign.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$opensAt, .descending).all()
        let page = ApplicationQueuePage(
            query: query, campaigns: try campaigns.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            rows: try rows.map { application in
                ApplicationQueuePage.Row(
                    id: try application.requireID(), student: application.student.fullName,
                    grade: "\(application.student.grade)\(application.student.letter ?? "")",
                    school: application.school.shortName,
                    campaign: application.campaign.title,
                    submitted: RuDate.formatDateTime(application.submittedAt, timeZone: zone),
                    guardianAgreed: application.guardianAgreedAt != nil,
                    holdExpires: application.holdExpiresAt.map { RuDate.formatDateTime($0, timeZone: zone) },
                    state: application.applicationState, schoolDecision: application.schoolDecision,
                    canDecide: application.schoolDecision == "pending"
                        && (application.applicationState == .submitted || application.applicationState == .confirmed)
                        && req.can(
                            .approve, .application(studentID: application.$student.id, school: application.school.ref))
                )
            },
            total: total, csrf: req.csrfToken
        ).list
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func confirm(req: Request) async throws -> Response {
        let application = try await find(req)
        try req.authorize(
            .approve,
            .application(
                studentID: application.$student.id,
                school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id))
        )
        try await ApplicationService.confirmBySchool(try application.requireID(), req: req)
        return req.redirect(
            to: "/applications", flash: EnrollmentWords.Applications.confirmed(application.student.fullName))
    }

    func refusePage(
        _ application: CourseApplication, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors()
    )
        throws -> RegistryForm
    {
        ApplicationRefusePage(
            id: try application.requireID(), student: application.student.fullName, values: values, errors: errors
        ).form
    }

    func refuseForm(req: Request) async throws -> Response {
        let application = try await find(req)
        try req.authorize(
            .approve,
            .application(
                studentID: application.$student.id,
                school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id))
        )
        return req.render(try refusePage(application).render(await req.pageContext(active: .applications)))
    }

    func refuse(req: Request) async throws -> Response {
        let application = try await find(req)
        try req.authorize(
            .approve,
            .application(
                studentID: application.$student.id,
                school: OrgRef(id: application.$school.id, municipalityID: application.$municipality.id))
        )
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let comment = errors.required("comment", form["comment"], max: 1000)
        guard errors.isEmpty else {
            return req.render(
                try refusePage(application, values: form, errors: errors).render(
                    await req.pageContext(active: .applications)),
                status: .unprocessableEntity)
        }
        try await ApplicationService.refuseBySchool(try application.requireID(), comment: comment, req: req)
        return req.redirect(
            to: "/applications", flash: EnrollmentWords.Applications.refused(application.student.fullName))
    }

    /// The campaign of the path, for whoever may change the municipality's reference data (the КМЦ).
    func campaignToDistribute(_ req: Request) async throws -> EnrollmentCampaign {
        guard let campaign = try await EnrollmentCampaign.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound()
        }
        try req.authorize(.update, .reference(municipalityID: campaign.$municipality.id))
        return campaign
    }

    /// «Распределить» cannot be undone: the КМЦ confirms it on a page of its own, with what it will do.
    func distributeConfirm(req: Request) async throws -> Response {
        let campaign = try await campaignToDistribute(req)
        let id = try campaign.requireID()
        guard campaign.campaignMode == .ranked, campaign.distributedAt == nil else {
            return req.redirect(to: SiteURL.record(.campaigns, id).path)
        }
        let apps = try await CourseApplication.query(on: req.db).filter(\.$campaign.$id == id).all()
        let confirmed = apps.filter { $0.applicationState == .confirmed }.count
        let unconfirmed = apps.filter { $0.applicationState == .submitted }.count
        let page = CampaignDistributePage(id: id, title: campaign.title, confirmed: confirmed, unconfirmed: unconfirmed)
            .page
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func distribute(req: Request) async throws -> Response {
        let id = try await campaignToDistribute(req).requireID()
        let result = try await ApplicationService.distribute(campaignID: id, req: req)
        return req.redirect(
            to: SiteURL.record(.campaigns, id).path,
            flash: EnrollmentWords.Applications.distributed(
                placed: result.placed, waiting: result.waiting, seed: result.seed))
    }
}
