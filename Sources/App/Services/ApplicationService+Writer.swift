import Vapor
import Fluent
import SQLKit
import Domain

/// The hot path of issue 3's benchmark on SQLite: a first application's writes as one job of the group-commit writer
/// (`SQLiteWriter`). The rows are those the Fluent path (`ApplicationService.submit`, `EnrollmentService.enrollChecked`)
/// writes; the SQLite tests run this path and the PostgreSQL tests the Fluent one.
extension ApplicationService {
    /// A first application (no earlier one in the campaign, no place in the chosen groups): the caller has checked the
    /// campaign, the student and the choices outside; the database's conditional seat update and unique constraints still
    /// guard everything.
    static func submitFresh(campaign c: SubmitFacts.Campaign, student: SubmitFacts.Pupil, ranked: [UUID], groups: [UUID: SubmitFacts.Group],
                            guardianAgreement: String?, submittedBy: String, writer: SQLiteWriter, req: Request) async throws -> Outcome {
        let sql = try req.db.sql()
        let firstCome = c.mode == .firstCome
        let studentID = student.id, campaignID = c.id
        // Prepared outside the writer: the statements of the clash check (one per group that may be tried).
        let checks = try firstCome ? ranked.map { try EnrollmentService.clashQuery(studentIDs: [studentID], groupID: $0, leaving: nil).forRawSQLite(sql) } : []
        let holdDays = c.confirmDays, maxCourses = c.maxCourses, title = c.title, muni = c.municipalityID, school = student.schoolID
        return try await writer.write { db in
            let now = Date(), applicationID = UUID()
            try db.run("""
                INSERT INTO applications (id, municipality_id, campaign_id, student_id, school_id, state, submitted_by_name, submitted_at,
                    guardian_agreed_by, guardian_agreed_at, school_decision, hold_expires_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.uuid(applicationID), .uuid(muni), .uuid(campaignID), .uuid(studentID), .uuid(school), .text(ApplicationState.submitted.rawValue),
                      .text(submittedBy), .date(now), .text(guardianAgreement), .date(guardianAgreement == nil ? nil : now), .text("pending"),
                      .date(firstCome ? now.addingTimeInterval(Double(holdDays) * 86_400) : nil), .int(1)])
            var placed = 0
            var results: [ChoiceOutcome] = []
            for (i, groupID) in ranked.enumerated() {
                var outcome = "pending", position: Int?
                if firstCome {
                    guard let group = groups[groupID] else { throw EnrollmentService.refusal(.groupNotOpen) }
                    if placed < maxCourses {
                        switch try EnrollmentService.enrollChecked(group: group, student: student, source: "application", clashCheck: checks[i],
                                                                   now: now, on: db, req: req) {
                        case .enrolled: outcome = "enrolled"; placed += 1
                        case .waitlisted(let p): outcome = "waitlisted"; position = p
                        }
                    } else { outcome = "unused" }
                }
                try db.run("INSERT INTO application_choices (id, application_id, rank, group_id, outcome) VALUES (?, ?, ?, ?, ?)",
                           [.uuid(UUID()), .uuid(applicationID), .int(i + 1), .uuid(groupID), .text(outcome)])
                results.append(ChoiceOutcome(groupId: groupID, groupName: groups[groupID]?.name ?? "", status: outcome, position: position))
            }
            try Audit.insert(Audit.entry(req: req, action: .create, entityType: "application", entityID: applicationID,
                                         title: "ИУП: \(student.fullName) — \(title)", municipalityID: muni, organizationID: school,
                                         after: ["Кампания": title, "Курсов выбрано": String(ranked.count), "Подал(а)": submittedBy,
                                                 "Согласие родителя": guardianAgreement ?? "ожидается"]), on: db)
            return Outcome(applicationID: applicationID, state: .submitted, choices: results)
        }
    }
}

extension EnrollmentService {
    /// `enrollChecked` on the SQLite writer's connection: the clash check, the conditional seat (or the next waiting
    /// number), the place and its audit entry.
    static func enrollChecked(group: ApplicationService.SubmitFacts.Group, student: ApplicationService.SubmitFacts.Pupil, source: String,
                              clashCheck: (sql: String, binds: [DBValue]), now: Date, on db: RawSQLite, req: Request?) throws -> EnrollmentOutcome {
        let studentID = student.id, groupID = group.id
        var clash: TimetableClash?
        try db.run(clashCheck.sql, clashCheck.binds) { r in if clash == nil { clash = EnrollmentService.clash(r) } }
        if let clash { throw refusal(.timetableClash(clash.text(for: studentID, req: req))) }
        let open: [DBValue] = [.uuid(groupID), .bool(true), .text(RecordStatus.active.rawValue)]
        let result: EnrollmentOutcome, status: EnrollmentStatus
        var seq: Int?
        if try db.int("""
            UPDATE study_groups SET enrolled_count = enrolled_count + 1
            WHERE id = ? AND is_open = ? AND status = ? AND enrolled_count < capacity RETURNING enrolled_count
            """, open) != nil {
            result = .enrolled
            status = .enrolled
        } else {
            guard let next = try db.int("UPDATE study_groups SET waitlist_seq = waitlist_seq + 1 WHERE id = ? AND is_open = ? AND status = ? RETURNING waitlist_seq",
                                        open) else { throw refusal(.groupNotOpen) }
            let ahead = try db.int("SELECT COUNT(*) FROM enrollments WHERE group_id = ? AND status = ? AND waitlist_seq < ?",
                                   [.uuid(groupID), .text(EnrollmentStatus.waitlisted.rawValue), .int(next)]) ?? 0
            seq = next
            result = .waitlisted(position: ahead + 1)
            status = .waitlisted
        }
        let id = UUID()
        try db.run("""
            INSERT INTO enrollments (id, student_id, group_id, status, waitlist_seq, created_at, updated_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.uuid(id), .uuid(studentID), .uuid(groupID), .text(status.rawValue), seq.map { .int($0) } ?? .text(nil), .date(now), .date(now), .text(source)])
        try Audit.insert(Audit.entry(req: req, action: .create, entityType: "enrollment", entityID: id, title: "\(student.fullName) — \(group.name)",
                                     municipalityID: student.municipalityID, organizationID: group.organizationID,
                                     after: ["Группа": group.name, "Обучающийся": student.fullName,
                                             "Состояние": result == .enrolled ? "зачислен" : "в листе ожидания"]), on: db)
        return result
    }
}
