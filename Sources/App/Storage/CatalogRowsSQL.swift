import Domain
import Fluent
import Foundation
import SQLKit
import Views

/// The public catalogue's items for one page of programme ids, in one statement (programme and centre, read by column
/// name) and their teachers in another (`ProgramTeachersSQL`): the catalogue read programmes, centres, subjects, links
/// and teachers as models (issue 20). In the order of `ids`.
enum CatalogRowsSQL {
    static func items(ids: [UUID], on db: any Database) async throws -> [CatalogPage.Item] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.sql().rows(
            """
            SELECT p.id AS id, p.title AS title, p.kind AS kind, p.grade_from AS grade_from, p.grade_to AS grade_to,
              p.hours AS hours, p.form AS form, p.profile AS profile, p.target AS target, p.description AS summary,
              o.short_name AS centre
            FROM network_programs p JOIN organizations o ON o.id = p.organization_id
            WHERE p.id IN (\(sqlPlaceholders(ids.count)))
            """, ids.map(DBValue.uuid))
        let teachers = try await ProgramTeachersSQL.names(programs: ids, on: db)
        var byID: [UUID: CatalogPage.Item] = [:]
        for row in rows {
            guard let id = row.uuid("id") else { continue }
            byID[id] = CatalogPage.Item(
                title: row.text("title"), center: row.text("centre"),
                kind: ProgramKind(rawValue: row.text("kind"))?.title ?? "",
                grades: "\(row.int("grade_from"))–\(row.int("grade_to"))", hours: row.int("hours"),
                form: StudyForm(rawValue: row.text("form"))?.title ?? "",
                profile: row.optionalText("profile").flatMap(StudyProfile.init(rawValue:))?.title,
                target: row.optionalText("target"), summary: row.optionalText("summary"), teachers: teachers[id] ?? [])
        }
        return ids.compactMap { byID[$0] }
    }
}
