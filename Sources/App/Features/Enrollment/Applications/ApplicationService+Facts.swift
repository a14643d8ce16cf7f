import Domain
import Fluent
import Vapor

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
        campaign c: SubmitFacts.Campaign, student: SubmitFacts.StudentFacts, programs: Set<UUID>,
        groups: [SubmitFacts.Group],
        choices: [UUID], now: Date
    ) throws -> [UUID] {
        let facts = SubmissionFacts(
            campaign: .init(
                isActive: c.status == RecordStatus.active.rawValue, opensAt: c.opensAt, closesAt: c.closesAt,
                maxCourses: c.maxCourses),
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
    /// a place in a chosen group: that rarer case goes the Fluent way, which reads inside the write transaction.
    static func submitFast(
        campaignID: UUID, studentID: UUID, choices: [UUID], guardianAgreement: String?, submittedBy: String,
        req: Request
    ) async throws -> Outcome? {
        let input = FastInput(
            campaignID: campaignID, studentID: studentID, choices: choices, guardianAgreement: guardianAgreement,
            submittedBy: submittedBy)
        if let reader = req.application.sqliteReader {
            let facts = try await reader.read { c in
                try Self.loadFacts(campaignID: campaignID, studentID: studentID, choices: choices, on: c)
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
            reason: "Заявку (ИУП) подают обучающийся или его родитель (законный представитель); школа её подтверждает.")
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
            throw AppError.notFound("Кампания записи не найдена.")
        }
        let ranked = try check(
            campaign: campaign, student: student, programs: facts.programs, groups: facts.groups,
            choices: input.choices, now: Date())
        guard !facts.hasEarlier, facts.places == 0 else { return nil }
        let byID = Dictionary(facts.groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        do {
            return try await submitFresh(
                campaign: campaign, student: student, ranked: ranked, groups: byID,
                guardianAgreement: input.guardianAgreement,
                submittedBy: input.submittedBy, on: pg, req: req)
        } catch let error where EnrollmentService.isUniqueViolation(error) {
            // the same ИУП submitted at once from two places: the Fluent way answers with what the first one decided
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

    /// The statements of `loadFacts`, shared by both databases; each row parser reads one of them: the student with
    /// the earlier application and the places already held, and the campaign with the chosen groups and whether the
    /// campaign offers their programme (two statements on SQLite, one on PostgreSQL: `both`).
    enum FactsSQL {
        /// Binds: the campaign, the chosen groups (`n` of them), the student.
        /// `e.group_id IN (?, …)` for n groups.
        static func inGroups(_ n: Int) -> String { "e.group_id IN (\(list(n)))" }

        static func student(_ n: Int) -> String {
            """
            SELECT s.id, s.municipality_id, s.school_id, o.municipality_id, s.status, s.consent_withdrawn_at, s.grade,
              s.surname, s.given_name, s.patronymic,
                EXISTS (SELECT 1 FROM applications a WHERE a.campaign_id = ? AND a.student_id = s.id),
                \(n == 0 ? "0" : "(SELECT COUNT(*) FROM enrollments e WHERE e.student_id = s.id AND \(inGroups(n)))")
            FROM students s JOIN organizations o ON o.id = s.school_id WHERE s.id = ?
            """
        }
        /// The campaign with each chosen group (a row per group, or one with no group). Binds: the groups, then the
        /// campaign.
        static func campaign(_ n: Int) -> String {
            """
            SELECT c.id, c.municipality_id, c.status, c.opens_at, c.closes_at, c.mode, c.max_courses, c.confirm_days,
              c.title,
                g.id, g.name, g.organization_id, g.program_id, g.is_open, g.status, p.approval, p.grade_from,
              p.grade_to,
                EXISTS (SELECT 1 FROM campaign_programs cp WHERE cp.campaign_id = c.id AND cp.program_id = g.program_id)
            FROM enrollment_campaigns c
            LEFT JOIN (study_groups g JOIN network_programs p ON p.id = g.program_id) ON
              \(n == 0 ? "1 = 0" : "g.id IN (\(list(n)))")
            WHERE c.id = ?
            """
        }
        static func list(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }

        /// Both statements as one, for PostgreSQL (one round trip instead of two): the student's columns
        /// (`studentColumns` of them, NULL when there is no such student) beside each row of the campaign's statement
        /// (NULL when there is no such campaign). Binds: the student's, then the campaign's.
        static func both(_ n: Int) -> String {
            "SELECT st.*, cm.* FROM (SELECT 1) AS one LEFT JOIN (\(student(n))) AS st ON true LEFT JOIN "
                + "(\(campaign(n))) AS cm ON true"
        }
        static let studentColumns: Int32 = 12

        /// The statement for one chosen course (the common case), which PostgreSQL keeps planned.
        enum BothOfOne: PreparedSQL { static let sql = FactsSQL.both(1) }

        static func studentBinds(_ campaignID: UUID, _ studentID: UUID, _ ids: [UUID]) -> [DBValue] {
            [.uuid(campaignID)] + ids.map { .uuid($0) } + [.uuid(studentID)]
        }
        static func campaignBinds(_ campaignID: UUID, _ ids: [UUID]) -> [DBValue] {
            ids.map { .uuid($0) } + [.uuid(campaignID)]
        }

        static func student(_ r: some PositionalRow, into f: inout LoadedFacts) {
            guard let id = r.uuid(0), let municipalityID = r.uuid(1), let school = r.uuid(2), let schoolMuni = r.uuid(3)
            else {
                return
            }
            f.school = OrgRef(id: school, municipalityID: schoolMuni)
            f.student = SubmitFacts.StudentFacts(
                id: id, municipalityID: municipalityID, schoolID: school, status: r.text(4),
                consentWithdrawn: !r.isNull(5),
                grade: r.int(6),
                fullName: [r.text(7), r.text(8), r.optionalText(9)].compactMap { $0 }.joined(separator: " "))
            f.hasEarlier = r.bool(10)
            f.places = r.int(11)
        }

        /// A row of `campaign(n)` into the facts: the campaign (from the first), and the group it joins, with its
        /// programme among the campaign's when the campaign offers it.
        static func campaign(_ r: some PositionalRow, into f: inout LoadedFacts) {
            if f.campaign == nil, let id = r.uuid(0), let municipalityID = r.uuid(1), let opens = r.date(3),
                let closes = r.date(4)
            {
                f.campaign = SubmitFacts.Campaign(
                    id: id, municipalityID: municipalityID, status: r.text(2), opensAt: opens, closesAt: closes,
                    mode: CampaignMode(rawValue: r.text(5)) ?? .firstCome, maxCourses: r.int(6), confirmDays: r.int(7),
                    title: r.text(8))
            }
            guard let id = r.uuid(9), let org = r.uuid(11), let program = r.uuid(12) else { return }
            f.groups.append(
                SubmitFacts.Group(
                    id: id, name: r.text(10), organizationID: org, programID: program, isOpen: r.bool(13),
                    status: r.text(14),
                    approval: r.text(15), gradeFrom: r.int(16), gradeTo: r.int(17)))
            if r.bool(18) { f.programs.insert(program) }
        }
    }

    static func loadFacts(campaignID: UUID, studentID: UUID, choices: [UUID], on c: RawSQLite) throws -> LoadedFacts {
        var f = LoadedFacts()
        let ids = Array(Set(choices))
        try c.run(FactsSQL.student(ids.count), FactsSQL.studentBinds(campaignID, studentID, ids)) { r in
            FactsSQL.student(r, into: &f)
        }
        try c.run(FactsSQL.campaign(ids.count), FactsSQL.campaignBinds(campaignID, ids)) { r in
            FactsSQL.campaign(r, into: &f)
        }
        return f
    }

    /// As on SQLite, in one statement (`FactsSQL.both`). The writes do not rely on what it read: the conditional seat
    /// update and the unique constraints decide.
    static func loadFacts(campaignID: UUID, studentID: UUID, choices: [UUID], on c: RawPostgres) async throws
        -> LoadedFacts
    {
        var f = LoadedFacts()
        let ids = Array(Set(choices))
        let binds = FactsSQL.studentBinds(campaignID, studentID, ids) + FactsSQL.campaignBinds(campaignID, ids)
        let rows =
            try await ids.count == 1 ? c.rows(FactsSQL.BothOfOne.self, binds) : c.rows(FactsSQL.both(ids.count), binds)
        if let first = rows.first { FactsSQL.student(first, into: &f) }
        for r in rows { FactsSQL.campaign(ShiftedRow(row: r, by: FactsSQL.studentColumns), into: &f) }
        return f
    }
}

extension ApplicationService.SubmitFacts.Campaign {
    init(_ c: EnrollmentCampaign) throws {
        self.init(
            id: try c.requireID(), municipalityID: c.$municipality.id, status: c.status, opensAt: c.opensAt,
            closesAt: c.closesAt,
            mode: c.campaignMode,
            maxCourses: c.maxCourses, confirmDays: c.confirmDays, title: c.title)
    }
}

extension ApplicationService.SubmitFacts.StudentFacts {
    init(_ s: Student) throws {
        self.init(
            id: try s.requireID(), municipalityID: s.$municipality.id, schoolID: s.$school.id, status: s.status,
            consentWithdrawn: s.consentWithdrawnAt != nil,
            grade: s.grade, fullName: s.fullName)
    }
}

extension ApplicationService.SubmitFacts.Group {
    /// From a group loaded with its programme.
    init(_ g: StudyGroup) throws {
        self.init(
            id: try g.requireID(), name: g.name, organizationID: g.$organization.id, programID: g.$program.id,
            isOpen: g.isOpen,
            status: g.status,
            approval: g.program.approval, gradeFrom: g.program.gradeFrom, gradeTo: g.program.gradeTo)
    }
}
