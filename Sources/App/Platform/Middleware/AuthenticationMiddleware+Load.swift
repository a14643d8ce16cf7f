import Domain
import Fluent
import SQLKit
import Vapor

/// Loading the signed-in user: from an API token (without Fluent, on a raw connection) or from a session.
extension AuthenticationMiddleware {
    /// The user and roles behind an API token that is neither revoked nor expired, with the children of a student or
    /// guardian: one statement (`TokenUser`), run in one job of the raw SQLite readers (`SQLiteReader`) or on one raw
    /// PostgreSQL connection (`RawPostgres`, kept planned): every API call comes through here.
    static func load(tokenHash: String, now: Date, req: Request) async throws -> CurrentUser? {
        let binds = TokenUser.binds(tokenHash)
        if let reader = req.application.sqliteReader {
            return try await reader.read { c in
                var rows = TokenUser.Rows()
                try c.run(TokenUser.sql, binds) { rows.add($0) }
                return rows.user(now: now)
            }
        }
        let loaded = try await req.application.withRawPostgres { pg -> CurrentUser? in
            var rows = TokenUser.Rows()
            for r in try await pg.rows(TokenUser.self, binds) { rows.add(r) }
            return rows.user(now: now)
        }
        return loaded ?? nil
    }

    /// The token with its user and the user's roles (a row per role, or one with none; `kind` NULL), then the student
    /// records of the user (`kind` «student») and the children the user is an active guardian of («guardian»).
    enum TokenUser: PreparedSQL {
        static let sql = """
            SELECT t.expires_at AS t_expires, t.revoked_at AS t_revoked, \(userColumns), NULL AS kind, NULL AS child
            FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN role_assignments r ON r.user_id = u.id
            WHERE t.token_hash = ?
            UNION ALL
            SELECT \(nulls), 'student', s.id FROM api_tokens t JOIN students s ON s.user_id = t.user_id WHERE
              t.token_hash = ?
            UNION ALL
            SELECT \(nulls), 'guardian', g.student_id FROM api_tokens t JOIN guardians g ON g.user_id = t.user_id AND
              g.status = ?
            WHERE t.token_hash = ?
            """
        private static let nulls = Array(repeating: "NULL", count: 12).joined(separator: ", ")

        static func binds(_ tokenHash: String) -> [DBValue] {
            [.text(tokenHash), .text(tokenHash), .text(RecordStatus.active.rawValue), .text(tokenHash)]
        }

        /// The statement's rows, in whatever order they come.
        struct Rows {
            var users: [UserRoleRow] = [], expires: Date?, revoked = false, own = Set<UUID>(), guarded = Set<UUID>()

            mutating func add(_ r: some PositionalRow) {
                switch r.optionalText(12) {
                case nil:
                    if users.isEmpty {
                        expires = r.date(0)
                        revoked = !r.isNull(1)
                    }
                    users.append(UserRoleRow(r, from: 2))
                case "student": if let id = r.uuid(13) { own.insert(id) }
                default: if let id = r.uuid(13) { guarded.insert(id) }
                }
            }

            /// The signed-in user, when the token is neither revoked nor expired at `now` and the user is active; a
            /// student's own records and a guardian's children count only with the role, as `childrenQuery` reads them.
            func user(now: Date) -> CurrentUser? {
                guard !revoked, let expires, expires > now, let first = users.first, first.isActive else { return nil }
                let grants = AuthenticationMiddleware.grants(users)
                var students = Set<UUID>()
                if grants.contains(where: { $0.role == .student }) { students.formUnion(own) }
                if grants.contains(where: { $0.role == .guardian }) { students.formUnion(guarded) }
                return AuthenticationMiddleware.make(
                    users, grants: grants, students: students, sessionID: nil, csrf: nil, viaToken: true)
            }
        }
    }

    static func load(userID: UUID, on db: any Database, sessionID: UUID?, csrf: String?, viaToken: Bool) async throws
        -> CurrentUser?
    {
        let rows = try await db.sql().raw(
            """
            SELECT \(unsafeRaw: userColumns) FROM users u LEFT JOIN role_assignments r ON r.user_id = u.id WHERE u.id
              = \(bind: userID)
            """
        ).all()
        return try await make(rows.map(UserRoleRow.init), on: db, sessionID: sessionID, csrf: csrf, viaToken: viaToken)
    }

    static let userColumns = """
        u.id AS u_id, u.username AS u_username, u.full_name AS u_full_name, u.is_active AS u_active,
          u.must_change_password AS u_must_change,
        r.role AS r_role, r.municipality_id AS r_muni, r.organization_id AS r_org, r.valid_from AS r_from, r.valid_to
          AS r_to
        """

