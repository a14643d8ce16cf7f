import Domain
import Fluent
import Foundation
import SQLKit

/// The databank's membership as statements (issue 21, item 4): a student is a member when an active achievement meets
/// the rule (its result, its edition's level and academic year) or the КМЦ entered them by a decision. The list reads a
/// page of ids and the count with the membership as subqueries — no list of every member's id bound into a statement
/// (hundreds of binds per request, and past SQLite's limit for a large city) — and the basis of the page's members in
/// one more. The databank's benchmark: 84 requests/s when the membership was read whole on every request.
enum GiftedBankSQL {
    /// What the list narrows by, besides membership: the reader's schools (nil: the municipality's students with
    /// consent), the filters and the search.
    struct Filters {
        var visible: [UUID]? = nil
        var school: UUID? = nil
        var grade: Int? = nil
        var needle = ""
        var basis: GiftedBasis? = nil
        var subject: UUID? = nil
        var year: UUID? = nil
        var level: String? = nil
        var direction: String? = nil
    }

    /// The rule's condition on an achievement `a` joined with its edition `e`; nil when the rule looks at no year.
    static func ruleCondition(_ rule: GiftedRule, years: [UUID]) -> (sql: String, binds: [DBValue])? {
        guard !years.isEmpty else { return nil }
        let results = AchievementResult.allCases.filter { $0 >= rule.minResult }.map { DBValue.text($0.rawValue) }
        let levels = ContestLevel.allCases.filter { $0 >= rule.minLevel }.map { DBValue.text($0.rawValue) }
        return (
            "a.status = ? AND a.result IN (\(sqlPlaceholders(results.count)))"
                + " AND e.level IN (\(sqlPlaceholders(levels.count)))"
                + " AND e.academic_year_id IN (\(sqlPlaceholders(years.count)))",
            [.text(RecordStatus.active.rawValue)] + results + levels + years.map { .uuid($0) }
        )
    }

    /// `s.id` is a member (of the basis given, or either).
    static func membership(_ rule: GiftedRule, years: [UUID], municipalityID: UUID, basis: GiftedBasis?) -> (
        sql: String, binds: [DBValue]
    ) {
        var parts: [String] = []
        var binds: [DBValue] = []
        if basis != .decision, let condition = ruleCondition(rule, years: years) {
            parts.append(
                "s.id IN (SELECT a.student_id FROM achievements a JOIN contest_editions e ON e.id = a.edition_id"
                    + " WHERE a.municipality_id = ? AND \(condition.sql))")
            binds += [.uuid(municipalityID)] + condition.binds
        }
        if basis != .rule {
            parts.append("s.id IN (SELECT d.student_id FROM gifted_decisions d WHERE d.municipality_id = ?)")
            binds.append(.uuid(municipalityID))
        }
        return (parts.isEmpty ? "1 = 0" : "(" + parts.joined(separator: " OR ") + ")", binds)
    }

    /// The `WHERE` of the list's students `s`.
    static func condition(
        _ filters: Filters, rule: GiftedRule, years: [UUID], municipalityID: UUID
    ) -> (sql: String, binds: [DBValue]) {
        var sql = "s.municipality_id = ? AND s.status = ?"
        var binds: [DBValue] = [.uuid(municipalityID), .text(RecordStatus.active.rawValue)]
        if let visible = filters.visible {
            sql += " AND s.school_id IN (\(sqlPlaceholders(max(visible.count, 1))))"
            binds += visible.isEmpty ? [.uuid(UUID())] : visible.map { .uuid($0) }
        } else {
            sql += " AND s.consent_on IS NOT NULL AND s.consent_withdrawn_at IS NULL"
        }
        let member = membership(rule, years: years, municipalityID: municipalityID, basis: filters.basis)
        sql += " AND " + member.sql
        binds += member.binds
        // Each filter given adds its clause and its value.
        func narrow(_ clauses: [(String, DBValue?)], into text: inout String) {
            for case (let clause, let value?) in clauses {
                text += " AND " + clause
                binds.append(value)
            }
        }
        narrow(
            [
                ("s.school_id = ?", filters.school.map { .uuid($0) }), ("s.grade = ?", filters.grade.map { .int($0) }),
                ("s.search_key LIKE ?", filters.needle.isEmpty ? nil : .text("%\(filters.needle)%")),
            ], into: &sql)
        if filters.subject != nil || filters.year != nil || filters.level != nil || filters.direction != nil {
            // A member with an achievement of the subject, year, level or direction chosen.
            var inner =
                "SELECT f.student_id FROM achievements f JOIN contest_editions fe ON fe.id = f.edition_id"
                + (filters.direction != nil ? " JOIN contests fc ON fc.id = fe.contest_id" : "")
                + " WHERE f.municipality_id = ? AND f.status = ?"
            binds += [.uuid(municipalityID), .text(RecordStatus.active.rawValue)]
            narrow(
                [
                    ("f.subject_id = ?", filters.subject.map { .uuid($0) }),
                    ("fe.academic_year_id = ?", filters.year.map { .uuid($0) }),
                    ("fe.level = ?", filters.level.map { .text($0) }),
                    ("fc.direction = ?", filters.direction.map { .text($0) }),
                ], into: &inner)
            sql += " AND s.id IN (\(inner))"
        }
        return (sql, binds)
    }

