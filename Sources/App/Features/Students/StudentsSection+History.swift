import Domain
import Fluent
import Vapor
import Views

/// A student's history beyond the audit of the record (enrolments, imports, consent) and the fields the audit keeps.
extension StudentsSection {
    /// An import is audited once per batch, so a child's own history gets its lines from the batches: added by an
    /// import, merged with a row of one (the values before, and after while nobody has changed the record since), and
    /// the undoing of such an import.
    func extraHistory(_ r: Student, req: Request) async throws -> [(at: Date, line: HistoryLine)] {
        let zone = try await RegistrySupport.zone(req)
        let id = try r.requireID()
        var out: [(at: Date, line: HistoryLine)] = []
        func at(_ d: Date) -> String { RuDate.formatDateTime(d, timeZone: zone) }
        if let b = r.importBatchID, let batch = try await StudentImportBatch.find(b, on: req.db),
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
        let batches = try await StudentImportBatch.query(on: req.db).filter(\.$municipality.$id == r.$municipality.id)
            .filter(\.$merges, .custom("LIKE"), "%\(id.uuidString)%").all()
        func consent(_ on: Date?, _ by: String?) -> String {
            RegistrySupport.date(on, zone) + (by.map { " — \($0)" } ?? "")
        }
        for batch in batches {
            guard let done = batch.committedAt,
                let m = StudentImportService.Snapshot.all(batch).first(where: { $0.id == id })
            else { continue }
            let unchangedSince = m.version == r.version && batch.revertedAt == nil
            let fields: [(String, String, String)] = [
                (StudentsWords.History.grade, "\(m.grade)\(m.letter ?? "")", "\(r.grade)\(r.letter ?? "")"),
                (
                    StudentsWords.History.sex, m.sex.flatMap(Sex.init(rawValue:))?.title ?? "",
                    r.sex.flatMap(Sex.init(rawValue:))?.title ?? ""
                ),
                (
                    StudentsWords.History.specialNeeds, StudentsWords.yesNo(m.specialNeeds),
                    StudentsWords.yesNo(r.specialNeeds)
                ),
                (StudentsWords.History.consent, consent(m.consentOn, m.consentBy), consent(r.consentOn, r.consentBy)),
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

    func auditFields(_ r: Student, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(r.$municipality.id, on: db)
        return StudentsWords.audit(
            name: r.fullName, birth: RuDate.format(r.birthDate, timeZone: zone),
            school: r.$school.value?.shortName ?? "",
            grade: "\(r.grade)\(r.letter ?? "")", sex: r.sex.flatMap(Sex.init(rawValue:)), specialNeeds: r.specialNeeds,
            withdrawnOn: r.consentWithdrawnAt.map { RuDate.format($0, timeZone: zone) },
            withdrawnBy: r.consentWithdrawnBy,
            consentOn: RegistrySupport.date(r.consentOn, zone), consentBy: r.consentBy)
    }
}
