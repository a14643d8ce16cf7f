import Domain
import Fluent
import Foundation
import SQLKit

/// The teachers a programme names, as full names by programme (sorted), in one statement for any number of
/// programmes: the catalogue's page and a programme's audit record (they read the links and each teacher as models).
enum ProgramTeachersSQL {
    static func names(programs: [UUID], on db: any Database) async throws -> [UUID: [String]] {
        guard !programs.isEmpty else { return [:] }
        let rows = try await db.sql().rows(
            """
            SELECT pt.program_id AS program_id, t.surname AS surname, t.given_name AS given_name,
              t.patronymic AS patronymic
            FROM program_teachers pt JOIN staff t ON t.id = pt.staff_id
            WHERE pt.program_id IN (\(sqlPlaceholders(programs.count)))
            """, programs.map(DBValue.uuid))
        var names: [UUID: [String]] = [:]
        for row in rows {
            guard let program = row.uuid("program_id") else { continue }
            names[program, default: []].append(
                StaffMember.fullName(
                    surname: row.text("surname"), givenName: row.text("given_name"),
                    patronymic: row.optionalText("patronymic")))
        }
        return names.mapValues { $0.sorted() }
    }
}
