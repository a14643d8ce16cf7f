import Domain
import Fluent
import Foundation
import SQLKit

/// Search keys of groups and certificates (issue 19): their lists searched the name as typed with `LIKE`, which folds
/// only ASCII on SQLite («ёлкин» did not find «Ёлкин»). Like every other searched table they now keep a key folded by
/// `TextKey.search` beside the text (a group's of its name, a certificate's of the student's name), kept on every
/// write by `SearchKeyMiddleware`; the rows already there get theirs here, computed in Swift as the middleware does.
struct AddGroupAndCertificateSearchKeys: AsyncMigration {
    var name: String { "015_AddGroupAndCertificateSearchKeys" }

    func prepare(on db: any Database) async throws {
        try await db.schema("study_groups").field("search_key", .string, .required, .sql(.default(""))).update()
        try await db.schema("certificates").field("search_key", .string, .required, .sql(.default(""))).update()
        let sql = try db.sql()
        for (table, column) in [("study_groups", "name"), ("certificates", "student_name")] {
            let rows = try await sql.select().column("id").column(column).from(table).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let text = try row.decode(column: column, as: String.self)
                try await sql.update(table).set("search_key", to: TextKey.search(text)).where("id", .equal, id).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("certificates").deleteField("search_key").update()
        try await db.schema("study_groups").deleteField("search_key").update()
    }
}
