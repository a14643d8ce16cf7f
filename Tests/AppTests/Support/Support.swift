import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Runs `body` with a migrated application on in-memory SQLite, or on PostgreSQL when `TEST_DATABASE_URL` is set
/// (never `DATABASE_URL`). On PostgreSQL the schema is dropped and made anew, so the suites run serialised. The database
/// starts empty: a test builds what it asserts on with `World`; only `DemoSmokeTests` asks for the demo.
func withApp(demo: Bool = false, filesDirectory: String? = nil, _ body: (Application) async throws -> Void)
    async throws
{
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        var config = AppConfig.testing()
        config.filesDirectory = filesDirectory
        try await configure(app, config: config)
        if config.isPostgres, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await Migrate.run(app)
        if demo { _ = try await DemoData.load(app) }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// A tiny browser: keeps cookies and the last CSRF token seen on a page.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String = ""

    init(_ app: Application) { self.app = app }

    mutating func send(
        _ method: HTTPMethod, _ path: String, form: [String: String]? = nil, json: (any Content)? = nil,
        headers extra: HTTPHeaders = [:], raw: String? = nil, data: Data? = nil
    ) async throws -> TestingHTTPResponse {
        let cookieHeader = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        var res = try await app.testing().sendRequest(
            method, "/",
            beforeRequest: { req in
                req.url = URI(string: path)
                if !cookieHeader.isEmpty { req.headers.replaceOrAdd(name: .cookie, value: cookieHeader) }
                for (name, value) in extra { req.headers.replaceOrAdd(name: name, value: value) }
                if let form { try req.content.encode(form, as: .urlEncodedForm) }
                if let json { try req.content.encode(json, as: .json) }
                if let raw { req.body = ByteBuffer(string: raw) }
                if let data { req.body = ByteBuffer(data: data) }
            })
        for (name, value) in res.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty { cookies[name] = nil } else { cookies[name] = value.string }
        }
        // Pages are read as a reader sees them: the typographic no-break joins (`Node.escapeText`) as plain spaces
        // (ViewsTests check that they are there).
        if (res.headers.contentType?.subType ?? "") == "html",
            res.body.string.contains("&nbsp;") || res.body.string.contains("&#8288;")
        {
            res.body = ByteBuffer(
                string: res.body.string.replacingOccurrences(of: "№&nbsp;", with: "№ ").replacingOccurrences(
                    of: "&#8288;", with: ""))
        }
        let body = res.body.string
        if let range = body.range(of: "name=\"_csrf\" value=\"") {
            let rest = body[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
        return res
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse { try await send(.GET, path) }

    /// A GET on a throwaway copy, for one-off reads.
    func getting(_ path: String) async throws -> TestingHTTPResponse {
        var copy = self
        return try await copy.get(path)
    }

    /// Posts a form with the CSRF token the last page carried.
    mutating func post(_ path: String, _ form: [String: String] = [:]) async throws -> TestingHTTPResponse {
        var fields = form
        if fields["_csrf"] == nil { fields["_csrf"] = csrf }
        return try await send(.POST, path, form: fields)
    }

    /// Posts a form whose fields may repeat (a group of checkboxes), with the CSRF token the last page carried.
    mutating func post(_ path: String, values: [String: [String]]) async throws -> TestingHTTPResponse {
        var fields = values
        if fields["_csrf"] == nil { fields["_csrf"] = [csrf] }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        let body = fields.sorted { $0.key < $1.key }.flatMap { key, list in list.map { "\(encode(key))=\(encode($0))" }
        }
        .joined(separator: "&")
        return try await send(
            .POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], raw: body)
    }

    /// Posts a multipart form with a file, as a browser's file upload does (CSRF token from the last page unless
    /// given).
    mutating func upload(_ path: String, _ fields: [String: String], file: (name: String, data: Data)?) async throws
        -> TestingHTTPResponse
    {
        let boundary = "----setka-test-\(UUID().uuidString)"
        var body = Data()
        var allFields = fields
        if allFields["_csrf"] == nil { allFields["_csrf"] = csrf }
        for (key, value) in allFields.sorted(by: { $0.key < $1.key }) {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            let head =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            body.append(Data(head.utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(
            .POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], data: body)
    }

    mutating func login(_ username: String, password: String = DemoData.password) async throws -> TestingHTTPResponse {
        _ = try await get("/login")
        let res = try await post("/login", ["username": username, "password": password])
        if res.status == .seeOther { _ = try await get("/profile") }
        return res
    }
}

func orgID(_ app: Application, _ shortName: String) async throws -> UUID {
    try #require(try await Organization.query(on: app.db).filter(\.$shortName == shortName).first()?.id)
}

func apiToken(_ app: Application, _ username: String, password: String = DemoData.password) async throws -> String {
    struct Body: Content {
        var username: String
        var password: String
    }
    struct Out: Content { var token: String }
    var browser = Browser(app)
    let res = try await browser.send(.POST, "/api/v1/auth/token", json: Body(username: username, password: password))
    #expect(res.status == .created)
    return try res.content.decode(Out.self).token
}
