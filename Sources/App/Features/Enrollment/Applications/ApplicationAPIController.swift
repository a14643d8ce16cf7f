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

        static let schema = OpenAPISchema.named(
            "Application",
            .object([
                .field("id", .uuid), .field("campaignId", .uuid), .field("studentId", .uuid), .field("schoolId", .uuid),
                .field("state", .oneOf(ApplicationState.allCases.map(\.rawValue)), "Состояние ИУП."),
                .field("guardianAgreed", .boolean, "Согласие родителя получено."),
                .field("schoolDecision", .string, "Решение школы."), .field("submittedAt", .dateTime),
                .optional("holdExpiresAt", .dateTime, "До какого времени держится место."),
                .field("choices", .array(ApplicationService.ChoiceOutcome.schema), "Выбранные группы по порядку."),
            ]))
    }

    func index(req: Request) async throws -> PageDTO<ApplicationDTO> {
        try await ApplicationService.expireOverdue(req.application)
        let municipalityID = try RegistrySupport.municipality(req)
        let user = try req.requireUser()
        let query = RegistrySupport.listQuery(
            req, filters: ["state", "campaign", "student"], sorts: ["submitted"], defaultSort: "submitted")
        try RegistrySupport.checkChoices(req, ["state": ApplicationState.allCases.map(\.rawValue)])
        var builder = CourseApplication.query(on: req.db).filter(\.$municipality.$id == municipalityID)
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
            builder = builder.group(.or) { anyOf in
                if !schools.isEmpty { anyOf.filter(\.$school.$id ~~ schools) }
                if !own.isEmpty { anyOf.filter(\.$student.$id ~~ own) }
            }
        }
        if let state = query.filters["state"], ApplicationState(rawValue: state) != nil {
            builder = builder.filter(\.$state == state)
        }
        if let campaignID = query.filters["campaign"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$campaign.$id == campaignID)
        }
        if let studentID = query.filters["student"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$student.$id == studentID)
        }
        let (rows, total) = try await builder.sort(\.$submittedAt, .descending).sort(\.$id).paged(query)
        var items: [ApplicationDTO] = []
        for (application, outcome) in zip(rows, try await ApplicationService.outcomes(of: rows, on: req.db)) {
            items.append(
                ApplicationDTO(
                    id: try application.requireID(), campaignId: application.$campaign.id,
                    studentId: application.$student.id, schoolId: application.$school.id,
                    state: application.state,
                    guardianAgreed: application.guardianAgreedAt != nil, schoolDecision: application.schoolDecision,
                    submittedAt: application.submittedAt,
                    holdExpiresAt: application.holdExpiresAt, choices: outcome.choices))
        }
        return PageDTO(items: items, metadata: .init(page: query.page, per: query.per, total: total))
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
        } catch var error as AppError where error.code == "validation" {
            // The rules name the form's fields (`choice1`, `choice2`, …); the API's field is `choices`, with the rank
            // said.
            var fields: [String: String] = [:]
            for (key, message) in error.fields.sorted(by: { $0.key < $1.key }) {
                if key.hasPrefix("choice"), let rank = Int(key.dropFirst("choice".count)) {
                    fields["choices", default: ""] +=
                        (fields["choices"] == nil ? "" : " ") + EnrollmentWords.API.choiceError(rank: rank, message)
                } else {
                    fields[key] = message
                }
            }
            error.fields = fields
            throw error
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
        if let fast = try await ApplicationService.submitFast(
            campaignID: cid, studentID: sid, choices: input.choices ?? [], guardianAgreement: guardianAgreement,
            submittedBy: user.fullName, req: req)
        {
            return try Self.response(fast)
        }
        guard let student = try await Student.query(on: req.db).filter(\.$id == sid).with(\.$school).first() else {
            throw EnrollmentService.refusal(.studentNotFound)
        }
        guard req.can(.create, .application(studentID: sid, school: student.school.ref)) else {
            throw ApplicationService.submitRefusal(req, studentID: sid, school: student.school.ref)
        }
        guard let campaign = try await EnrollmentCampaign.find(cid, on: req.db),
            campaign.$municipality.id == student.$municipality.id
        else { throw AppError.notFound(EnrollmentWords.API.campaignNotFound) }
        let outcome = try await ApplicationService.submit(
            campaign: campaign, student: student, choices: input.choices ?? [], guardianAgreement: guardianAgreement,
            submittedBy: user.fullName, req: req)
        return try Self.response(outcome)
    }

    static func response(_ outcome: ApplicationService.Outcome) throws -> Response {
        let status: HTTPResponseStatus =
            outcome.status == "enrolled" ? .created : outcome.status == "waitlisted" ? .ok : .accepted
        let response = Response(status: status)
        try response.content.encode(
            SubmitOutput(
                status: outcome.status, position: outcome.position, applicationId: outcome.applicationID,
                choices: outcome.choices))
        return response
    }
}
