import Domain
import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

extension AppTests {
    /// The generated network is consistent as the app's own rules keep data: groups within capacity and filled from their
    /// municipality, nobody double-booked, marks only on past lessons of enrolled pupils, certificates numbered without
    /// gaps to pupils who passed, registry numbers as the registry hands them out, and every login signs in.
    @Suite struct GeneratorInvariantsTests {
        @Test func theNetworkKeepsTheRulesTheAppKeeps() async throws {
            try await withApp { app in
                let summary = try await GeneratedNetwork.generate(app)
                func count(_ query: String) async throws -> Int { try await GeneratedNetwork.count(app, query) }
                #expect(summary.enrollments > 0 && summary.marks > 0 && summary.certificates > 0)
                #expect(try await count("SELECT COUNT(*) AS n FROM enrollments") == summary.enrollments)
                #expect(try await count("SELECT COUNT(*) AS n FROM attendance_marks") == summary.marks)
                #expect(try await count("SELECT COUNT(*) AS n FROM certificates") == summary.certificates)
                // The talent registry: every municipality has the olympiad's subjects; results are the pupils' own.
                #expect(summary.achievements > 0)
                #expect(try await count("SELECT COUNT(*) AS n FROM achievements") == summary.achievements)
                #expect(
                    try await count("SELECT COUNT(*) AS n FROM olympiad_subjects")
                        == 24 * (try await count("SELECT COUNT(*) AS n FROM municipalities")))
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM achievements a JOIN students s ON s.id = a.student_id "
                            + "WHERE s.school_id <> a.school_id") == 0)
                // The municipal stage: its participants are the pupils' own, within the municipality, scores within
                // the paper's maximum.
                #expect(summary.olympiadParticipants > 0)
                #expect(summary.supportMeasures > 0)
                #expect(
                    try await count("SELECT COUNT(*) AS n FROM support_measures") == summary.supportMeasures)
                #expect(try await count("SELECT COUNT(*) AS n FROM individual_routes") == summary.routes)
                // Plans: the centres' first-year roadmaps, whole; an item done is done by its day; one report per centre.
                #expect(summary.planItems > 0)
                #expect(try await count("SELECT COUNT(*) AS n FROM plan_items") == summary.planItems)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM plan_items i JOIN plans p ON p.id = i.plan_id "
                            + "WHERE i.organization_id <> p.organization_id OR (i.status = 'done' AND i.done_on IS NULL) "
                            + "OR i.done_on > i.due_on") == 0)
                #expect(
                    try await count("SELECT COUNT(*) AS n FROM reports")
                        == count(
                            "SELECT COUNT(*) AS n FROM plans WHERE template_key <> 'activity-program' "
                                + "AND template_key NOT LIKE 'assignment-%'"))
                // Assignments: each issued one with its plan of four results, all needing evidence.
                #expect(try await count("SELECT COUNT(*) AS n FROM technical_assignments") > 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM technical_assignments a JOIN plan_items i ON i.plan_id = a.plan_id "
                            + "WHERE i.evidence_required")
                        == 4 * count("SELECT COUNT(*) AS n FROM technical_assignments"))
                // Activity programmes: one per centre, an agreed one with its plan, a submitted one with its version.
                #expect(
                    try await count("SELECT COUNT(*) AS n FROM activity_programs")
                        == count("SELECT COUNT(*) AS n FROM resource_centers"))
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM activity_programs p WHERE (p.status = 'agreed') <> "
                            + "(p.plan_id IS NOT NULL) OR (p.status <> 'draft') <> EXISTS (SELECT 1 FROM "
                            + "activity_program_versions v WHERE v.program_id = p.id)") == 0)
                // Analytic notes: every other centre's, drafted from the figures the database holds.
                let centres = try await count("SELECT COUNT(*) AS n FROM resource_centers")
                #expect(try await count("SELECT COUNT(*) AS n FROM analytic_notes") == (centres + 1) / 2)
                let notes = try await AnalyticNote.query(on: app.db).all()
                #expect(notes.contains { $0.counted.groups > 0 && $0.counted.hoursDelivered > 0 })
                // Meetings: one planned per municipality; attendance only at held ones; every hearing at a held
                // meeting, of a designation of the meeting's municipality.
                #expect(
                    try await count("SELECT COUNT(*) AS n FROM meetings WHERE status = 'planned'")
                        == count("SELECT COUNT(*) AS n FROM municipalities"))
                // A meeting held in each of the last four ended quarters: no «quarter without a meeting» warning.
                #expect(
                    try await count("SELECT COUNT(*) AS n FROM meetings WHERE status = 'held'")
                        == 4 * count("SELECT COUNT(*) AS n FROM municipalities"))
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id "
                            + "WHERE p.present AND m.status <> 'held'") == 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM designation_hearings h JOIN meetings m ON m.id = h.meeting_id "
                            + "JOIN resource_centers c ON c.id = h.resource_center_id JOIN organizations o "
                            + "ON o.id = c.organization_id WHERE m.status <> 'held' "
                            + "OR o.municipality_id <> m.municipality_id OR h.municipality_id <> m.municipality_id")
                        == 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id "
                            + "WHERE m.status <> 'held'") == 0)
                // Events: eight of each centre, none above its capacity, each one's count its registrations, its
                // students of its municipality, attendance only once it is over.
                #expect(
                    try await count("SELECT COUNT(*) AS n FROM events")
                        == 8 * count("SELECT COUNT(*) AS n FROM resource_centers"))
                #expect(try await count("SELECT COUNT(*) AS n FROM events WHERE registered_count > capacity") == 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM events e WHERE e.registered_count <> "
                            + "(SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id)") == 0)
                #expect(try await count("SELECT COUNT(*) AS n FROM event_registrations") > 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM event_registrations r JOIN events e ON e.id = r.event_id "
                            + "JOIN students s ON s.id = r.student_id WHERE s.municipality_id <> e.municipality_id")
                        == 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM event_registrations r JOIN events e ON e.id = r.event_id "
                            + "WHERE r.attended IS NOT NULL AND e.status = 'archived'")
                        == 0)
                // Professional development: courses of the municipality's own staff, a certificate exactly when
                // completed, none completed before its last day.
                #expect(try await count("SELECT COUNT(*) AS n FROM professional_development") > 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM professional_development d JOIN staff s ON s.id = d.staff_id "
                            + "WHERE s.municipality_id <> d.municipality_id") == 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM professional_development WHERE (certificate IS NULL) = "
                            + "is_completed OR ends_on < starts_on") == 0)
                #expect(
                    try await count("SELECT COUNT(*) AS n FROM olympiad_participants") == summary.olympiadParticipants)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM olympiad_participants p JOIN students s ON s.id = p.student_id "
                            + "WHERE s.school_id <> p.school_id OR s.municipality_id <> p.municipality_id "
                            + "OR p.total > 50 OR p.total < 0") == 0)
                // Seats: nobody above capacity, and each group's count is its enrolments.
                #expect(try await count("SELECT COUNT(*) AS n FROM study_groups WHERE enrolled_count > capacity") == 0)
                #expect(
                    try await count(
                        """
                        SELECT COUNT(*) AS n FROM study_groups g WHERE g.enrolled_count <> (
                          SELECT COUNT(*) FROM enrollments e WHERE e.group_id = g.id AND e.status = 'enrolled')
                        """) == 0)
                // Enrolled pupils belong to the group's municipality.
                #expect(
                    try await count(
                        """
                        SELECT COUNT(*) AS n FROM enrollments e JOIN students s ON s.id = e.student_id
                        JOIN study_groups g ON g.id = e.group_id JOIN organizations o ON o.id = g.organization_id
                        WHERE o.municipality_id <> s.municipality_id
                        """) == 0)
                // No teacher, room or pupil in two lessons at once.
                for (column, join) in [
                    ("teacher_id", "a.teacher_id = b.teacher_id"), ("room_id", "a.room_id = b.room_id"),
                    (
                        "student",
                        """
                        EXISTS (SELECT 1 FROM enrollments x JOIN enrollments y ON x.student_id = y.student_id
                          WHERE x.group_id = a.group_id AND y.group_id = b.group_id)
                        """
                    ),
                ] {
                    let clashes = try await count(
                        """
                        SELECT COUNT(*) AS n FROM lessons a JOIN lessons b ON a.id <> b.id AND a.day = b.day
                          AND a.start_minute < b.end_minute AND b.start_minute < a.end_minute
                        WHERE \(join)
                        """)
                    #expect(clashes == 0, "\(column) double-booked")
                }
                // Marks only on past lessons, only of the group's enrolled pupils; every past lesson has its record.
                let today = GeneratedNetwork.today.number
                #expect(
                    try await count(
                        """
                        SELECT COUNT(*) AS n FROM attendance_marks m JOIN lessons l ON l.id = m.lesson_id
                        WHERE l.day >= \(today)
                        """) == 0)
                #expect(
                    try await count(
                        """
                        SELECT COUNT(*) AS n FROM attendance_marks m JOIN lessons l ON l.id = m.lesson_id
                        WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.group_id = l.group_id
                          AND e.student_id = m.student_id AND e.status = 'enrolled')
                        """) == 0)
                #expect(
                    try await count(
                        """
                        SELECT COUNT(*) AS n FROM lessons l WHERE l.day < \(today)
                          AND NOT EXISTS (SELECT 1 FROM lesson_records r WHERE r.lesson_id = l.id)
                        """) == 0)
                #expect(
                    try await count(
                        "SELECT COUNT(*) AS n FROM lesson_records r JOIN lessons l ON l.id = r.lesson_id WHERE l.day >= \(today)"
                    ) == 0)
                // Lessons only on school days: none in a holiday of the municipality's year.
                #expect(
                    try await count(
                        """
                        SELECT COUNT(*) AS n FROM lessons l JOIN study_groups g ON g.id = l.group_id
                        JOIN holiday_periods h ON h.academic_year_id = g.academic_year_id
                        WHERE l.day BETWEEN h.first_day AND h.last_day
                        """) == 0)
                // Certificates: only to pupils who passed, numbered 1…n per municipality and year, the counter at n.
                #expect(
                    try await count(
                        """
                        SELECT COUNT(*) AS n FROM certificates c WHERE NOT EXISTS (SELECT 1 FROM final_results r
                          WHERE r.group_id = c.group_id AND r.student_id = c.student_id AND r.passed = \(try passed(app)))
                        """) == 0)
                let sql = try #require(app.db as? any SQLDatabase)
                let series = try await sql.raw(
                    """
                    SELECT c.municipality_id, c.year, COUNT(*) AS n, MIN(c.sequence) AS lo, MAX(c.sequence) AS hi,
                      MAX(k.last_sequence) AS counter
                    FROM certificates c JOIN certificate_counters k ON k.municipality_id = c.municipality_id
                      AND k.year = c.year
                    GROUP BY c.municipality_id, c.year
                    """
                ).all()
                #expect(!series.isEmpty)
                for row in series {
                    let n = try row.decode(column: "n", as: Int.self)
                    #expect(try row.decode(column: "lo", as: Int.self) == 1)
                    #expect(try row.decode(column: "hi", as: Int.self) == n)
                    #expect(try row.decode(column: "counter", as: Int.self) == n)
                }
                #expect(try await count("SELECT COUNT(*) AS n FROM certificate_counters") == series.count)
                // Registry numbers 1…n in each municipality, its counter at n.
                #expect(
                    try await count(
                        """
                        SELECT COUNT(*) AS n FROM municipalities m WHERE m.last_student_number <> (
                          SELECT COUNT(*) FROM students s WHERE s.municipality_id = m.id)
                          OR m.last_student_number <> (
                          SELECT MAX(s.registry_number) FROM students s WHERE s.municipality_id = m.id)
                        """) == 0)
                // Search keys as the app folds them (migration 015's and the registry's).
                for group in try await StudyGroup.query(on: app.db).all() {
                    #expect(group.searchKey == TextKey.search(group.name))
                }
            }
        }

        @Test func everyGeneratedLoginSignsIn() async throws {
            try await withApp { app in
                let summary = try await GeneratedNetwork.generate(app)
                let logins = summary.logins.map(\.login)
                for login in ["admin", "kmc", "metod", "centre1", "teacher1", "school1", "student1", "parent1"] {
                    #expect(logins.contains(login), "\(login) missing")
                }
                #expect(logins.contains("kmc2") && logins.contains("school6") && logins.contains("teacher4"))
                #expect(Set(logins).count == logins.count)
                #expect(try await User.query(on: app.db).count() == logins.count)
                for login in logins {
                    var browser = Browser(app)
                    let response = try await browser.login(login)
                    #expect(response.status == .seeOther, "\(login) cannot sign in")
                    #expect(response.headers.first(name: .location) == "/", "\(login) is not signed in")
                }
            }
        }

        /// How the database writes `true` in SQL.
        private func passed(_ app: Application) throws -> String {
            app.setkaConfig.isPostgres ? "TRUE" : "1"
        }
    }
}
