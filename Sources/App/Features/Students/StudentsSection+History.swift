import Domain
import Fluent
import Vapor
import Views

/// A student's history beyond the audit of the record (enrolments, imports, consent) and the fields the audit keeps.
extension StudentsSection {
    /// An import is audited once per batch, so a child's own history gets its lines from the batches: added by an
    /// import, merged with a row of one (the values before, and after while nobody has changed the record since), and
    /// the undoing of such an import.
    func extraHistory(_ record: Student, req: Request) async throws -> [(at: Date, line: HistoryLine)] {
        let zone = try await RegistrySupport.zone(req)
        let id = try record.requireID()
        var out: [(at: Date, line: HistoryLine)] = []
        func at(_ date: Date) -> String { RuDate.formatDateTime(date, timeZone: zone) }
        if let batchID = record.importBatchID, let batch = try await StudentImportBatch.find(batchID, on: req.db),
            let done = batch.committedAt
        {
            out.append(
                (
                    done,
                    HistoryLine(
                        at: at(done), who: batch.createdByName,
                        action: StudentsWords.History.imported(batch.fileName), changes: [])
                ))
        }
        let batches = try await StudentImportBatch.query(on: req.db).filter(
            \.$municipality.$id == record.$municipality.id
        )
        .filter(\.$merges, .custom("LIKE"), "%\(id.uuidString)%").all()
        func consent(_ on: Date?, _ by: String?) -> String {
            RegistrySupport.date(on, zone) + (by.map { " — \($0)" } ?? "")
        }
        for batch in batches {
            guard let done = batch.committedAt,
                let snapshot = StudentImportService.Snapshot.all(batch).first(where: { $0.id == id })
            else { continue }
            let unchangedSince = snapshot.version == record.version && batch.revertedAt == nil
            let fields: [(String, String, String)] = [
                (
                    StudentsWords.History.grade, "\(snapshot.grade)\(snapshot.letter ?? "")",
                    "\(record.grade)\(record.letter ?? "")"
                ),
                (
                    StudentsWords.History.sex, snapshot.sex.flatMap(Sex.init(rawValue:))?.title ?? "",
                    record.sex.flatMap(Sex.init(rawValue:))?.title ?? ""
                ),
                (
                    StudentsWords.History.specialNeeds, StudentsWords.yesNo(snapshot.specialNeeds),
                    StudentsWords.yesNo(record.specialNeeds)
                ),
                (
                    StudentsWords.History.consent, consent(snapshot.consentOn, snapshot.consentBy),
                    consent(record.consentOn, record.consentBy)
                ),
            ]
            let changes =
                unchangedSince
                ? fields.filter { $0.1 != $0.2 }.map {
                    (field: $0.0, before: $0.1.ifBlank("—"), after: $0.2.ifBlank("—"))
                }
                : fields.map { (field: $0.0, before: $0.1.ifBlank("—"), after: StudentsWords.History.byFile) }
            out.append(
                (
                    done,
                    HistoryLine(
                        at: at(done), who: batch.createdByName,
                        action: StudentsWords.History.merged(batch.fileName), changes: changes)
                ))
            if let undone = batch.revertedAt {
                let by = try await AuditEntry.query(on: req.db).filter(try \.$entityID == batch.requireID()).filter(
                    \.$action == Audit.Action.revert.rawValue
                ).first()?.username
                out.append(
                    (
                        undone,
                        HistoryLine(
                            at: at(undone), who: by ?? "—",
                            action: StudentsWords.History.reverted(batch.fileName), changes: [])
                    ))
            }
        }
        return out
    }

    func auditFields(_ record: Student, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(record.$municipality.id, on: db)
        var fields = StudentsWords.audit(
            name: record.fullName, birth: RuDate.format(record.birthDate, timeZone: zone),
            school: record.$school.value?.shortName ?? "",
            grade: "\(record.grade)\(record.letter ?? "")", sex: record.sex.flatMap(Sex.init(rawValue:)),
            specialNeeds: record.specialNeeds,
            withdrawnOn: record.consentWithdrawnAt.map { RuDate.format($0, timeZone: zone) },
            withdrawnBy: record.consentWithdrawnBy,
            consentOn: RegistrySupport.date(record.consentOn, zone), consentBy: record.consentBy)
        fields[TalentWords.Publication.field] = Self.publicationText(record, zone: zone)
        return fields
    }

    /// «01.09.2026, Ёлкина Вера Николаевна (мать)», or «нет».
    static func publicationText(_ record: Student, zone: TimeZone) -> String {
        record.publicationConsentOn.map {
            RuDate.format($0, timeZone: zone) + ", " + (record.publicationConsentBy ?? "")
        }
            ?? TalentWords.Publication.none
    }
}
