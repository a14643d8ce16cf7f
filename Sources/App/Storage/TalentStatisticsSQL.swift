import Domain
import Fluent
import Foundation
import SQLKit

/// The results the talent statistics count (`TalentStatisticsController`): one row per active achievement with its
/// subject, grade competed for, result, school, the edition's level and year and the student's sex — eight columns
/// read by name instead of three joined models decoded per row (the page's benchmark: 170 ms of a core for a
/// municipality's 1 200 results through Fluent).
enum TalentStatisticsSQL {
    struct Result {
        var id: UUID
        var student: UUID
        var subject: UUID?
        var grade: Int
        var result: AchievementResult
        var school: UUID
        var level: ContestLevel
        var year: UUID
        var sex: Sex?
    }

    /// A teacher or trainer of the staff registry named as having prepared a result.
    struct Preparer {
        var achievement: UUID
        var name: String
    }

    static let select = """
        SELECT a.id AS id, a.student_id AS student_id, a.subject_id AS subject_id, a.grade_competed AS grade,
          a.result AS result, a.school_id AS school_id, e.level AS level, e.academic_year_id AS year_id,
          s.sex AS sex
        FROM achievements a
        """

    /// The links of the municipality's staff to achievements: from the staff (a municipality's few hundred) through
    /// the links' index, never a walk over the results (3.8 ms for the region's municipality joined from the results,
    /// 0.07 from the staff). The caller keeps the links of the results it read, so what the reader may not see is
    /// never counted.
    static let preparersSQL = """
        SELECT p.achievement_id AS achievement_id, st.surname AS surname, st.given_name AS given_name,
          st.patronymic AS patronymic
        FROM staff st JOIN achievement_preparers p ON p.staff_id = st.id WHERE st.municipality_id = ?
        """

    static func sql(schools: Int?, level: Bool) -> String {
        select + """

            JOIN contest_editions e ON e.id = a.edition_id JOIN students s ON s.id = a.student_id
            WHERE a.municipality_id = ? AND a.status = ?
            """
            + (schools.map { " AND a.school_id IN (\(sqlPlaceholders($0)))" }
                ?? " AND s.consent_on IS NOT NULL AND s.consent_withdrawn_at IS NULL")
            + (level ? " AND e.level = ?" : "")
    }

    /// The municipality's results: of `schools` when given (a school's reader), otherwise of students with consent.
    static func results(municipalityID: UUID, schools: [UUID]?, level: ContestLevel?, on db: any Database)
        async throws -> [Result]
    {
        if let schools, schools.isEmpty { return [] }
        var binds: [DBValue] = [.uuid(municipalityID), .text(RecordStatus.active.rawValue)]
        binds += (schools ?? []).map { .uuid($0) }
        if let level { binds.append(.text(level.rawValue)) }
        return try await db.sql().rows(sql(schools: schools?.count, level: level != nil), binds).compactMap { row in
            guard let id = row.uuid("id"), let student = row.uuid("student_id"), let school = row.uuid("school_id"),
                let year = row.uuid("year_id")
            else { return nil }
            return Result(
                id: id, student: student, subject: row.uuid("subject_id"), grade: row.int("grade"),
                result: AchievementResult(rawValue: row.text("result")) ?? .participant, school: school,
                level: ContestLevel(rawValue: row.text("level")) ?? .municipal, year: year,
                sex: row.optionalText("sex").flatMap(Sex.init(rawValue:)))
        }
    }

    /// The staff registry's preparers named in the municipality's achievements (of the results `results` reads, the
    /// caller keeps those it read).
    static func preparers(municipalityID: UUID, on db: any Database) async throws -> [Preparer] {
        try await db.sql().rows(preparersSQL, [.uuid(municipalityID)]).compactMap { row in
            guard let achievement = row.uuid("achievement_id") else { return nil }
            return Preparer(
                achievement: achievement,
                name: StaffMember.fullName(
                    surname: row.text("surname"), givenName: row.text("given_name"),
                    patronymic: row.optionalText("patronymic")))
        }
    }
}
