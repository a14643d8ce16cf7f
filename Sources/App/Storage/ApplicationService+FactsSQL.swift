import Domain
import Fluent
import Vapor

extension ApplicationService {
    /// The statements of `loadFacts`, shared by both databases; each row parser reads one of them: the student with
    /// the earlier application and the places already held, and the campaign with the chosen groups and whether the
    /// campaign offers their programme (two statements on SQLite, one on PostgreSQL: `both`).
    enum FactsSQL {
        /// Binds: the campaign, the chosen groups (`n` of them), the student.
        /// `e.group_id IN (?, …)` for n groups.
        static func inGroups(_ count: Int) -> String { "e.group_id IN (\(sqlPlaceholders(count)))" }

        static func student(_ count: Int) -> String {
            """
            SELECT s.id AS s_id, s.municipality_id AS s_municipality, s.school_id AS s_school,
              o.municipality_id AS s_school_municipality, s.status AS s_status, s.consent_withdrawn_at AS s_withdrawn,
              s.grade AS s_grade, s.surname AS s_surname, s.given_name AS s_given_name, s.patronymic AS s_patronymic,
              EXISTS (SELECT 1 FROM applications a WHERE a.campaign_id = ? AND a.student_id = s.id) AS s_earlier,
              \(count == 0 ? "0" : "(SELECT COUNT(*) FROM enrollments e WHERE e.student_id = s.id AND \(inGroups(count)))")
                AS s_places
            FROM students s JOIN organizations o ON o.id = s.school_id WHERE s.id = ?
            """
        }
        /// The campaign with each chosen group (a row per group, or one with no group). Binds: the groups, then the
        /// campaign.
        static func campaign(_ count: Int) -> String {
            """
            SELECT c.id AS c_id, c.municipality_id AS c_municipality, c.status AS c_status, c.opens_at AS c_opens,
              c.closes_at AS c_closes, c.mode AS c_mode, c.max_courses AS c_max_courses, c.confirm_days AS c_confirm_days,
              c.title AS c_title, g.id AS g_id, g.name AS g_name, g.organization_id AS g_center,
              g.program_id AS g_program, g.is_open AS g_open, g.status AS g_status, p.approval AS g_approval,
              p.grade_from AS g_grade_from, p.grade_to AS g_grade_to,
              EXISTS (SELECT 1 FROM campaign_programs cp WHERE cp.campaign_id = c.id AND cp.program_id = g.program_id)
                AS g_offered
            FROM enrollment_campaigns c
            LEFT JOIN (study_groups g JOIN network_programs p ON p.id = g.program_id) ON
              \(count == 0 ? "1 = 0" : "g.id IN (\(sqlPlaceholders(count)))")
            WHERE c.id = ?
            """
        }

        /// Both statements as one, for PostgreSQL (one round trip instead of two): the student's columns (NULL when
        /// there is no such student) beside each row of the campaign's statement (NULL when there is no such campaign);
        /// their names differ, so each parser reads its own. Binds: the student's, then the campaign's.
        static func both(_ count: Int) -> String {
            "SELECT st.*, cm.* FROM (SELECT 1) AS one LEFT JOIN (\(student(count))) AS st ON true LEFT JOIN "
                + "(\(campaign(count))) AS cm ON true"
        }

        /// The statement for one chosen course (the common case), which PostgreSQL keeps planned.
        enum BothOfOne: PreparedSQL { static let sql = FactsSQL.both(1) }

        static func studentBinds(_ campaignID: UUID, _ studentID: UUID, _ ids: [UUID]) -> [DBValue] {
            [.uuid(campaignID)] + ids.map { .uuid($0) } + [.uuid(studentID)]
        }
        static func campaignBinds(_ campaignID: UUID, _ ids: [UUID]) -> [DBValue] {
            ids.map { .uuid($0) } + [.uuid(campaignID)]
        }

        static func student(_ row: some NamedRow, into facts: inout LoadedFacts) {
            guard let id = row.uuid("s_id"), let municipalityID = row.uuid("s_municipality"),
                let school = row.uuid("s_school"),
                let schoolMunicipality = row.uuid("s_school_municipality")
            else {
                return
            }
            facts.school = OrgRef(id: school, municipalityID: schoolMunicipality)
            let name = [row.text("s_surname"), row.text("s_given_name"), row.optionalText("s_patronymic")]
            facts.student = SubmitFacts.StudentFacts(
                id: id, municipalityID: municipalityID, schoolID: school, status: row.text("s_status"),
                consentWithdrawn: !row.isNull("s_withdrawn"), grade: row.int("s_grade"),
                fullName: name.compactMap { $0 }.joined(separator: " "))
            facts.hasEarlier = row.bool("s_earlier")
            facts.places = row.int("s_places")
        }

        /// A row of `campaign(n)` into the facts: the campaign (from the first), and the group it joins, with its
        /// programme among the campaign's when the campaign offers it.
        static func campaign(_ row: some NamedRow, into facts: inout LoadedFacts) {
            if facts.campaign == nil, let id = row.uuid("c_id"), let municipalityID = row.uuid("c_municipality"),
                let opens = row.date("c_opens"), let closes = row.date("c_closes")
            {
                facts.campaign = SubmitFacts.Campaign(
                    id: id, municipalityID: municipalityID, status: row.text("c_status"), opensAt: opens,
                    closesAt: closes, mode: CampaignMode(rawValue: row.text("c_mode")) ?? .firstCome,
                    maxCourses: row.int("c_max_courses"), confirmDays: row.int("c_confirm_days"),
                    title: row.text("c_title"))
            }
            guard let id = row.uuid("g_id"), let center = row.uuid("g_center"), let program = row.uuid("g_program")
            else {
                return
            }
            facts.groups.append(
                SubmitFacts.Group(
                    id: id, name: row.text("g_name"), organizationID: center, programID: program,
                    isOpen: row.bool("g_open"),
                    status: row.text("g_status"), approval: row.text("g_approval"), gradeFrom: row.int("g_grade_from"),
                    gradeTo: row.int("g_grade_to")))
            if row.bool("g_offered") { facts.programs.insert(program) }
        }
    }

    static func loadFacts(campaignID: UUID, studentID: UUID, choices: [UUID], on connection: RawSQLite) throws
        -> LoadedFacts
    {
        var facts = LoadedFacts()
        let ids = Array(Set(choices))
        try connection.run(FactsSQL.student(ids.count), FactsSQL.studentBinds(campaignID, studentID, ids)) { row in
            FactsSQL.student(row, into: &facts)
        }
        try connection.run(FactsSQL.campaign(ids.count), FactsSQL.campaignBinds(campaignID, ids)) { row in
            FactsSQL.campaign(row, into: &facts)
        }
        return facts
    }

    /// As on SQLite, in one statement (`FactsSQL.both`). The writes do not rely on what it read: the conditional seat
    /// update and the unique constraints decide.
    static func loadFacts(campaignID: UUID, studentID: UUID, choices: [UUID], on connection: RawPostgres) async throws
        -> LoadedFacts
    {
        var facts = LoadedFacts()
        let ids = Array(Set(choices))
        let binds = FactsSQL.studentBinds(campaignID, studentID, ids) + FactsSQL.campaignBinds(campaignID, ids)
        let rows =
            try await ids.count == 1
            ? connection.rows(FactsSQL.BothOfOne.self, binds) : connection.rows(FactsSQL.both(ids.count), binds)
        if let first = rows.first { FactsSQL.student(first, into: &facts) }
        for row in rows { FactsSQL.campaign(row, into: &facts) }
        return facts
    }
}
