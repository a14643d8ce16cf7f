import Domain
import Fluent
import SQLKit
import Vapor

extension AuthenticationMiddleware {
    /// The token with its user and the user's roles (a row per role, or one with none; `kind` NULL), then the student
    /// records of the user (`kind` «student») and the children the user is an active guardian of («guardian»).
    enum TokenUser: PreparedSQL {
        static let sql = """
            SELECT t.expires_at AS t_expires, t.revoked_at AS t_revoked, \(userColumns), NULL AS kind, NULL AS child
            FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN role_assignments r ON r.user_id = u.id
            WHERE t.token_hash = ?
            \(childrenRows(of: "api_tokens", columnsBefore: 2))
            """

        static func binds(_ tokenHash: String) -> [DBValue] {
            [.text(tokenHash), .text(tokenHash), .text(RecordStatus.active.rawValue), .text(tokenHash)]
        }

        /// The statement's rows, in whatever order they come: the token's columns ride on the first user row.
        struct Rows {
            var read = UserRows(), expires: Date?, revoked = false

            mutating func add(_ row: some NamedRow) {
                if read.add(row) {
                    expires = row.date("t_expires")
                    revoked = !row.isNull("t_revoked")
                }
            }

            /// The signed-in user, when the token is neither revoked nor expired at `now` and the user is active.
            func user(now: Date) -> CurrentUser? {
                guard !revoked, let expires, expires > now else { return nil }
                return read.user(sessionID: nil, csrf: nil, viaToken: true)
            }
        }
    }

    /// The rows of a statement that reads one user with roles (`userColumns`, `kind` NULL), the user's own student
    /// records (`kind` «student») and the children the user is an active guardian of («guardian»), in any order.
    struct UserRows {
        var users: [UserRoleRow] = [], own = Set<UUID>(), guarded = Set<UUID>()

        /// Takes one row; true when it is the first user row (the one to read the statement's other columns from).
        mutating func add(_ row: some NamedRow) -> Bool {
            switch row.optionalText("kind") {
            case nil:
                users.append(UserRoleRow(row))
                return users.count == 1
            case "student": if let id = row.uuid("child") { own.insert(id) }
            default: if let id = row.uuid("child") { guarded.insert(id) }
            }
            return false
        }

        /// The user when active; a student's own records and a guardian's children count only with the role, as
        /// `childrenQuery` reads them.
        func user(sessionID: UUID?, csrf: String?, viaToken: Bool) -> CurrentUser? {
            guard let first = users.first, first.isActive else { return nil }
            let grants = AuthenticationMiddleware.grants(users)
            var students = Set<UUID>()
            if grants.contains(where: { $0.role == .student }) { students.formUnion(own) }
            if grants.contains(where: { $0.role == .guardian }) { students.formUnion(guarded) }
            return AuthenticationMiddleware.make(
                users, grants: grants, students: students, sessionID: sessionID, csrf: csrf, viaToken: viaToken)
        }
    }

    /// The two UNION ALL branches after a statement's user rows: the user's own student records (`kind` «student») and
    /// the children the user is an active guardian of («guardian»), found through the row of `table` (sessions or
    /// tokens) whose `token_hash` is bound — three more binds: the hash, the active status, the hash again.
    /// `columnsBefore` is how many columns the statement has before `userColumns`.
    static func childrenRows(of table: String, columnsBefore: Int) -> String {
        let nulls = Array(repeating: "NULL", count: columnsBefore + 10).joined(separator: ", ")
        return """
            UNION ALL
            SELECT \(nulls), 'student', s.id FROM \(table) t JOIN students s ON s.user_id = t.user_id WHERE
              t.token_hash = ?
            UNION ALL
            SELECT \(nulls), 'guardian', g.student_id FROM \(table) t JOIN guardians g ON g.user_id = t.user_id AND
              g.status = ?
            WHERE t.token_hash = ?
            """
    }

    static let userColumns = """
        u.id AS u_id, u.username AS u_username, u.full_name AS u_full_name, u.is_active AS u_active,
          u.must_change_password AS u_must_change,
        r.role AS r_role, r.municipality_id AS r_municipality, r.organization_id AS r_org, r.valid_from AS r_from, r.valid_to
          AS r_to
        """

    /// A row of one user joined with one of the user's roles (or with none).
    struct UserRoleRow: Sendable {
        var userID: UUID, username: String, fullName: String, isActive: Bool, mustChangePassword: Bool
        var role: String?, municipalityID: UUID?, organizationID: UUID?, validFrom: Date?, validTo: Date?

        /// From a raw row with the `userColumns`.
        init(_ row: some NamedRow) {
            userID = row.uuid("u_id") ?? UUID()
            username = row.text("u_username")
            fullName = row.text("u_full_name")
            isActive = row.bool("u_active")
            mustChangePassword = row.bool("u_must_change")
            role = row.optionalText("r_role")
            municipalityID = row.uuid("r_municipality")
            organizationID = row.uuid("r_org")
            validFrom = row.date("r_from")
            validTo = row.date("r_to")
        }
    }
}