    /// A row of one user joined with one of the user's roles (or with none).
    struct UserRoleRow: Sendable {
        var userID: UUID, username: String, fullName: String, isActive: Bool, mustChangePassword: Bool
        var role: String?, municipalityID: UUID?, organizationID: UUID?, validFrom: Date?, validTo: Date?

        init(_ r: any SQLRow) throws {
            userID = try r.decode(column: "u_id", as: UUID.self)
            username = try r.decode(column: "u_username", as: String.self)
            fullName = try r.decode(column: "u_full_name", as: String.self)
            isActive = try r.decode(column: "u_active", as: Bool.self)
            mustChangePassword = try r.decode(column: "u_must_change", as: Bool.self)
            role = try r.decode(column: "r_role", as: String?.self)
            municipalityID = try r.decode(column: "r_muni", as: UUID?.self)
            organizationID = try r.decode(column: "r_org", as: UUID?.self)
            validFrom = try r.decode(column: "r_from", as: Date?.self)
            validTo = try r.decode(column: "r_to", as: Date?.self)
        }

        /// From a raw row whose `userColumns` start at column `from`.
        init(_ r: some PositionalRow, from i: Int32) {
            userID = r.uuid(i) ?? UUID()
            username = r.text(i + 1)
            fullName = r.text(i + 2)
            isActive = r.bool(i + 3)
            mustChangePassword = r.bool(i + 4)
            role = r.optionalText(i + 5)
            municipalityID = r.uuid(i + 6)
            organizationID = r.uuid(i + 7)
            validFrom = r.date(i + 8)
            validTo = r.date(i + 9)
        }
    }

    static func grants(_ rows: [UserRoleRow]) -> [RoleGrant] {
        rows.compactMap { r in
            guard let raw = r.role, let role = Role(rawValue: raw), let municipalityID = r.municipalityID else {
                return nil
            }
            let scope: GrantScope =
                r.organizationID.map { .organization($0, municipalityID: municipalityID) }
                ?? .municipality(municipalityID)
            return RoleGrant(role: role, scope: scope, validFrom: r.validFrom, validTo: r.validTo)
        }
    }

    /// Own student records (a student) and the children the user is an active guardian of (a guardian), in one query.
    static func childrenQuery(userID: UUID, grants: [RoleGrant]) -> SQLQueryString? {
        var parts: [SQLQueryString] = []
        if grants.contains(where: { $0.role == .student }) {
            parts.append("SELECT id AS sid FROM students WHERE user_id = \(bind: userID)")
        }
        if grants.contains(where: { $0.role == .guardian }) {
            parts.append(
                "SELECT student_id AS sid FROM guardians WHERE user_id = \(bind: userID) AND status = "
                    + "\(bind: RecordStatus.active.rawValue)"
            )
        }
        return parts.isEmpty ? nil : parts.joined(separator: " UNION ")
    }

    /// Builds the signed-in user from rows of one user joined with the user's roles (a row per role, or one with none).
    static func make(_ rows: [UserRoleRow], on db: any Database, sessionID: UUID?, csrf: String?, viaToken: Bool)
        async throws -> CurrentUser?
    {
        guard let first = rows.first, first.isActive else { return nil }
        let grants = grants(rows)
        var students = Set<UUID>()
        if let q = childrenQuery(userID: first.userID, grants: grants) {
            students = Set(try await db.sql().raw(q).all().map { try $0.decode(column: "sid", as: UUID.self) })
        }
        return make(rows, grants: grants, students: students, sessionID: sessionID, csrf: csrf, viaToken: viaToken)
    }

    static func make(
        _ rows: [UserRoleRow], grants: [RoleGrant], students: Set<UUID>, sessionID: UUID?, csrf: String?, viaToken: Bool
    ) -> CurrentUser? {
        guard let first = rows.first, first.isActive else { return nil }
        let actor = Actor(userID: first.userID, username: first.username, grants: grants, students: students)
        // Sorted, so «the user's municipality» is the same one on every request.
        let municipalityIDs = Set(actor.activeGrants(at: Date()).map(\.scope.municipalityID)).sorted {
            $0.uuidString < $1.uuidString
        }
        return CurrentUser(
            userID: first.userID, username: first.username, fullName: first.fullName, actor: actor,
            municipalityIDs: municipalityIDs, sessionID: sessionID, csrfToken: csrf, viaToken: viaToken,
            mustChangePassword: first.mustChangePassword)
    }
}
