import Domain
import Fluent
import Vapor
import Views

/// What one registry section (resource centres, agreements, staff, …) supplies; `RegistryController` does the rest:
/// card with history, create, edit with a version check, archive after confirmation, restore — all through the policy
/// and audited.
protocol RegistrySection: Sendable {
    associatedtype Record: RegistryRecord
    var area: Registry { get }
    /// The menu item lit on the section's pages: its own (default), or the one it is reached from.
    var menuArea: Registry { get }
    var entityType: String { get }
    var noun: String { get }
    /// The heading of a new record's form («Новая программа»).
    var newTitle: String { get }
    var archiveConsequence: String { get }

    func list(_ req: Request) async throws -> RegistryList
    /// The access-policy resource for a record, and for a new record in the user's municipality.
    func resource(_ record: Record, on db: any Database) async throws -> Resource
    func newResource(_ req: Request) throws -> Resource
    func title(_ record: Record) -> String
    func card(_ record: Record, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    )
    func fields(_ req: Request, record: Record?) async throws -> [FieldSpec]
    func values(_ record: Record, req: Request) async throws -> FormValues
    /// Validates the form into the record; returns what to do after the record is saved (relations), or nil with
    /// errors.
    func apply(_ form: FormValues, to record: Record, isNew: Bool, req: Request, errors: inout FieldErrors) async throws
        -> (@Sendable (any Database) async throws -> Void)?
    func auditFields(_ record: Record, on db: any Database) async throws -> [String: String]
    /// Where the record belongs, for the audit log.
    func scope(_ record: Record) -> (municipalityID: UUID?, organizationID: UUID?)
    /// Whether the record may be edited at all in its present state (the policy decides who); true by default.
    func isEditable(_ record: Record) -> Bool
    /// Actions of the card beyond edit, archive and restore; none by default.
    func extraActions(_ record: Record, req: Request) async throws -> [RegistryCard.Action]
    /// What a new record's form starts with (default: nothing).
    func newValues(_ req: Request) async throws -> FormValues
    /// History lines that are not audit entries of the record itself (default: none).
    func extraHistory(_ record: Record, req: Request) async throws -> [(at: Date, line: HistoryLine)]
    /// The field and message a unique index's refusal is reported under: another user saved the same record a moment
    /// after this form was checked (default: the form as a whole, `RegistryWords.duplicateRace`).
    var duplicate: (field: String, message: String) { get }
    /// Whether the card's title carries the record's state («Действует», «В архиве»); a section whose card says its own
    /// state among the facts (an event's phase) turns it off.
    var showsStatus: Bool { get }
}

extension RegistrySection {
    var menuArea: Registry { area }
    func isEditable(_ record: Record) -> Bool { true }
    func extraActions(_ record: Record, req: Request) async throws -> [RegistryCard.Action] { [] }
    func extraHistory(_ record: Record, req: Request) async throws -> [(at: Date, line: HistoryLine)] { [] }
    func newValues(_ req: Request) async throws -> FormValues { FormValues() }
    var duplicate: (field: String, message: String) { ("", RegistryWords.duplicateRace) }
    var showsStatus: Bool { true }
}
