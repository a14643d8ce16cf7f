import Domain
import Fluent
import Vapor
import Views

/// What an ИУП submission checks, as plain values, and the checks themselves — one set of rules whether the facts come
/// from Fluent models (PostgreSQL, the web form) or from one job of the raw SQLite readers (the API on SQLite).
extension ApplicationService {
    struct SubmitFacts: Sendable {
        struct Campaign: Sendable {
            var id: UUID, municipalityID: UUID, status: String, opensAt: Date, closesAt: Date, mode: CampaignMode
            var maxCourses: Int, confirmDays: Int, title: String
        }
        struct StudentFacts: Sendable {
            var id: UUID, municipalityID: UUID, schoolID: UUID, status: String, consentWithdrawn: Bool, grade: Int,
                fullName: String
        }
        struct Group: Sendable {
            var id: UUID, name: String, organizationID: UUID, programID: UUID, isOpen: Bool, status: String
            var approval: String, gradeFrom: Int, gradeTo: Int
        }
    }

    /// The refusals of a submission before anything is written (`SubmissionRules`, the one rule of every path), as the
    /// HTTP answers say them. Answers the valid choices in rank order.
    static func check(
        campaign: SubmitFacts.Campaign, student: SubmitFacts.StudentFacts, programs: Set<UUID>,
        groups: [SubmitFacts.Group],
        choices: [UUID], now: Date
    ) throws -> [UUID] {
        let facts = SubmissionFacts(
            campaign: .init(
                isActive: campaign.status == RecordStatus.active.rawValue, opensAt: campaign.opensAt,
                closesAt: campaign.closesAt,
                maxCourses: campaign.maxCourses),
            student: .init(
                isActive: student.status == RecordStatus.active.rawValue, consentWithdrawn: student.consentWithdrawn,
                grade: student.grade),
            programs: programs,
            groups: groups.map {
                .init(
                    id: $0.id, programID: $0.programID, isOpen: $0.isOpen,
                    isActive: $0.status == RecordStatus.active.rawValue,
                    isAgreed: $0.approval == ProgramApproval.agreed.rawValue,
                    gradeFrom: $0.gradeFrom, gradeTo: $0.gradeTo)
            })
        switch SubmissionRules.check(facts, choices: choices, now: now) {
        case .success(let ranked): return ranked
        case .failure(.student(let error)): throw EnrollmentService.refusal(error)
        case .failure(.choices(let fields)):
            throw AppError.validation(
                ValidationFailure(reason: SubmissionRefusal.choices(fields).reason, fields: fields))
        case .failure(let refusal): throw AppError.conflict(refusal.reason)
        }
    }

    /// The API's submission without Fluent: every read in one job of the raw SQLite readers (or on one raw PostgreSQL
    /// connection), the writes of a first application in one job of the SQLite writer (or one raw PostgreSQL
    /// transaction on the same connection). Answers nil when the student already has an application in the campaign or
    /// a place in a chosen group: that rarer case goes `submit`, which loads what a repeated submission needs.
    static func submitFast(
        campaignID: UUID, studentID: UUID, choices: [UUID], guardianAgreement: String?, submittedBy: String,
        req: Request
    ) async throws -> Outcome? {
        let input = FastInput(
            campaignID: campaignID, studentID: studentID, choices: choices, guardianAgreement: guardianAgreement,
            submittedBy: submittedBy)
        if let reader = req.application.sqliteReader {
            let facts = try await reader.read { connection in
                try Self.loadFacts(campaignID: campaignID, studentID: studentID, choices: choices, on: connection)
            }
            return try await submitFast(input, facts: facts, pg: nil, req: req)
        }
        let outcome = try await req.application.withRawPostgres { pg in
            let facts = try await Self.loadFacts(campaignID: campaignID, studentID: studentID, choices: choices, on: pg)
            return try await submitFast(input, facts: facts, pg: pg, req: req)
        }
        return outcome ?? nil
    }

    /// Why the caller may not submit for this student: 403 with the reason when the caller may see the student's
    /// applications (the home school, the КМЦ), else the 404 that does not reveal the child.
    static func submitRefusal(_ req: Request, studentID: UUID, school: OrgRef) -> AppError {
        guard req.can(.read, .application(studentID: studentID, school: school)) else {
            return EnrollmentService.refusal(.studentNotFound)
        }
        return AppError(
            status: .forbidden, code: "forbidden",
            reason: EnrollmentWords.Applications.Refusals.submitForbidden)
    }

    struct FastInput: Sendable {
        var campaignID: UUID, studentID: UUID, choices: [UUID], guardianAgreement: String?, submittedBy: String
    }

    private static func submitFast(_ input: FastInput, facts: LoadedFacts, pg: RawPostgres?, req: Request) async throws
        -> Outcome?
    {
        guard let student = facts.student else { throw EnrollmentService.refusal(.studentNotFound) }
        guard req.can(.create, .application(studentID: input.studentID, school: facts.school)) else {
            throw submitRefusal(req, studentID: input.studentID, school: facts.school)
        }
        guard let campaign = facts.campaign, campaign.municipalityID == student.municipalityID else {
            throw AppError.notFound(EnrollmentWords.Applications.Refusals.campaignNotFound)
        }
        let ranked = try check(
            campaign: campaign, student: student, programs: facts.programs, groups: facts.groups,
            choices: input.choices, now: Date())
        guard !facts.hasEarlier, facts.places == 0 else { return nil }
        let byID = Dictionary(facts.groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        do {
            let rows = SubmissionRows(
                campaign: campaign, student: student, ranked: ranked, groups: byID,
                guardianAgreement: input.guardianAgreement, submittedBy: input.submittedBy)
            return try await write(rows, on: pg, req: req)
        } catch let error where EnrollmentService.isUniqueViolation(error) {
            // the same ИУП submitted at once from two places: `submit` answers with what the first one decided
            return nil
        }
    }

    struct LoadedFacts: Sendable {
        var student: SubmitFacts.StudentFacts?, school: OrgRef, campaign: SubmitFacts.Campaign?, programs: Set<UUID>,
            groups: [SubmitFacts.Group]
        var hasEarlier: Bool, places: Int

        init() {
            student = nil
            school = OrgRef(id: UUID(), municipalityID: UUID())
            campaign = nil
            programs = []
            groups = []
            hasEarlier = false
            places = 0
        }
    }

}

extension ApplicationService.SubmitFacts.Campaign {
    init(_ campaign: EnrollmentCampaign) throws {
        self.init(
            id: try campaign.requireID(), municipalityID: campaign.$municipality.id, status: campaign.status,
            opensAt: campaign.opensAt,
            closesAt: campaign.closesAt,
            mode: campaign.campaignMode,
            maxCourses: campaign.maxCourses, confirmDays: campaign.confirmDays, title: campaign.title)
    }
}

extension ApplicationService.SubmitFacts.StudentFacts {
    init(_ student: Student) throws {
        self.init(
            id: try student.requireID(), municipalityID: student.$municipality.id, schoolID: student.$school.id,
            status: student.status,
            consentWithdrawn: student.consentWithdrawnAt != nil,
            grade: student.grade, fullName: student.fullName)
    }
}

extension ApplicationService.SubmitFacts.Group {
    /// From a group loaded with its programme.
    init(_ group: StudyGroup) throws {
        self.init(
            id: try group.requireID(), name: group.name, organizationID: group.$organization.id,
            programID: group.$program.id,
            isOpen: group.isOpen,
            status: group.status,
            approval: group.program.approval, gradeFrom: group.program.gradeFrom, gradeTo: group.program.gradeTo)
    }
}
