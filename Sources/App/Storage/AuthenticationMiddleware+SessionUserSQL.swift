import Domain
import Fluent
import SQLKit
import Vapor

extension AuthenticationMiddleware {
    /// The session with its user and the user's roles (a row per role, or one with none; `kind` NULL), then the student
    /// records of the user (`kind` «student») and the children the user is an active guardian of («guardian»): every
    /// page a signed-in user opens starts here, so it is one statement, as an API token's (`TokenUser`).
    enum SessionUser: PreparedSQL {
        static let sql = """
            SELECT s.id AS s_id, s.csrf_token AS s_csrf, s.created_at AS s_created, s.last_seen_at AS s_seen,
              \(userColumns), NULL AS kind, NULL AS child
            FROM user_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN role_assignments r ON r.user_id = u.id
            WHERE s.token_hash = ?
            \(childrenRows(of: "user_sessions", columnsBefore: 4))
            """

        /// The same binds as a token's statement: the hash for the user rows, then the children's (`childrenRows`).
        static func binds(_ tokenHash: String) -> [DBValue] { TokenUser.binds(tokenHash) }

        /// The session as stored, and its user when active.
        struct Loaded: Sendable {
            var sessionID: UUID
            var createdAt: Date
            var lastSeenAt: Date
            var user: CurrentUser?
        }

        /// The statement's rows, in whatever order they come: the session's columns ride on the first user row.
        struct Rows {
            var read = UserRows(), session: (id: UUID, csrf: String, created: Date, seen: Date)?

            mutating func add(_ row: some NamedRow) {
                if read.add(row), let id = row.uuid("s_id"), let created = row.date("s_created"),
                    let seen = row.date("s_seen")
                {
                    session = (id, row.text("s_csrf"), created, seen)
                }
            }

            var loaded: Loaded? {
                session.map {
                    Loaded(
                        sessionID: $0.id, createdAt: $0.created, lastSeenAt: $0.seen,
                        user: read.user(sessionID: $0.id, csrf: $0.csrf, viaToken: false))
                }
            }
        }
    }

    /// The session of a cookie, with its user: one statement, in one job of the raw SQLite readers (`SQLiteReader`) or
    /// on one raw PostgreSQL connection (`RawPostgres`, kept planned); nil when there is no such session.
    static func load(sessionHash: String, req: Request) async throws -> SessionUser.Loaded? {
        let binds = SessionUser.binds(sessionHash)
        if let reader = req.application.sqliteReader {
            return try await reader.read(snapshot: false) { connection in
                var rows = SessionUser.Rows()
                try connection.run(SessionUser.sql, binds) { rows.add($0) }
                return rows.loaded
            }
        }
        let loaded = try await req.application.withRawPostgres { pg -> SessionUser.Loaded? in
            var rows = SessionUser.Rows()
            for row in try await pg.rows(SessionUser.self, binds) { rows.add(row) }
            return rows.loaded
        }
        return loaded ?? nil
    }
}
