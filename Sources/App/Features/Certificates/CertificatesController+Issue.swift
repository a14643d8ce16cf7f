import Domain
import Fluent
import Vapor
import Views

/// The bulk issue asks first: the confirmation lists who gets a number and who does not and why; only its form (with
/// `confirm=yes`) issues.
extension CertificatesController {
    func issueConfirm(req: Request) async throws -> Response {
        let attestedGroup = try await AttestedGroup.load(req, .read)
        let group = attestedGroup.scheduled.group
        let center = attestedGroup.scheduled.center
        try req.authorize(.create, .certificate(center: center.ref))
        guard let municipality = try await Municipality.find(center.$municipality.id, on: req.db) else {
            throw AppError.notFound()
        }
        let list = try await CertificateService.candidates(
            group, minimum: municipality.certificateMinAttendance, on: req.db)
        let name = { (candidate: CertificateService.Candidate) in candidate.student.shownName(at: center.ref, req: req)
        }
        let page = IssueCertificatesPage(
            groupName: group.name, groupURL: SiteURL.record(.groups, try group.requireID()).path,
            eligible: list.filter(\.eligible).map { .init(name: name($0), percent: $0.attendance.percent) },
            refused: list.filter { !$0.eligible }.map { candidate in
                .init(
                    name: name(candidate),
                    reason: candidate.certificate.map { CertificatesWords.Issue.alreadyIssued($0.number) }
                        ?? candidate.reason ?? CertificatesWords.Issue.notEligible)
            },
            blocked: attestedGroup.finished ? nil : AttestationRules.unfinishedMessage(attestedGroup.lastDay))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func issue(req: Request) async throws -> Response {
        let attestedGroup = try await AttestedGroup.load(req, .read)
        try req.authorize(.create, .certificate(center: attestedGroup.scheduled.center.ref))
        let base = SiteURL.record(.groups, try attestedGroup.scheduled.group.requireID()).path + "/certificates"
        // Without the confirmation's field nothing is issued: the confirmation is shown instead.
        guard RegistrySupport.form(req)["confirm"] == "yes" else { return req.redirect(to: base + "/issue") }
        let issued = try await CertificateService.issue(group: try attestedGroup.scheduled.group.requireID(), req: req)
        guard !issued.isEmpty else {
            return req.redirect(to: base, flash: CertificatesWords.Flash.nobody)
        }
        return req.redirect(to: base, flash: CertificatesWords.Flash.issued(issued.map(\.number)))
    }
}
