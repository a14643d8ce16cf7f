import Domain
import Fluent
import Vapor
import Views

/// The analytic notes' writes, once for the pages and the API (issue 22, item 7): a draft from the figures counted
/// now, the texts saved under the version, the figures counted again. Each is audited.
enum AnalyticNoteWrites {
    enum Outcome {
        case saved
        case invalid(FieldErrors)
        case stale
    }

    /// The note of the designation: drafted now from its figures, or the one already there (`created` false) — a
    /// second click or a simultaneous twin lands on it.
    static func draft(_ req: Request, center: ResourceCenter) async throws -> (id: UUID, created: Bool) {
        let centerID = try center.requireID()
        let id = UUID()
        return try await Designations.once(
            id,
            existing: {
                try await AnalyticNote.query(on: req.db).filter(\.$center.$id == centerID).first()?.requireID()
            },
            write: {
                let municipalityID = center.organization.$municipality.id
                let zone = try await RegistrySupport.zone(req)
                let today = try await PlanBoard.today(req)
                let figures = try await AnalyticFiguresSource.figures(center, today: today, zone: zone, on: req.db)
                let startYear = CivilDay(center.academicYear.startsOn, timeZone: zone).ymd.year
                let draft = AnalyticNoteWords.draft(
                    figures, center: center.organization.shortName, startYear: startYear, asOf: today.formatted)
                let user = try req.requireUser().username
                try await req.application.writeTransaction { db in
                    // Made inside the transaction: a PostgreSQL retry creates a fresh one.
                    let note = AnalyticNote()
                    note.id = id
                    note.$municipality.id = municipalityID
                    note.$organization.id = center.$organization.id
                    note.$center.id = centerID
                    note.sections = Report.encode(draft)
                    note.figures = AnalyticNote.encode(figures)
                    note.countedAt = Date()
                    (note.createdBy, note.createdAt, note.updatedBy, note.updatedAt, note.version) =
                        (user, Date(), user, Date(), 1)
                    try await note.create(on: db)
                    try await Audit.record(
                        on: db, req: req, action: .create, entityType: "analytic_note", entityID: id,
                        title: AnalyticNoteWords.heading(center.organization.shortName, startYear: startYear),
                        municipalityID: municipalityID, organizationID: center.$organization.id,
                        after: AnalyticNoteWords.audit(draft))
                }
            })
    }

    /// The texts checked: each section at most 20 000 characters, the conclusions required. Sections not sent keep
    /// what the note has.
    static func texts(_ note: AnalyticNote, sent: (String) -> String?, errors: inout FieldErrors) -> [String: String] {
        let current = note.texts
        var texts: [String: String] = [:]
        for section in AnalyticNoteSection.allCases {
            let value = sent(section.rawValue) ?? current[section.rawValue]
            texts[section.rawValue] = errors.optional(section.rawValue, value, max: 20_000) ?? ""
        }
        if texts[AnalyticNoteSection.conclusions.rawValue]?.isEmpty != false {
            errors.add(AnalyticNoteSection.conclusions.rawValue, AnalyticNoteWords.conclusionsRequired)
        }
        return texts
    }

    /// Saves the texts under the version the writer read.
    static func save(_ req: Request, _ note: AnalyticNote, sent: (String) -> String?, expected: Int) async throws
        -> Outcome
    {
        var errors = FieldErrors()
        let written = texts(note, sent: sent, errors: &errors)
        guard errors.isEmpty else { return .invalid(errors) }
        let before = AnalyticNoteWords.audit(note.texts)
        let user = try req.requireUser().username
        return try await commit(req, note, expected: expected, before: before, after: AnalyticNoteWords.audit(written))
        { note in
            note.sections = Report.encode(written)
            (note.updatedBy, note.updatedAt) = (user, Date())
        }
    }

    /// Counts the figures again (the texts stay as written), under the version the writer read.
    static func recount(_ req: Request, _ note: AnalyticNote, expected: Int) async throws -> Outcome {
        let zone = try await RegistrySupport.zone(req)
        let today = try await PlanBoard.today(req)
        guard
            let center = try await ResourceCenter.query(on: req.db).filter(\.$id == note.$center.id)
                .with(\.$organization).with(\.$academicYear).first()
        else { throw AppError.notFound() }
        let figures = try await AnalyticFiguresSource.figures(center, today: today, zone: zone, on: req.db)
        let user = try req.requireUser().username
        let encoded = AnalyticNote.encode(figures)
        return try await commit(
            req, note, expected: expected, before: AnalyticNoteWords.auditFigures(note.counted),
            after: AnalyticNoteWords.auditFigures(figures)
        ) { note in
            note.figures = encoded
            note.countedAt = Date()
            (note.updatedBy, note.updatedAt) = (user, Date())
        }
    }

    /// Claims the version, applies `change` (inside the transaction: a PostgreSQL retry applies it again), saves and
    /// audits.
    static func commit(
        _ req: Request, _ note: AnalyticNote, expected: Int, before: [String: String], after: [String: String],
        change: @escaping @Sendable (AnalyticNote) -> Void
    ) async throws -> Outcome {
        do {
            try await req.application.writeTransaction { db in
                guard
                    try await RegistrySupport.claimVersion(
                        table: AnalyticNote.schema, id: note.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(AnalyticNoteWords.changed) }
                change(note)
                note.version = expected + 1
                try await note.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "analytic_note", entityID: note.id,
                    title: AnalyticNoteWords.noun + ": " + note.organization.shortName,
                    municipalityID: note.$municipality.id, organizationID: note.$organization.id, before: before,
                    after: after)
            }
        } catch let error as AppError where error.status == .conflict {
            return .stale
        }
        return .saved
    }
}
