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
        var panels: [ApplicationsPage.Panel] = []
        for a in apps { panels.append(try await panel(a, req: req, zone: zone, linkTitle: true)) }
        var open: [(String, String)] = []
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
                    (
                        "Подать заявку: \(c.title)" + (students.count > 1 ? " — \(s.givenName)" : ""),
                        "/applications/new?campaign=\(try c.requireID().uuidString.lowercased())&"
                            + "student=\(try s.requireID().uuidString.lowercased())"
                    ))
            }
        }
        let page = ApplicationsPage(
            title: "Мои заявки", crumbs: [],
            intro:
                "Индивидуальный учебный план (ИУП): сетевые курсы по приоритету, согласие родителя и подтверждение "
                + "школы.",
            open: open, panels: panels,
            emptyText: open.isEmpty
                ? "Заявок нет, и сейчас нет открытых кампаний записи."
                : "Заявок пока нет: подайте заявку в открытой кампании.")
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func panel(_ a: CourseApplication, req: Request, zone: TimeZone, linkTitle: Bool) async throws
        -> ApplicationsPage.Panel
    {
        let o = try await ApplicationService.outcome(of: a, on: req.db)
        let school = try await Organization.find(a.$school.id, on: req.db)
        var facts: [(String, String)] = [
            (
                "Обучающийся",
                a.student.fullName + (school.map { ", \($0.shortName)" } ?? "")
                    + ", \(a.student.grade)\(a.student.letter ?? "") класс"
            ),
            ("Кампания", a.campaign.title + " (" + a.campaign.campaignMode.title + ")"),
            ("Подана", RuDate.formatDateTime(a.submittedAt, timeZone: zone) + ", " + a.submittedByName),
            ("Состояние", a.applicationState.title + (a.closedReason.map { ": \($0)" } ?? "")),
            (
                "Согласие родителя (законного представителя)",
                a.guardianAgreedAt.map { "дано \(RuDate.format($0, timeZone: zone)): \(a.guardianAgreedBy ?? "")" }
                    ?? "ожидается"
            ),
            (
                "Подтверждение школы",
                a.schoolDecision == "confirmed"
                    ? "подтверждено" + (a.schoolDecidedAt.map { " \(RuDate.format($0, timeZone: zone))" } ?? "")
                    : a.schoolDecision == "refused"
                        ? "отказано" + (a.schoolComment.map { ": \($0)" } ?? "") : "ожидается"
            ),
        ]
        if a.student.consentWithdrawnAt != nil {
            facts.append(
                (
                    "Согласие на обработку персональных данных",
                    GuardiansController.consentText(a.student, zone: zone)
                        + " — подтвердить заявку и записать обучающегося нельзя"
                ))
        }
        if let h = a.holdExpiresAt, a.applicationState == .submitted {
            facts.append(
                ("Подтвердить до", RuDate.formatDateTime(h, timeZone: zone) + " — иначе удержанные места освободятся"))
        }
        let titles = [
            "enrolled": "зачислен(а)", "waitlisted": "лист ожидания", "pending": "ждёт распределения",
            "unused": "не понадобился",
            "released": "место освобождено",
        ]
        let choices = RegistryCard.Section(
            title: "Курсы по приоритету", columns: ["№", "Группа", "Результат"],
            rows: o.choices.enumerated().map { i, c in
                [
                    .text(String(i + 1)), .text(c.groupName),
                    .text((titles[c.status] ?? c.status) + (c.position.map { ", место № \($0)" } ?? "")),
                ]
            }, emptyText: "Курсы не выбраны.")
        var actions: [RegistryCard.Action] = []
        let resource = Resource.application(
            studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        let live = a.applicationState == .submitted || a.applicationState == .confirmed
        if live && a.guardianAgreedAt == nil && (req.currentUser?.actor.has(.guardian, at: Date()) ?? false)
            && req.can(.update, resource)
        {
            actions.append(.link("Дать согласие родителя", Self.url(try a.requireID()) + "#agree", primary: true))
        }
        if live && a.schoolDecision == "pending" && req.can(.approve, resource) {
            if a.student.consentWithdrawnAt == nil {
                actions.append(.post("Подтвердить заявку", Self.url(try a.requireID()) + "/confirm"))
            }
            actions.append(.link("Отказать…", Self.url(try a.requireID()) + "/refuse", primary: false))
        }
        actions.append(.link("ИУП для печати", Self.url(try a.requireID()) + "/iup", primary: false))
        actions.append(
            .link("Согласие родителя для печати", Self.url(try a.requireID()) + "/agreement", primary: false))
        if a.applicationState.isLive && req.can(.update, resource) {
            actions.append(.link("Отозвать заявку…", Self.url(try a.requireID()) + "/cancel", primary: false))
        }
        return .init(
            title: linkTitle ? "ИУП: " + a.student.fullName + " — " + a.campaign.title : "Индивидуальный учебный план",
            url: linkTitle ? Self.url(try a.requireID()) : nil,
            facts: facts, choices: choices, actions: actions)
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
            throw AppError.notFound("Заявка не найдена.")
        }
        return a
    }

    func show(req: Request) async throws -> Response {
        try await ApplicationService.expireOverdue(req.application)
        let a = try await find(req)
        let zone = try await RegistrySupport.zone(req)
        let p = try await panel(a, req: req, zone: zone, linkTitle: false)
        let page = ApplicationsPage(
            title: "ИУП: \(a.student.fullName)", crumbs: [Crumb("Заявки (ИУП)", "/applications")],
            intro: a.campaign.title,
            open: [], panels: [p], emptyText: "", printable: true)
        var html = page.render(await req.pageContext(active: .applications))
        // The guardian's agreement form, under the application.
        let resource = Resource.application(
            studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        if a.guardianAgreedAt == nil, a.applicationState == .submitted || a.applicationState == .confirmed,
            req.currentUser?.actor.has(.guardian, at: Date()) ?? false, req.can(.update, resource)
        {
            let form = AgreementForm(
                action: Self.url(try a.requireID()) + "/agree", name: try guardianName(req), student: a.student.fullName
            )
            html = html.replacingOccurrences(of: "</main>", with: form.render(csrf: req.csrfToken) + "</main>")
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
            return req.redirect(to: Self.url(try a.requireID()), flash: "Отметьте согласие, чтобы подтвердить заявку.")
        }
        try await ApplicationService.agree(try a.requireID(), guardianName: try guardianName(req), req: req)
        return req.redirect(to: Self.url(try a.requireID()), flash: "Согласие родителя дано.")
    }

    func cancelConfirm(req: Request) async throws -> Response {
        let a = try await find(req)
        try req.authorize(
            .update,
            .application(studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        )
        let page = ConfirmPage(
            title: "Отозвать заявку",
            question: "Отозвать заявку «\(a.campaign.title)» обучающегося «\(a.student.fullName)»?",
            consequence:
                "Удержанные заявкой места и места в листах ожидания освободятся; подать заявку снова можно, пока идёт "
                + "приём.",
            action: Self.url(try a.requireID()) + "/cancel", button: "Отозвать заявку",
            cancelURL: Self.url(try a.requireID()),
            crumbs: [
                Crumb("Заявки (ИУП)", "/applications"),
                Crumb("ИУП: \(a.student.fullName)", Self.url(try a.requireID())),
                Crumb("Отзыв"),
            ])
        return req.render(page.render(await req.pageContext(active: .applications)))
    }

    func cancel(req: Request) async throws -> Response {
        let a = try await find(req)
        try req.authorize(
            .update,
            .application(studentID: a.$student.id, school: OrgRef(id: a.$school.id, municipalityID: a.$municipality.id))
        )
        try await ApplicationService.close(
            try a.requireID(), to: .cancelled, reason: "отозвана заявителем", req: req, app: req.application)
        return req.redirect(to: "/applications", flash: "Заявка отозвана, места освобождены.")
    }
}
