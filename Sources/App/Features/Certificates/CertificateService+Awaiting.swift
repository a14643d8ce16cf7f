import Domain
import Fluent
import Vapor
import Views

extension CertificateService {
    /// The groups waiting for certificates — the one rule `/groups` marks its rows by and the start page lists: groups
    /// whose last day has passed, of the municipality (or one centre) and among the centres the user issues
    /// certificates for, in which a student who passed has no valid certificate and may get one (`CertificateRules`,
    /// on the attendance the journal counts). By their last day. A fixed number of statements whatever the groups and
    /// rows only for the students still without a certificate: those students (`CertificateCandidatesSQL`), the
    /// municipality's minimum attendance, their groups' attendance summed by the database (`JournalService.attendance`)
    /// and the groups found waiting.
    static func groupsAwaitingCertificates(municipalityID: UUID, centre: UUID? = nil, req: Request) async throws
        -> [StudyGroup]
    {
        let candidates = try await CertificateCandidatesSQL.candidates(
            municipalityID: municipalityID, centre: centre, before: Date(), on: req.db
        ).filter { req.can(.create, .certificate(center: OrgRef(id: $0.center, municipalityID: municipalityID))) }
        guard !candidates.isEmpty, let municipality = try await Municipality.find(municipalityID, on: req.db) else {
            return []
        }
        let attendance = try await JournalService.attendance(
            groups: Array(Set(candidates.map(\.group))), on: req.db)
        let due = Set(
            candidates.filter {
                CertificateRules.eligible(
                    passed: true, attendance: attendance[$0.group]?[$0.student] ?? StudentAttendance(),
                    minimum: municipality.certificateMinAttendance, hasValidCertificate: false)
            }.map(\.group))
        guard !due.isEmpty else { return [] }
        return try await StudyGroup.query(on: req.db).filter(\.$id ~~ Array(due)).sort(\.$endsOn).sort(\.$name)
            .with(\.$organization).all()
    }
}
