import Domain
import Fluent
import Foundation
import SQLKit

/// The subjects assigned to a municipality's resource centres for a year that no active group of the year teaches there
/// (`000_5375b2a087477e6d.txt` §4.1), a row per such centre and subject: the groups list's warning read without the
/// year's groups and programmes (at regional scale over a hundred groups a municipality, decoded on every view).
enum MissingGroupsSQL {
    struct Missing {
        var center: UUID
        var centerName: String
        var centerSortKey: String
        var subject: String
    }

    static let sql = """
        SELECT o.id AS organization_id, o.short_name AS short_name, o.sort_key AS sort_key, s.name AS subject
        FROM resource_centers rc JOIN organizations o ON o.id = rc.organization_id
          JOIN resource_center_subjects rs ON rs.resource_center_id = rc.id JOIN subjects s ON s.id = rs.subject_id
        WHERE rc.academic_year_id = ? AND rc.status = ? AND o.municipality_id = ?
          AND NOT EXISTS (SELECT 1 FROM study_groups g JOIN network_programs p ON p.id = g.program_id
            WHERE g.organization_id = rc.organization_id AND g.academic_year_id = rc.academic_year_id AND g.status = ?
              AND p.subject_id = rs.subject_id)
        """

    static func missing(municipalityID: UUID, yearID: UUID, on db: any Database) async throws -> [Missing] {
        let active = RecordStatus.active.rawValue
        return try await db.sql().rows(sql, [.uuid(yearID), .text(active), .uuid(municipalityID), .text(active)])
            .compactMap { row in
                guard let center = row.uuid("organization_id") else { return nil }
                return Missing(
                    center: center, centerName: row.text("short_name"), centerSortKey: row.text("sort_key"),
                    subject: row.text("subject"))
            }
    }
}
