import Domain
import Fluent
import SQLKit
import Vapor

/// Loading the signed-in user: from an API token or a session's cookie (one statement each, without Fluent, on a raw
/// connection: `TokenUser`, `SessionUser`), or by id for a calendar feed.
extension AuthenticationMiddleware {
    /// The user and roles behind an API token that is neither revoked nor expired, with the children of a student or
    /// guardian: one statement (`TokenUser`), run in one job of the raw SQLite readers (`SQLiteReader`) or on one raw
    /// PostgreSQL connection (`RawPostgres`, kept planned): every API call comes through here.
    static func load(tokenHash: String, now: Date, req: Request) async throws -> CurrentUser? {
        let binds = TokenUser.binds(tokenHash)
        if let reader = req.application.sqliteReader {
            return try await reader.read(snapshot: false) { connection in
                var rows = TokenUser.Rows()
                try connection.run(TokenUser.sql, binds) { rows.add($0) }
                return rows.user(now: now)
            }
        }
        let loaded = try await req.application.withRawPostgres { pg -> CurrentUser? in
            var rows = TokenUser.Rows()
            for row in try await pg.rows(TokenUser.self, binds) { rows.add(row) }
            return rows.user(now: now)
        }
        return loaded ?? nil
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
        return try await make(
            rows.map { UserRoleRow(SQLRowReader($0)) }, on: db, sessionID: sessionID, csrf: csrf, viaToken: viaToken)
    }

    static func grants(_ rows: [UserRoleRow]) -> [RoleGrant] {
        rows.compactMap { row in
            guard let raw = row.role, let role = Role(rawValue: raw), let municipalityID = row.municipalityID else {
                return nil
            }
            let scope: GrantScope =
                row.organizationID.map { .organization($0, municipalityID: municipalityID) }
                ?? .municipality(municipalityID)
            return RoleGrant(role: role, scope: scope, validFrom: row.validFrom, validTo: row.validTo)
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
        if let query = childrenQuery(userID: first.userID, grants: grants) {
            students = Set(try await db.sql().raw(query).all().map { try $0.decode(column: "sid", as: UUID.self) })
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
