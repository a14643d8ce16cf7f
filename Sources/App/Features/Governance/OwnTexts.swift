import Domain
import Fluent
import Vapor
import Views

/// A text the administrator keeps for the municipality — a plan template, a report form — written, versioned,
/// archived and restored the same way.
protocol OwnText: Model, AnyObject where IDValue == UUID {
    var title: String { get set }
    var status: String { get set }
    var updatedBy: String { get set }
    var updatedAt: Date { get set }
    var version: Int { get set }
    /// The audit's entity type.
    static var auditType: String { get }
}

extension CustomTemplate: OwnText {
    static var auditType: String { "custom_template" }
}

extension CustomReportForm: OwnText {
    static var auditType: String { "report_form" }
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

    static func confirm(_ text: some OwnText, path: String, crumbs: [Crumb], words: Words) throws -> ConfirmPage {
        ConfirmPage(
            title: OwnTextWords.archiveTitle, question: words.question(text.title), consequence: words.consequence,
            action: path + "/archive", button: OwnTextWords.archiveButton, cancelURL: path, crumbs: crumbs)
    }

    /// Sets the status under the version the record was read at (someone saving meanwhile makes it a 409), audited.
    static func setStatus<T: OwnText>(
        _ text: T, to status: RecordStatus, municipalityID: UUID, req: Request
    ) async throws {
        guard text.status != status.rawValue else { return }
        let expected = text.version
        let before = text.status
        let user = try req.requireUser().username
        try await req.application.writeTransaction { db in
            guard
                try await RegistrySupport.claimVersion(
                    table: T.schema, id: text.requireID(), expected: expected, on: db)
            else { throw AppError.conflict(OwnTextWords.changed) }
            // Set inside the transaction: a PostgreSQL retry writes them again.
            (text.status, text.updatedBy, text.updatedAt, text.version) = (status.rawValue, user, Date(), expected + 1)
            try await text.save(on: db)
            try await Audit.record(
                on: db, req: req, action: status == .archived ? .archive : .update, entityType: T.auditType,
                entityID: text.id, title: text.title, municipalityID: municipalityID, organizationID: nil,
                before: [OwnTextWords.status: RecordStatus(rawValue: before)?.title ?? before],
                after: [OwnTextWords.status: status.title])
        }
    }
}
