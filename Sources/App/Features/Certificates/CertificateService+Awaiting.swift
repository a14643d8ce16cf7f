import Domain
import Fluent
import Vapor
import Views

extension CertificateService {
    /// The groups of past years (finished with their year) in which a student may still get a certificate and has
    /// none, among the centres the user issues certificates for — what `/groups` keeps in view for the issuer after
    /// the year turns. Results passed without a certificate narrow the groups first; the certificate rule
    /// (`candidates`) decides.
    static func groupsAwaitingCertificates(
        municipalityID: UUID, before yearStart: Date, req: Request
    ) async throws -> Set<UUID> {
        guard let municipality = try await Municipality.find(municipalityID, on: req.db) else { return [] }
        let groups = try await StudyGroup.query(on: req.db).join(
            AcademicYear.self, on: \StudyGroup.$academicYear.$id == \AcademicYear.$id
        )
        .filter(AcademicYear.self, \.$municipality.$id == municipalityID).filter(
            AcademicYear.self, \.$startsOn < yearStart
        )
        .filter(\.$status == RecordStatus.active.rawValue).with(\.$organization).all()
        .filter { req.can(.create, .certificate(center: $0.organization.ref)) }
        let ids = groups.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let passed = try await FinalResult.query(on: req.db).filter(\.$group.$id ~~ ids).filter(\.$passed == true)
            .all()
        let certified = Set(
            try await Certificate.query(on: req.db).filter(\.$group.$id ~~ ids).filter(
                \.$status == Certificate.Status.valid.rawValue
            ).all().map { [$0.$group.id, $0.$student.id] })
        let maybe = Set(passed.filter { !certified.contains([$0.$group.id, $0.$student.id]) }.map { $0.$group.id })
        var awaiting: Set<UUID> = []
        for group in groups {
            let id = try group.requireID()
            guard maybe.contains(id) else { continue }
            let list = try await candidates(group, minimum: municipality.certificateMinAttendance, on: req.db)
            if list.contains(where: \.eligible) { awaiting.insert(id) }
        }
        return awaiting
    }
}
