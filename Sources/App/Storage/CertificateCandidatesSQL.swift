import Domain
import Fluent
import Foundation
import SQLKit

/// The students who passed a finished group of a municipality (or of one centre) and have no valid certificate of it:
/// a row per such student — the candidates `CertificateService.groupsAwaitingCertificates` weighs by the certificate
/// rule — read without the groups' other results and certificates.
enum CertificateCandidatesSQL {
    struct Candidate {
        var group: UUID
        var center: UUID
        var student: UUID
    }

    static func sql(centre: Bool) -> String {
        """
        SELECT r.group_id AS group_id, g.organization_id AS organization_id, r.student_id AS student_id
        FROM final_results r JOIN study_groups g ON g.id = r.group_id JOIN organizations o ON o.id = g.organization_id
        WHERE r.passed = ? AND g.status = ? AND g.ends_on < ? AND o.municipality_id = ?\(centre ? " AND g.organization_id = ?" : "")
          AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.group_id = r.group_id AND c.student_id = r.student_id
            AND c.status = ?)
        """
    }

    static func candidates(municipalityID: UUID, centre: UUID?, before now: Date, on db: any Database) async throws
        -> [Candidate]
    {
        let binds: [DBValue] =
            [.bool(true), .text(RecordStatus.active.rawValue), .date(now), .uuid(municipalityID)]
            + (centre.map { [.uuid($0)] } ?? []) + [.text(Certificate.Status.valid.rawValue)]
        return try await db.sql().rows(sql(centre: centre != nil), binds).compactMap { row in
            guard let group = row.uuid("group_id"), let center = row.uuid("organization_id"),
                let student = row.uuid("student_id")
            else { return nil }
            return Candidate(group: group, center: center, student: student)
        }
    }
}
