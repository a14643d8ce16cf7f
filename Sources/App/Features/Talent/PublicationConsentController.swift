import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// A guardian gives or withdraws the consent to publishing a child's achievements (issue 21, item 7; 152-ФЗ
/// art. 10.1): each after a confirmation page, written conditionally (a second click changes nothing), audited on the
/// student; withdrawn, the child leaves the public page at once.
struct PublicationConsentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let publication = routes.grouped("children", ":id", "publication")
        publication.get(use: giveConfirm)
        publication.post(use: give)
        publication.get("withdraw", use: withdrawConfirm)
        publication.post("withdraw", use: withdraw)
    }

    func confirm(_ req: Request, _ student: Student, give: Bool) async throws -> Response {
        let path = "/children/\(try student.requireID().uuidString.lowercased())/publication"
        let words = TalentWords.Publication.self
        let page = ConfirmPage(
            title: give ? words.giveTitle : words.withdrawTitle,
            question: give ? words.giveQuestion(student.fullName) : words.withdrawQuestion(student.fullName),
            consequence: give ? words.giveConsequence : words.withdrawConsequence,
            action: give ? path : path + "/withdraw", button: give ? words.giveButton : words.withdrawButton,
            cancelURL: SiteURL.children.path, crumbs: [Crumb(MenuArea.children.title, SiteURL.children.path)])
        return req.render(page.render(await req.pageContext(active: .children)))
    }

    func giveConfirm(req: Request) async throws -> Response {
        try await confirm(req, try await GuardiansController().child(req), give: true)
    }

    func withdrawConfirm(req: Request) async throws -> Response {
        try await confirm(req, try await GuardiansController().child(req), give: false)
    }

    func give(req: Request) async throws -> Response {
        let student = try await GuardiansController().child(req)
        guard student.hasConsent else {
            return req.redirect(to: SiteURL.children.path, flash: TalentWords.Publication.noProcessingConsent)
        }
        let user = try req.requireUser()
        let who =
            try await Guardian.query(on: req.db).filter(\.$student.$id == student.requireID())
            .filter(\.$user.$id == user.userID).first()?.fullName ?? user.fullName
        try await write(req, student, on: Date(), by: who)
        return req.redirect(to: SiteURL.children.path, flash: TalentWords.Publication.given)
    }

    func withdraw(req: Request) async throws -> Response {
        let student = try await GuardiansController().child(req)
        try await write(req, student, on: nil, by: nil)
        return req.redirect(to: SiteURL.children.path, flash: TalentWords.Publication.withdrawn)
    }

    /// Sets or clears the consent when it is not so already, with the student's version, and audits the change.
    func write(_ req: Request, _ student: Student, on day: Date?, by who: String?) async throws {
        let zone = try await RegistrySupport.zone(req)
        let before = StudentsSection.publicationText(student, zone: zone)
        let id = try student.requireID()
        try await req.application.writeTransaction { db in
            let update = try db.sql().update(Student.schema).set("publication_consent_on", to: day)
                .set("publication_consent_by", to: who).set("version", to: student.version + 1).where("id", .equal, id)
                .where("version", .equal, student.version)
                .where("publication_consent_on", day == nil ? .isNot : .is, SQLLiteral.null)
            guard !(try await update.returning("id").all()).isEmpty else { return }
            student.publicationConsentOn = day
            student.publicationConsentBy = who
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "student", entityID: id, title: student.fullName,
                municipalityID: student.$municipality.id, organizationID: student.$school.id,
                before: [TalentWords.Publication.field: before],
                after: [TalentWords.Publication.field: StudentsSection.publicationText(student, zone: zone)])
        }
    }
}

extension PublicationConsentController {
    /// The «Мои дети» buttons for a child: give the consent (when the processing consent is in force) or withdraw it.
    static func actions(for student: Student, req: Request) throws -> [(title: String, url: String)] {
        let id = try student.requireID()
        guard req.can(.update, .person(studentID: id, school: student.school.ref)) else { return [] }
        let path = "/children/\(id.uuidString.lowercased())/publication"
        if student.publicationConsentOn != nil { return [(TalentWords.Publication.withdraw, path + "/withdraw")] }
        return student.hasConsent ? [(TalentWords.Publication.give, path)] : []
    }
}
