import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The signed-in users of the matrix: a browser signed in through the login form for pages, an API token for `/api`.
struct MatrixClient {
    var browser: Browser
    let token: String

    static func signIn(_ app: Application, _ role: MatrixRole) async throws -> MatrixClient {
        var browser = Browser(app)
        let login = try await browser.login(role.username, password: World.password)
        #expect(login.status == .seeOther, "\(role) signs in")
        let token = try await apiToken(app, role.username, password: World.password)
        return MatrixClient(browser: browser, token: token)
    }

    /// Sends the route with the path given: a page with the session (a form with its CSRF token), an API call with
    /// the token and an empty JSON object as its body.
    mutating func send(_ route: MatrixRoute, path: String) async throws -> (status: HTTPStatus, body: String) {
        if route.isAPI {
            var client = Browser(browser.app)
            var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            if route.isWrite { headers.replaceOrAdd(name: .contentType, value: "application/json") }
            let res = try await client.send(route.method, path, headers: headers, raw: route.isWrite ? "{}" : nil)
            return (res.status, res.body.string)
        }
        let res =
            route.isWrite
            ? try await browser.send(route.method, path, form: ["_csrf": browser.csrf])
            : try await browser.send(route.method, path)
        return (res.status, res.body.string)
    }
}

/// Every row of every table the requests could change, by table (sessions and login failures left out: every request
/// touches its session), read with one statement on SQLite and PostgreSQL alike.
struct MatrixDigest: Equatable {
    let rows: [String: [String]]

    static func statement(_ app: Application) async throws -> String {
        let sql = try #require(app.db as? any SQLDatabase)
        var columns: [(table: String, column: String)] = []
        if sql.dialect.name == "postgresql" {
            for row in try await sql.raw(
                """
                SELECT table_name AS t, column_name AS c FROM information_schema.columns
                WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
                """
            ).all() {
                columns.append(
                    (try row.decode(column: "t", as: String.self), try row.decode(column: "c", as: String.self)))
            }
        } else {
            let tables = try await sql.raw(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            ).all().map { try $0.decode(column: "name", as: String.self) }
            for table in tables {
                for row in try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all() {
                    columns.append((table, try row.decode(column: "name", as: String.self)))
                }
            }
        }
        let skipped: Set<String> = ["user_sessions", "login_failures", "_fluent_migrations"]
        let byTable = Dictionary(grouping: columns.filter { !skipped.contains($0.table) }, by: \.table)
        return byTable.keys.sorted().map { table in
            let values = byTable[table, default: []].map { "COALESCE(CAST(\"\($0.column)\" AS TEXT), '~')" }
            return "SELECT '\(table)' AS t, " + values.joined(separator: " || '|' || ") + " AS r FROM \"\(table)\""
        }.joined(separator: " UNION ALL ")
    }

    static func read(_ app: Application, statement: String) async throws -> MatrixDigest {
        let sql = try #require(app.db as? any SQLDatabase)
        var rows: [String: [String]] = [:]
        for row in try await sql.raw(SQLQueryString(statement)).all() {
            rows[try row.decode(column: "t", as: String.self), default: []].append(
                try row.decode(column: "r", as: String.self))
        }
        return MatrixDigest(rows: rows.mapValues { $0.sorted() })
    }

    /// The tables whose rows differ.
    func changed(from other: MatrixDigest) -> [String] {
        Set(rows.keys).union(other.rows.keys).filter { rows[$0] != other.rows[$0] }.sorted()
    }
}
