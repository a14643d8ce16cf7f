import Domain
import Fluent
import Vapor
import Views

extension CertificateService {
    /// The groups waiting for certificates — the one rule `/groups` marks its rows by and the start page lists: groups
    /// whose last day has passed, of the municipality (or one centre) and among the centres the user issues
    /// certificates for, in which a student who passed has no valid certificate and may get one (`CertificateRules`,
    /// on the attendance the journal counts). By their last day. A fixed number of statements whatever the groups:
    /// the finished groups, their passed results, their valid certificates, the municipality's minimum attendance, and
    /// the attendance of the groups where someone is still without a certificate (`JournalService.attendance`).
    static func groupsAwaitingCertificates(municipalityID: UUID, centre: UUID? = nil, req: Request) async throws
        -> [StudyGroup]
    {
        var query = StudyGroup.query(on: req.db).filter(\.$status == RecordStatus.active.rawValue)
            .filter(\.$endsOn < Date())
            .join(Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id)
            .filter(Organization.self, \.$municipality.$id == municipalityID)
        if let centre { query = query.filter(\.$organization.$id == centre) }
        let groups = try await query.sort(\.$endsOn).sort(\.$name).with(\.$organization).all()
            .filter { req.can(.create, .certificate(center: $0.organization.ref)) }
        let ids = groups.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        struct Place: Hashable {
            var group: UUID
            var student: UUID
        }
        let passed = try await FinalResult.query(on: req.db).filter(\.$group.$id ~~ ids).filter(\.$passed == true)
            .all().map { Place(group: $0.$group.id, student: $0.$student.id) }
        let certified = Set(
            try await Certificate.query(on: req.db).filter(\.$group.$id ~~ ids)
                .filter(\.$status == Certificate.Status.valid.rawValue).all()
                .map { Place(group: $0.$group.id, student: $0.$student.id) })
        let uncertified = passed.filter { !certified.contains($0) }
        guard !uncertified.isEmpty,
            let municipality = try await Municipality.find(municipalityID, on: req.db)
        else { return [] }
        let attendance = try await JournalService.attendance(
            groups: Array(Set(uncertified.map(\.group))), on: req.db)
        let due = Set(
            uncertified.filter {
                CertificateRules.eligible(
                    passed: true, attendance: attendance[$0.group]?[$0.student] ?? StudentAttendance(),
                    minimum: municipality.certificateMinAttendance, hasValidCertificate: false)
            }.map(\.group))
        return groups.filter { $0.id.map(due.contains) ?? false }
    }
}
