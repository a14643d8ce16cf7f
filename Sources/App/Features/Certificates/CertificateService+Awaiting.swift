import Domain
import Fluent
import Vapor
import Views

extension CertificateService {
    /// The groups waiting for certificates — the one rule `/groups` marks its rows by and the start page lists: groups
    /// whose last day has passed, of the municipality (or one centre) and among the centres the user issues
    /// certificates for, in which a student who passed has no valid certificate and may get one (`CertificateRules`,
    /// on the attendance the journal counts). By their last day. The count per group is kept by the writes that change
    /// it (`refreshDue`), so the page reads a row per finished group still waiting; a group not counted yet is counted
    /// here (`dueCounts`, a fixed number of statements).
    static func groupsAwaitingCertificates(municipalityID: UUID, centre: UUID? = nil, req: Request) async throws
        -> [StudyGroup]
    {
        let finished = try await CertificatesDueSQL.finished(
            municipalityID: municipalityID, centre: centre, before: Date(), on: req.db
        ).filter { req.can(.create, .certificate(center: OrgRef(id: $0.center, municipalityID: municipalityID))) }
        let uncounted = finished.filter { $0.due == nil }.map(\.group)
        let counted = uncounted.isEmpty ? [:] : try await dueCounts(groups: uncounted, on: req.db)
        let due = finished.filter { ($0.due ?? counted[$0.group] ?? 0) > 0 }.map(\.group)
        guard !due.isEmpty else { return [] }
        return try await StudyGroup.query(on: req.db).filter(\.$id ~~ due).sort(\.$endsOn).sort(\.$name)
            .with(\.$organization).all()
    }

    /// How many students of each group may get a certificate and have none, whatever the group's last day: the
    /// students who passed without a valid certificate (`CertificateCandidatesSQL`), their municipalities' minimum
    /// attendance, and their groups' attendance summed by the database (`JournalService.attendance`). Three statements
    /// whatever the groups; a group with no such student counts 0.
    static func dueCounts(groups: [UUID], on db: any Database) async throws -> [UUID: Int] {
        var counts = Dictionary(uniqueKeysWithValues: groups.map { ($0, 0) })
        let candidates = try await CertificateCandidatesSQL.candidates(groups: groups, on: db)
        guard !candidates.isEmpty else { return counts }
        let minimum = Dictionary(
            try await Municipality.query(on: db).filter(\.$id ~~ Array(Set(candidates.map(\.municipality)))).all()
                .map { (try $0.requireID(), $0.certificateMinAttendance) }, uniquingKeysWith: { a, _ in a })
        let attendance = try await JournalService.attendance(
            groups: Array(Set(candidates.map(\.group))), on: db)
        for candidate in candidates
        where CertificateRules.eligible(
            passed: true, attendance: attendance[candidate.group]?[candidate.student] ?? StudentAttendance(),
            minimum: minimum[candidate.municipality] ?? CertificateRules.defaultMinimumAttendance,
            hasValidCertificate: false)
        {
            counts[candidate.group, default: 0] += 1
        }
        return counts
    }

    /// Counts the groups again and stores the counts, inside the transaction of a write that changed what they depend
    /// on — a result, a certificate, a lesson's marks, the municipality's minimum attendance (a lesson with marks
    /// cannot be cancelled) — after locking the groups' rows (`CertificatesDueSQL.lock`). A few hundred groups a time.
    static func refreshDue(groups: [UUID], on db: any Database) async throws {
        let ids = Array(Set(groups))
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            try await CertificatesDueSQL.lock(chunk, on: db)
            try await CertificatesDueSQL.store(try await dueCounts(groups: chunk, on: db), on: db)
        }
    }

    /// Counts every group of a municipality again: who attended enough for a certificate follows its minimum
    /// attendance.
    static func refreshDue(municipalityID: UUID, on db: any Database) async throws {
        try await refreshDue(
            groups: try await CertificatesDueSQL.groups(municipalityID: municipalityID, on: db), on: db)
    }

    /// Counts every group (after the migration that added the count, a generation, the demo).
    static func refreshAllDue(on db: any Database) async throws {
        try await refreshDue(groups: try await CertificatesDueSQL.allGroups(on: db), on: db)
    }
}
