import Domain
import Fluent
import Vapor
import Views

/// A record's history as its card shows it (its audit entries, newest first, as lines of the page) and the audit log's
/// lines: the one place the cards and the log read the audit from.
extension Audit {
    /// Where a record of an audited kind is shown.
    static let registries: [String: Registry] = [
        "resource_center": .resourceCenters, "agreement": .agreements, "partner": .partners, "staff": .staff,
        "room": .rooms,
        "subject": .subjects, "academic_year": .academicYears, "kmc_member": .kmcMembers, "user": .users,
        "program": .programs, "group": .groups, "student": .students, "olympiad_subject": .olympiadSubjects,
        "contest": .contests, "contest_edition": .contestEditions, "achievement": .achievements,
        "olympiad_stage": .olympiadStages,
        "gifted_rule": .gifted,
    ]

    static func line(_ entry: AuditEntry, zone: TimeZone) -> HistoryLine {
        let before = Audit.decode(entry.before)
        let after = Audit.decode(entry.after)
        let keys = Set(before.keys).union(after.keys).filter { (before[$0] ?? "") != (after[$0] ?? "") }.sorted()
        let url: String? = entry.entityID.flatMap { id in
            switch entry.entityType {
            case "organization": SiteURL.organization(id).path
            case "plan": SiteURL.plan(id).path
            case "plan_item": SiteURL.planItem(id).path
            default: registries[entry.entityType].map { SiteURL.record($0, id).path }
            }
        }
        return HistoryLine(
            at: RuDate.formatDateTime(entry.at, timeZone: zone), who: entry.username,
            action: AuditWords.actionTitles[entry.action] ?? entry.action, entity: entry.entityTitle, entityURL: url,
            changes: keys.map { ($0, (before[$0] ?? "").ifBlank("—"), (after[$0] ?? "").ifBlank("—")) })
    }

    static func history(entityID: UUID, req: Request) async throws -> [HistoryLine] {
        try await history(entityID: entityID, more: [], req: req)
    }

    /// The record's audit entries with `more` lines from elsewhere (a student's changes by imports, which are audited
    /// once per batch), newest first.
    static func history(entityID: UUID, more: [(at: Date, line: HistoryLine)], req: Request) async throws
        -> [HistoryLine]
    {
        let entries = try await AuditEntry.query(on: req.db).filter(\.$entityID == entityID).sort(\.$at, .descending)
            .limit(100).all()
        let zone = try await MunicipalClock.zone(req.currentUser?.municipalityIDs.first, on: req.db)
        let lines = entries.map { (at: $0.at, line: line($0, zone: zone)) } + more
        return lines.sorted { $0.at > $1.at }.map(\.line)
    }
}
