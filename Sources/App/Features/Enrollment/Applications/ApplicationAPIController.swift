import Domain
import Fluent
import Vapor
import Views

/// `GET /api/v1/applications` (scoped: the applicant's own, the school's students', the КМЦ's all) and
/// `POST /api/v1/applications` `{"campaignId", "studentId", "choices": [groupId…], "guardianAgreement": "ФИО"}`:
/// 201 `{"status": "enrolled"}`, 200 `{"status": "waitlisted", "position": n}`, 202 `{"status": "submitted"}` (ranked
/// campaigns decide after the window), or 409/422 with a Russian reason.
struct ApplicationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", use: index)
        routes.post("applications", use: submit)
    }

    struct ApplicationDTO: Content {
        var id: UUID
        var campaignId: UUID
        var studentId: UUID
        var schoolId: UUID
        var state: String
        var guardianAgreed: Bool
        var schoolDecision: String
        var submittedAt: Date
        var holdExpiresAt: Date?
        var choices: [ApplicationService.ChoiceOutcome]
    }

    func index(req: Request) async throws -> PageDTO<ApplicationDTO> {
        try await ApplicationService.expireOverdue(req.application)
        let municipalityID = try RegistrySupport.municipality(req)
        let user = try req.requireUser()
        let q = RegistrySupport.listQuery(
            req, filters: ["state", "campaign", "student"], sorts: ["submitted"], defaultSort: "submitted")
        try RegistrySupport.checkChoices(req, ["state": ApplicationState.allCases.map(\.rawValue)])
        var b = CourseApplication.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        if !req.can(.read, .application(studentID: UUID(), school: probe)) {
            let schools = user.actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
                .filter {
                    req.can(
                        .approve,
                        .application(studentID: UUID(), school: OrgRef(id: $0, municipalityID: municipalityID)))
                }
            let own = Array(user.actor.students)
            guard !schools.isEmpty || !own.isEmpty else { throw AppError.forbidden }
            b = b.group(.or) { g in
                if !schools.isEmpty { g.filter(\.$school.$id ~~ schools) }
                if !own.isEmpty { g.filter(\.$student.$id ~~ own) }
            }
        }
        if let s = q.filters["state"], ApplicationState(rawValue: s) != nil { b = b.filter(\.$state == s) }
        if let c = q.filters["campaign"].flatMap(UUID.init(uuidString:)) { b = b.filter(\.$campaign.$id == c) }
        if let s = q.filters["student"].flatMap(UUID.init(uuidString:)) { b = b.filter(\.$student.$id == s) }
        let (rows, total) = try await b.sort(\.$submittedAt, .descending).sort(\.$id).paged(q)
        var items: [ApplicationDTO] = []
        for a in rows {
            let o = try await ApplicationService.outcome(of: a, on: req.db)
            items.append(
                ApplicationDTO(
                    id: try a.requireID(), campaignId: a.$campaign.id, studentId: a.$student.id, schoolId: a.$school.id,
                    state: a.state,
                    guardianAgreed: a.guardianAgreedAt != nil, schoolDecision: a.schoolDecision,
                    submittedAt: a.submittedAt,
                    holdExpiresAt: a.holdExpiresAt, choices: o.choices))
        }
        return PageDTO(items: items, metadata: .init(page: q.page, per: q.per, total: total))
    }

    struct SubmitInput: Content {
        var campaignId: UUID?
        var studentId: UUID?
        var choices: [UUID]?
        var guardianAgreement: String?
    }
    struct SubmitOutput: Content {
        var status: String
        var position: Int?
        var applicationId: UUID
        var choices: [ApplicationService.ChoiceOutcome]
    }

    func submit(req: Request) async throws -> Response {
        do {
            return try await submitChecked(req: req)
        } catch var e as AppError where e.code == "validation" {
            // The rules name the form's fields (`choice1`, `choice2`, …); the API's field is `choices`, with the rank
            // said.
            var fields: [String: String] = [:]
            for (key, message) in e.fields.sorted(by: { $0.key < $1.key }) {
                if key.hasPrefix("choice"), let rank = Int(key.dropFirst("choice".count)) {
                    fields["choices", default: ""] +=
                        (fields["choices"] == nil ? "" : " ") + EnrollmentWords.API.choiceError(rank: rank, message)
                } else {
                    fields[key] = message
                }
            }
            e.fields = fields
            throw e
        }
    }

    private func submitChecked(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(SubmitInput.self)
        var errors = FieldErrors()
        if input.campaignId == nil { errors.add("campaignId", EnrollmentWords.API.campaignMissing) }
        if input.studentId == nil { errors.add("studentId", EnrollmentWords.API.studentMissing) }
        if (input.choices ?? []).isEmpty { errors.add("choices", EnrollmentWords.Applications.Errors.chooseOne) }
        let isGuardian = user.actor.has(.guardian, at: Date())
        let agreement = input.guardianAgreement?.trimmingCharacters(in: .whitespaces)
        guard errors.isEmpty, let cid = input.campaignId, let sid = input.studentId else {
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        // The agreement is the signed-in guardian's, by the account's name, whatever name was sent.
        let guardianAgreement = isGuardian && !(agreement ?? "").isEmpty ? user.fullName : nil
        // A first application is read and written without Fluent (issue 3's benchmark); the rest goes below.
        if let o = try await ApplicationService.submitFast(
            campaignID: cid, studentID: sid, choices: input.choices ?? [], guardianAgreement: guardianAgreement,
            submittedBy: user.fullName, req: req)
        {
            return try Self.response(o)
        }
        guard let s = try await Student.query(on: req.db).filter(\.$id == sid).with(\.$school).first() else {
            throw EnrollmentService.refusal(.studentNotFound)
        }
        guard req.can(.create, .application(studentID: sid, school: s.school.ref)) else {
            throw ApplicationService.submitRefusal(req, studentID: sid, school: s.school.ref)
        }
        guard let c = try await EnrollmentCampaign.find(cid, on: req.db), c.$municipality.id == s.$municipality.id
        else { throw AppError.notFound(EnrollmentWords.API.campaignNotFound) }
        let o = try await ApplicationService.submit(
            campaign: c, student: s, choices: input.choices ?? [], guardianAgreement: guardianAgreement,
            submittedBy: user.fullName, req: req)
        return try Self.response(o)
    }

    static func response(_ o: ApplicationService.Outcome) throws -> Response {
        let status: HTTPResponseStatus = o.status == "enrolled" ? .created : o.status == "waitlisted" ? .ok : .accepted
        let response = Response(status: status)
        try response.content.encode(
            SubmitOutput(status: o.status, position: o.position, applicationId: o.applicationID, choices: o.choices))
        return response
    }
}