    /// A page of the members' ids in the list's order (name, then id), and how many there are.
    static func page(
        _ filters: Filters, rule: GiftedRule, years: [UUID], municipalityID: UUID, descending: Bool, offset: Int,
        limit: Int, on db: any Database
    ) async throws -> (ids: [UUID], total: Int) {
        let (condition, binds) = self.condition(filters, rule: rule, years: years, municipalityID: municipalityID)
        let total =
            try await db.sql().int("SELECT COUNT(*) AS total FROM students s WHERE " + condition, binds) ?? 0
        guard total > offset else { return ([], total) }
        let order = descending ? "DESC" : "ASC"
        let ids = try await db.sql().rows(
            "SELECT s.id AS id FROM students s WHERE \(condition) ORDER BY s.sort_key \(order), s.id ASC"
                + " LIMIT ? OFFSET ?",
            binds + [.int(limit), .int(offset)]
        ).compactMap { $0.uuid("id") }
        return (ids, total)
    }

    /// The basis of each of `students` that is a member: one statement per 500 students.
    static func basis(
        of students: [UUID], rule: GiftedRule, years: [UUID], municipalityID: UUID, on db: any Database
    ) async throws -> [UUID: Set<GiftedBasis>] {
        var result: [UUID: Set<GiftedBasis>] = [:]
        for start in stride(from: 0, to: students.count, by: 500) {
            let chunk = students[start..<min(start + 500, students.count)].map { DBValue.uuid($0) }
            let list = sqlPlaceholders(chunk.count)
            var sql =
                "SELECT d.student_id AS student_id, 'decision' AS basis FROM gifted_decisions d"
                + " WHERE d.municipality_id = ? AND d.student_id IN (\(list))"
            var binds: [DBValue] = [.uuid(municipalityID)] + chunk
            if let condition = ruleCondition(rule, years: years) {
                sql +=
                    " UNION SELECT a.student_id AS student_id, 'rule' AS basis FROM achievements a"
                    + " JOIN contest_editions e ON e.id = a.edition_id"
                    + " WHERE a.municipality_id = ? AND a.student_id IN (\(list)) AND \(condition.sql)"
                binds += [.uuid(municipalityID)] + chunk + condition.binds
            }
            for row in try await db.sql().rows(sql, binds) {
                guard let student = row.uuid("student_id"), let basis = GiftedBasis(rawValue: row.text("basis"))
                else { continue }
                result[student, default: []].insert(basis)
            }
        }
        return result
    }
}

extension GiftedBankSQL {
    /// An achievement as the candidates' points count it.
    struct Fact {
        var level: ContestLevel
        var result: AchievementResult
        var year: UUID
    }

    /// The level, result and academic year of every active achievement of the members `filters` select, per student:
    /// four columns by name, for ranking the whole databank by points (the support candidates' page; through Fluent
    /// with its four eager loads it took about 50 ms of a core per request for the region's municipality).
    static func facts(
        _ filters: Filters, rule: GiftedRule, years: [UUID], municipalityID: UUID, on db: any Database
    ) async throws -> [UUID: [Fact]] {
        let (condition, binds) = self.condition(filters, rule: rule, years: years, municipalityID: municipalityID)
        let sql = """
            SELECT a.student_id AS student_id, e.level AS level, a.result AS result, e.academic_year_id AS year_id
            FROM achievements a JOIN contest_editions e ON e.id = a.edition_id
            WHERE a.municipality_id = ? AND a.status = ? AND a.student_id IN (SELECT s.id FROM students s WHERE
            """
        var facts: [UUID: [Fact]] = [:]
        for row in try await db.sql().rows(
            sql + " " + condition + ")",
            [.uuid(municipalityID), .text(RecordStatus.active.rawValue)] + binds)
        {
            guard let student = row.uuid("student_id"), let year = row.uuid("year_id"),
                let level = ContestLevel(rawValue: row.text("level")),
                let result = AchievementResult(rawValue: row.text("result"))
            else { continue }
            facts[student, default: []].append(Fact(level: level, result: result, year: year))
        }
        return facts
    }
}
