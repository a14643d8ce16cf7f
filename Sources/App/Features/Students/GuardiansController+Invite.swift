import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// The guardian's side: redeeming an invitation code, «Мои дети», withdrawing consent.
extension GuardiansController {
    func inviteForm(req: Request) async throws -> Response {
        req.render(
            invitePage(req, values: FormValues()).render(
                await req.pageContext(active: req.currentUser == nil ? nil : .children)))
    }

    func invitePage(_ req: Request, values: FormValues, errors: FieldErrors = FieldErrors(), problem: String? = nil)
        -> RegistryForm
    {
        InviteRedeemPage(signedIn: req.currentUser != nil, values: values, errors: errors, problem: problem).form
    }

    func redeem(req: Request) async throws -> Response {
        let form = RegistrySupport.form(req)
        let active: MenuArea? = req.currentUser == nil ? nil : .children
        var errors = FieldErrors()
        var shown = form
        shown["password"] = nil
        shown["confirm"] = nil
        let code = errors.required("code", form["code"], max: 40)
        // Guessing codes is throttled like passwords: ten wrong codes from one address in 15 minutes block it.
        let key = "invite:" + (req.clientAddress?.throttleKey ?? "?")
        let throttle = req.application.setkaConfig.loginThrottle
        let now = Date()
        let failures = try await LoginFailure.query(on: req.db).filter(\.$usernameKey == key).filter(
            \.$at >= now.addingTimeInterval(-throttle.window)
        ).all().map(\.at)
        if let until = throttle.blockedUntil(failures: failures, now: now) {
            return req.render(
                invitePage(req, values: shown, problem: Login.blockedMessage(until)).render(
                    await req.pageContext(active: active)), status: .tooManyRequests)
        }
        var username = ""
        var password = ""
        if req.currentUser == nil {
            username = errors.required("username", form["username"], max: 60)
            if !username.isEmpty && !UserAccounts.isValidUsername(username) {
                errors.add("username", GuardiansWords.Redeem.badUsername)
            } else if !username.isEmpty, try await User.query(on: req.db).filter(\.$username == username).first() != nil
            {
                errors.add("username", GuardiansWords.Redeem.usernameTaken)
            }
            password = form["password"] ?? ""
            let pw = PasswordRules.check(password)
            for (field, message) in pw.messages { errors.add(field, message) }
            if password != (form["confirm"] ?? "") { errors.add("confirm", GuardiansWords.Redeem.passwordsDiffer) }
        }
        guard errors.isEmpty else {
            return req.render(
                invitePage(req, values: shown, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        guard
            let guardian = try await Guardian.query(on: req.db).filter(\.$inviteHash == Self.hash(code)).filter(
                \.$status == RecordStatus.active.rawValue
            )
            .with(\.$student).first(), let expires = guardian.inviteExpiresAt, expires > now
        else {
            try await LoginFailure(usernameKey: key, at: now).create(on: req.db)
            errors.add("code", GuardiansWords.Redeem.badCode)
            return req.render(
                invitePage(req, values: shown, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        let student = guardian.student
        if let current = req.currentUser,
            try await Guardian.query(on: req.db).filter(try \.$student.$id == student.requireID()).filter(
                \.$user.$id == current.userID
            )
            .first() != nil
        {
            errors.add("code", GuardiansWords.Redeem.alreadyLinked)
            return req.render(
                invitePage(req, values: shown, errors: errors).render(await req.pageContext(active: active)),
                status: .conflict)
        }
        let hash = req.currentUser == nil ? try await Passwords.hash(password, app: req.application) : ""
        let current = req.currentUser
        let newUsername = username
        let userID: UUID = try await req.application.writeTransaction { db in
            // The code is spent by the first request that clears it.
            let spent = try await db.sql().update(Guardian.schema).set("invite_hash", to: Optional<String>.none).set(
                "invite_expires_at", to: Optional<Date>.none
            )
            .where("id", .equal, try guardian.requireID()).where("invite_hash", .equal, Self.hash(code)).returning("id")
            .all()
            guard !spent.isEmpty else { throw AppError.conflict(GuardiansWords.Redeem.codeUsed) }
            let user: User
            if let current, let existing = try await User.find(current.userID, on: db) {
                user = existing
            } else {
                user = User(username: newUsername, fullName: guardian.fullName, passwordHash: hash)
                try await user.create(on: db)
            }
            let has = try await RoleAssignment.query(on: db).filter(try \.$user.$id == user.requireID()).filter(
                \.$role == Role.guardian.rawValue
            )
            .filter(\.$organization.$id == student.$school.id).first()
            if has == nil {
                try await RoleAssignment(
                    userID: try user.requireID(), role: Role.guardian.rawValue,
                    municipalityID: student.$municipality.id,
                    organizationID: student.$school.id
                ).create(on: db)
            }
            guardian.$user.id = user.id
            guardian.inviteHash = nil
            guardian.inviteExpiresAt = nil
            guardian.version += 1
            try await guardian.save(on: db)
            try await Audit.record(
                on: db, req: req, userID: user.id, username: user.username, action: .link, entityType: "guardian",
                entityID: student.id,
                title: GuardiansWords.auditTitle(guardian: guardian.fullName, student: student.fullName),
                municipalityID: student.$municipality.id,
                organizationID: student.$school.id,
                after: GuardiansWords.auditAccount(user.username))
            return try user.requireID()
        }
        if current == nil, let user = try await User.find(userID, on: req.db) {
            let res = req.redirect(
                to: SiteURL.children.path, flash: GuardiansWords.Redeem.accountCreated(student.fullName))
            try await Login.startSession(for: user, req: req, response: res)
            return res
        }
        return req.redirect(to: SiteURL.children.path, flash: GuardiansWords.Redeem.linked(student.fullName))
    }

    func children(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.actor.has(.guardian, at: Date()) else { throw AppError.forbidden }
        let zone = try await MunicipalClock.zone(user.municipalityIDs.first, on: req.db)
        let ids = Array(user.actor.students)
        let students =
            ids.isEmpty
            ? [] : try await Student.query(on: req.db).filter(\.$id ~~ ids).with(\.$school).sort(\.$sortKey).all()
        let shown = try students.filter {
            req.can(.read, .person(studentID: try $0.requireID(), school: $0.school.ref))
        }
        let courses = try await StudentCoursesSection.load(of: shown, title: GuardiansWords.Child.courses, req: req)
        let achievements = try await StudentAchievements.familySections(
            of: try shown.map { try $0.requireID() }, on: req.db)
        var kids: [ChildrenPage.Child] = []
        for student in shown {
            kids.append(
                .init(
                    name: student.fullName,
                    facts: [
                        (GuardiansWords.Child.school, student.school.shortName),
                        (GuardiansWords.Child.grade, "\(student.grade)\(student.letter ?? "")"),
                        (TalentWords.Publication.field, StudentsSection.publicationText(student, zone: zone)),
                    ],
                    courses: courses[try student.requireID()]
                        ?? StudentCoursesSection(title: GuardiansWords.Child.courses, rows: []).section,
                    consent: student.consentText(zone: zone), consentWithdrawn: student.consentWithdrawnAt != nil,
                    links: StudentRecordLinks.links(
                        studentID: try student.requireID(), applicationsURL: SiteURL.applications.path),
                    actions: student.hasConsent
                        && req.can(.update, .person(studentID: try student.requireID(), school: student.school.ref))
                        ? [
                            (
                                GuardiansWords.Consent.withdrawLink,
                                "/children/\(try student.requireID().uuidString.lowercased())/consent"
                            )
                        ] : [], achievements: achievements[try student.requireID()]))
            kids[kids.count - 1].actions += try PublicationConsentController.actions(for: student, req: req)
        }
        return req.render(ChildrenPage(children: kids).render(await req.pageContext(active: .children)))
    }

    func child(_ req: Request) async throws -> Student {
        let id = try req.idParameter()
        guard let student = try await Student.query(on: req.db).filter(\.$id == id).with(\.$school).first(),
            req.can(.read, .person(studentID: id, school: student.school.ref))
        else { throw AppError.notFound() }
        try req.authorize(.update, .person(studentID: id, school: student.school.ref))
        return student
    }

    func withdrawConfirm(req: Request) async throws -> Response {
        let student = try await child(req)
        guard student.hasConsent else {
            return req.redirect(to: SiteURL.children.path, flash: GuardiansWords.Consent.nothingToWithdraw)
        }
        let page = WithdrawConsentPage(studentID: try student.requireID(), studentName: student.fullName)
        return req.render(page.render(await req.pageContext(active: .children)))
    }

    func withdraw(req: Request) async throws -> Response {
        let student = try await child(req)
        let user = try req.requireUser()
        guard student.hasConsent else {
            return req.redirect(to: SiteURL.children.path, flash: GuardiansWords.Consent.nothingToWithdraw)
        }
        let who =
            try await Guardian.query(on: req.db).filter(try \.$student.$id == student.requireID()).filter(
                \.$user.$id == user.userID
            )
            .first()?.fullName ?? user.fullName
        let now = Date()
        let zone = try await RegistrySupport.zone(req)
        try await req.application.writeTransaction { db in
            let done = try await db.sql().update(Student.schema).set("consent_withdrawn_at", to: now).set(
                "consent_withdrawn_by", to: who
            )
            .set("version", to: student.version + 1).where("id", .equal, try student.requireID()).where(
                "consent_withdrawn_at", .is, SQLLiteral.null
            ).returning("id").all()
            guard !done.isEmpty else { return }
            try await Audit.record(
                on: db, req: req, action: .consentWithdraw, entityType: "student", entityID: student.id,
                title: student.fullName,
                municipalityID: student.$municipality.id, organizationID: student.$school.id,
                before: [GuardiansWords.Consent.field: GuardiansWords.Consent.given],
                after: [
                    GuardiansWords.Consent.field: GuardiansWords.Consent.withdrawnBy(
                        on: RuDate.format(now, timeZone: zone), by: who)
                ])
        }
        return req.redirect(to: SiteURL.children.path, flash: GuardiansWords.Consent.withdrawn)
    }
}
