import Domain
import Fluent
import Foundation
import SQLKit

/// `study_groups.certificates_due`: how many students of a group may get a certificate and have none, kept by the writes
/// that change it (`CertificateService.refreshDue`); NULL while not counted. The statements that read, lock and store
/// it.
enum CertificatesDueSQL {
    struct Finished {
        var group: UUID
        var center: UUID
        /// nil: not counted yet.
        var due: Int?
    }

    static func finishedSQL(centre: Bool) -> String {
        """
        SELECT g.id AS id, g.organization_id AS organization_id, g.certificates_due AS certificates_due
        FROM study_groups g JOIN organizations o ON o.id = g.organization_id
        WHERE g.status = ? AND g.ends_on < ? AND o.municipality_id = ?\(centre ? " AND g.organization_id = ?" : "")
          AND (g.certificates_due IS NULL OR g.certificates_due > 0)
        """
    }

    /// The groups of a municipality (or one centre) whose last day is before `now` and that wait for certificates or
    /// are not counted yet: a row per such group only.
    static func finished(municipalityID: UUID, centre: UUID?, before now: Date, on db: any Database) async throws
        -> [Finished]
    {
        let binds: [DBValue] =
            [.text(RecordStatus.active.rawValue), .date(now), .uuid(municipalityID)]
            + (centre.map { [.uuid($0)] } ?? [])
        return try await db.sql().rows(finishedSQL(centre: centre != nil), binds).compactMap { row in
            guard let id = row.uuid("id"), let center = row.uuid("organization_id") else { return nil }
            return Finished(
                group: id, center: center, due: row.isNull("certificates_due") ? nil : row.int("certificates_due"))
        }
    }

    /// On PostgreSQL the groups' rows are locked first, so two writes that change one group's count take turns and the
    /// second counts with the first's changes (each statement of a READ COMMITTED transaction sees what was committed
    /// before it). SQLite's single writer already serialises them.
    static func lock(_ groups: [UUID], on db: any Database) async throws {
        guard !groups.isEmpty, let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        let ids = groups.sorted { $0.uuidString < $1.uuidString }
        _ = try await sql.rows(
            "SELECT id FROM study_groups WHERE id IN (\(sqlPlaceholders(ids.count)))"
                + " ORDER BY id FOR UPDATE", ids.map { .uuid($0) })
    }

    /// Stores the counts, a few hundred groups a statement.
    static func store(_ counts: [UUID: Int], on db: any Database) async throws {
        let pairs = counts.sorted { $0.key.uuidString < $1.key.uuidString }
        for start in stride(from: 0, to: pairs.count, by: 200) {
            let chunk = pairs[start..<min(start + 200, pairs.count)]
            let cases = Array(repeating: "WHEN ? THEN CAST(? AS BIGINT)", count: chunk.count).joined(separator: " ")
            let list = sqlPlaceholders(chunk.count)
            let binds: [DBValue] =
                chunk.flatMap { [DBValue.uuid($0.key), .int($0.value)] } + chunk.map { .uuid($0.key) }
            try await db.sql().run(
                "UPDATE study_groups SET certificates_due = CASE id \(cases) END WHERE id IN (\(list))", binds)
        }
    }

    /// Every group's id, for counting them all (after a migration, a generation, the demo).
    static func allGroups(on db: any Database) async throws -> [UUID] {
        try await db.sql().rows("SELECT id FROM study_groups", []).compactMap { $0.uuid("id") }
    }

    /// The groups of a municipality, whose counts follow its minimum attendance.
    static func groups(municipalityID: UUID, on db: any Database) async throws -> [UUID] {
        try await db.sql().rows(
            "SELECT g.id AS id FROM study_groups g JOIN organizations o ON o.id = g.organization_id WHERE "
                + "o.municipality_id = ?", [.uuid(municipalityID)]
        ).compactMap { $0.uuid("id") }
    }
}
