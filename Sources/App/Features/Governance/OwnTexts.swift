import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// A text the administrator keeps for the municipality — a plan template, a report form — written, versioned,
/// archived and restored the same way.
protocol OwnText: Model, AnyObject where IDValue == UUID {
    var title: String { get set }
    var body: String { get set }
    var status: String { get set }
    var createdBy: String { get set }
    var createdAt: Date { get set }
    var updatedBy: String { get set }
    var updatedAt: Date { get set }
    var version: Int { get set }
    var municipalityID: UUID { get set }
    /// The audit's entity type.
    static var auditType: String { get }
    /// The audit's words of a title and a text.
    static func audit(title: String, body: String) -> [String: String]
    /// Keeps the current title and text as its version row.
    func keepVersion(user: String, on db: any Database) async throws
}

extension CustomTemplate: OwnText {
    static var auditType: String { "custom_template" }
    var municipalityID: UUID {
        get { $municipality.id }
        set { $municipality.id = newValue }
    }
    static func audit(title: String, body: String) -> [String: String] {
        RoadmapsController.audit(title: title, body: body)
    }
    func keepVersion(user: String, on db: any Database) async throws {
        try await RoadmapsController.keepVersion(self, user: user, on: db)
    }
}

extension CustomReportForm: OwnText {
    static var auditType: String { "report_form" }
    var municipalityID: UUID {
        get { $municipality.id }
        set { $municipality.id = newValue }
    }
    static func audit(title: String, body: String) -> [String: String] {
        ReportFormsController.audit(title: title, body: body)
    }
    func keepVersion(user: String, on db: any Database) async throws {
        try await ReportFormsController.keepVersion(self, user: user, on: db)
    }
}

/// The archive of own texts: an archived one makes no new plan or campaign — what it made stays — and is restored on
/// its page.
enum OwnTexts {
    /// The words a confirmation and its outcome need.
    struct Words: Sendable {
        var question: @Sendable (String) -> String
        var consequence: String
        var archived: String
        var restored: String
    }

    /// An archived text is not edited: it is restored first (a 409 otherwise).
    static func requireActive(_ text: some OwnText) throws {
        guard text.status == RecordStatus.active.rawValue else { throw AppError.conflict(OwnTextWords.archivedFinal) }
    }

    /// A new text at version 1, with its version row, audited; its id.
    static func create<T: OwnText>(
        _ type: T.Type, title: String, body: String, municipalityID: UUID, req: Request
    ) async throws -> UUID {
        let user = try req.requireUser().username
        let id = UUID()
        try await req.application.writeTransaction { db in
            // Made inside the transaction: a PostgreSQL retry creates them afresh.
            let text = T()
            text.id = id
            text.municipalityID = municipalityID
            (text.title, text.body, text.status) = (title, body, RecordStatus.active.rawValue)
            (text.createdBy, text.createdAt, text.updatedBy, text.updatedAt, text.version) =
                (user, Date(), user, Date(), 1)
            try await text.create(on: db)
            try await text.keepVersion(user: user, on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: T.auditType, entityID: id, title: title,
                municipalityID: municipalityID, organizationID: nil, after: T.audit(title: title, body: body))
        }
        return id
    }

    /// The title and text saved under the version the form was read at — a new version row — audited; a conflict
    /// (`changed`) when someone saved since.
    static func save<T: OwnText>(
        _ text: T, title: String, body: String, expected: Int, changed: String, req: Request
    ) async throws {
        let before = T.audit(title: text.title, body: text.body)
        let user = try req.requireUser().username
        try await req.application.writeTransaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: T.schema, id: text.requireID(), expected: expected, on: db)
            else { throw AppError.conflict(changed) }
            // Set inside the transaction: a PostgreSQL retry writes them again.
            (text.title, text.body, text.updatedBy, text.updatedAt) = (title, body, user, Date())
            text.version = expected + 1
            try await text.save(on: db)
            try await text.keepVersion(user: user, on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: T.auditType, entityID: text.id, title: title,
                municipalityID: text.municipalityID, organizationID: nil, before: before,
                after: T.audit(title: title, body: body))
        }
    }

    static func confirm(_ text: some OwnText, path: String, crumbs: [Crumb], words: Words) throws -> ConfirmPage {
        ConfirmPage(
            title: OwnTextWords.archiveTitle, question: words.question(text.title), consequence: words.consequence,
            action: path + "/archive", button: OwnTextWords.archiveButton, cancelURL: path, crumbs: crumbs)
    }

    /// Sets the status, audited. The text's version is left as it is: versions number the saved texts (a plan keeps
    /// the one it was made from, `?version=N` shows it), and the status is no part of the text — a save meanwhile
    /// writes only the title and the text, so neither write loses the other.
    static func setStatus<T: OwnText>(
        _ text: T, to status: RecordStatus, municipalityID: UUID, req: Request
    ) async throws {
        guard text.status != status.rawValue else { return }
        let before = text.status
        let user = try req.requireUser().username
        let id = try text.requireID()
        try await req.application.writeTransaction { db in
            try await db.sql().update(T.schema).set("status", to: status.rawValue).set("updated_by", to: user)
                .set("updated_at", to: Date()).where("id", .equal, id).run()
            try await Audit.record(
                on: db, req: req, action: status == .archived ? .archive : .update, entityType: T.auditType,
                entityID: text.id, title: text.title, municipalityID: municipalityID, organizationID: nil,
                before: [OwnTextWords.status: RecordStatus(rawValue: before)?.title ?? before],
                after: [OwnTextWords.status: status.title])
        }
    }
}
