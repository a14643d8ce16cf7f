import Domain
import Fluent
import Foundation
import SQLKit

/// The students who passed some groups and have no valid certificate of them: a row per such student, with the group's
/// centre and municipality — the candidates `CertificateService.dueCounts` weighs by the certificate rule — read
/// without the groups' other results and certificates.
enum CertificateCandidatesSQL {
    struct Candidate {
        var group: UUID
        var center: UUID
        var municipality: UUID
        var student: UUID
    }

    static func sql(groups: Int) -> String {
        """
        SELECT r.group_id AS group_id, g.organization_id AS organization_id, o.municipality_id AS municipality_id,
          r.student_id AS student_id
        FROM final_results r JOIN study_groups g ON g.id = r.group_id JOIN organizations o ON o.id = g.organization_id
        WHERE r.passed = ? AND r.group_id IN (\(sqlPlaceholders(groups)))
          AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.group_id = r.group_id AND c.student_id = r.student_id
            AND c.status = ?)
        """
    }

    static func candidates(groups: [UUID], on db: any Database) async throws -> [Candidate] {
        guard !groups.isEmpty else { return [] }
        let binds: [DBValue] =
            [.bool(true)] + groups.map { .uuid($0) } + [.text(Certificate.Status.valid.rawValue)]
        return try await db.sql().rows(sql(groups: groups.count), binds).compactMap { row in
            guard let group = row.uuid("group_id"), let center = row.uuid("organization_id"),
                let municipality = row.uuid("municipality_id"), let student = row.uuid("student_id")
            else { return nil }
            return Candidate(group: group, center: center, municipality: municipality, student: student)
        }
    }
}
