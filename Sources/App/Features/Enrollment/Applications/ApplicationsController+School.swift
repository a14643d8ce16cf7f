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
            req, filters: ["state", "campaign"], sorts: ["submitted"], defaultSort: "submitted",
            defaultFilters: ["state": "submitted"])
        var b = CourseApplication.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let schools { b = b.filter(\.$school.$id ~~ Array(schools)) }
        if let s = query.filters["state"], ApplicationState(rawValue: s) != nil { b = b.filter(\.$state == s) }
        if let c = query.filters["campaign"].flatMap(UUID.init(uuidString:)) { b = b.filter(\.$campaign.$id == c) }
        let (rows, total) = try await b.sort(\.$submittedAt, query.descending ? .descending : .ascending).sort(\.$id)
            .with(\.$student).with(\.$campaign).with(\.$school).paged(query)
        let csrf = req.csrfToken
        let campaigns = try await EnrollmentCampaign.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .sort(
                \.$opensAt, .descending
            ).all()
        var page = RegistryList(
            title: "Заявки (ИУП)", area: .campaigns, query: query,
            filters: [
                FieldSpec(
                    "state", "Состояние",
                    .select(ApplicationState.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
                FieldSpec(
                    "campaign", "Кампания",
                    .select(
                        try campaigns.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
                        empty: "Все кампании")),
            ],
            columns: [
                Column("Обучающийся"), Column("Школа"), Column("Кампания"), Column("Подана", sort: "submitted"),
                Column("Согласие родителя"),
                Column("Подтвердить до"), Column("Состояние"), Column(""),
            ],
            rows: try rows.map { a in
                let resource = Resource.application(studentID: a.$student.id, school: a.school.ref)
                let canDecide =
                    a.schoolDecision == "pending"
                    && (a.applicationState == .submitted || a.applicationState == .confirmed)
                    && req.can(.approve, resource)
                return [
                    .link(
                        a.student.fullName + ", \(a.student.grade)\(a.student.letter ?? "")",
                        Self.url(try a.requireID())),
                    .text(a.school.shortName), .text(a.campaign.title),
                    .text(RuDate.formatDateTime(a.submittedAt, timeZone: zone)),
                    a.guardianAgreedAt == nil ? .tag("ожидается", "draft") : .text("дано"),
                    .text(a.holdExpiresAt.map { RuDate.formatDateTime($0, timeZone: zone) } ?? ""),
                    .text(
                        a.applicationState.title
                            + (a.schoolDecision == "confirmed" && a.applicationState == .submitted
                                ? " (школа подтвердила)" : "")),
                    canDecide ? .post("Подтвердить", Self.url(try a.requireID()) + "/confirm", csrf: csrf) : .text(""),
                ]
            },
            total: total, noun: ("заявка", "заявки", "заявок"), createTitle: nil,
            emptyText: query.filters["state"] == "submitted" ? "Заявок, ждущих подтверждения, нет." : "Заявок нет.")
        page.searchAction = "/applications"
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func confirm(req: Request) async throws -> Response {
        let a = try await find(req)
        try req.authorize(
            .approve,
            .application(studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        )
        try await ApplicationService.confirmBySchool(try a.requireID(), req: req)
        return req.redirect(to: "/applications", flash: "Заявка «\(a.student.fullName)» подтверждена школой.")
    }

    func refusePage(_ a: CourseApplication, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors())
        throws -> RegistryForm
    {
        RegistryForm(
            title: "Отказ в заявке",
            crumbs: [
                Crumb("Заявки (ИУП)", "/applications"),
                Crumb("ИУП: \(a.student.fullName)", Self.url(try a.requireID())),
            ],
            action: Self.url(try a.requireID()) + "/refuse", cancelURL: Self.url(try a.requireID()),
            fields: [
                FieldSpec(
                    "comment", "Причина отказа", .textarea, required: true, hint: "Её увидят обучающийся и родитель.")
            ], values: values, errors: errors,
            intro: "Места, удержанные заявкой, сразу освободятся и перейдут первым в листах ожидания.")
    }

    func refuseForm(req: Request) async throws -> Response {
        let a = try await find(req)
        try req.authorize(
            .approve,
            .application(studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        )
        return req.render(try refusePage(a).render(await req.pageContext(active: .applications)))
    }

    func refuse(req: Request) async throws -> Response {
        let a = try await find(req)
        try req.authorize(
            .approve,
            .application(studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        )
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let comment = errors.required("comment", form["comment"], max: 1000)
        guard errors.isEmpty else {
            return req.render(
                try refusePage(a, values: form, errors: errors).render(await req.pageContext(active: .applications)),
                status: .unprocessableEntity)
        }
        try await ApplicationService.refuseBySchool(try a.requireID(), comment: comment, req: req)
        return req.redirect(to: "/applications", flash: "В заявке «\(a.student.fullName)» отказано, места освобождены.")
    }

    /// The campaign of the path, for whoever may change the municipality's reference data (the КМЦ).
    func campaignToDistribute(_ req: Request) async throws -> EnrollmentCampaign {
        guard let c = try await EnrollmentCampaign.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound()
        }
        try req.authorize(.update, .reference(municipalityID: c.$municipality.id))
        return c
    }

    /// «Распределить» cannot be undone: the КМЦ confirms it on a page of its own, with what it will do.
    func distributeConfirm(req: Request) async throws -> Response {
        let c = try await campaignToDistribute(req)
        let id = try c.requireID()
        guard c.campaignMode == .ranked, c.distributedAt == nil else {
            return req.redirect(to: SiteURL.record(.campaigns, id).path)
        }
        let apps = try await CourseApplication.query(on: req.db).filter(\.$campaign.$id == id).all()
        let confirmed = apps.filter { $0.applicationState == .confirmed }.count
        let unconfirmed = apps.filter { $0.applicationState == .submitted }.count
        let page = ConfirmPage(
            title: "Распределить места", question: "Провести жеребьёвку и распределить места кампании «\(c.title)»?",
            consequence:
                "Участвуют подтверждённые заявки: \(confirmed). Неподтверждённые (\(unconfirmed)) будут закрыты. "
                + "Зерно жеребьёвки сохранится для проверки; отменить или провести распределение повторно нельзя.",
            action: SiteURL.record(.campaigns, id).path + "/distribute", button: "Распределить",
            cancelURL: SiteURL.record(.campaigns, id).path,
            crumbs: [
                Crumb("Кампании записи", SiteURL.list(.campaigns).path),
                Crumb(c.title, SiteURL.record(.campaigns, id).path), Crumb("Распределение"),
            ])
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func distribute(req: Request) async throws -> Response {
        let id = try await campaignToDistribute(req).requireID()
        let r = try await ApplicationService.distribute(campaignID: id, req: req)
        return req.redirect(
            to: SiteURL.record(.campaigns, id).path,
            flash:
                "Места распределены: зачислено \(r.placed), в листах ожидания \(r.waiting). Зерно жеребьёвки: "
                + "\(r.seed)."
        )
    }
}
