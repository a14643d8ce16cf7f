import AsyncHTTPClient
import Fluent
import SQLKit
import Testing
import Vapor

@testable import App

/// Starts the application once on a free port over real HTTP (`DESIGN.md`: Vapor's running mode restarts the server per
/// request, so concurrency tests start it themselves). On SQLite the database is a throwaway WAL file with the writer,
/// as `serve` uses.
func withLiveApp(demo: Bool = false, _ body: (Application, Int) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        let config = AppConfig.testing()
        try await configure(app, config: config)
        if config.isPostgres, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await Migrate.run(app)
        if demo { _ = try await DemoData.load(app) }
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(app.http.server.shared.localAddress?.port)
        try await body(app, port)
    } catch {
        await app.server.shutdown()
        try? await app.asyncShutdown()
        throw error
    }
    await app.server.shutdown()
    try await app.asyncShutdown()
}

/// A bearer token made directly in the database, so no bcrypt runs while the clock matters.
func directToken(_ app: Application, username: String) async throws -> String {
    let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
    let raw = "test-token-\(UUID().uuidString)"
    let token = ApiToken()
    token.tokenHash = Secrets.sha256(raw)
    token.$user.id = try user.requireID()
    token.name = "test"
    token.createdAt = Date()
    token.expiresAt = Date().addingTimeInterval(3600)
    try await token.create(on: app.db)
    return raw
}

/// A client that really opens many connections at once (AsyncHTTPClient's default is 8 per host).
func burstClient(connections: Int = 100) -> HTTPClient {
    var config = HTTPClient.Configuration()
    config.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
}

/// The same JSON body posted `times` at once with a bearer token over real HTTP: each answer's status and body.
func burst(port: Int, _ path: String, token: String, json body: String, times: Int) async throws -> [(UInt, String)] {
    let client = burstClient()
    do {
        let answers = try await withThrowingTaskGroup(of: (UInt, String).self) { group in
            for _ in 0..<times {
                group.addTask {
                    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                    request.method = .POST
                    request.headers.add(name: "Authorization", value: "Bearer \(token)")
                    request.headers.add(name: "Content-Type", value: "application/json")
                    request.body = .bytes(ByteBuffer(string: body))
                    let response = try await client.execute(request, timeout: .seconds(30))
                    return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 16)))
                }
            }
            var all: [(UInt, String)] = []
            for try await answer in group { all.append(answer) }
            return all
        }
        try await client.shutdown()
        return answers
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// A browser over real HTTP: keeps cookies and the last CSRF token, sends forms as a browser does (a body larger than
/// the server's first read arrives as a stream, which the in-process `Browser` never shows).
struct LiveBrowser {
    let port: Int, client: HTTPClient
    var cookies: [String: String] = [:]
    var csrf = ""

    /// A client that does not follow redirects (the answer to a form is looked at as it is).
    static func client() -> HTTPClient {
        var config = HTTPClient.Configuration()
        config.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
    }

    mutating func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil) async throws -> (
        status: UInt, body: String
    ) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if !cookies.isEmpty {
            request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let form {
            var fields = form
            if fields["_csrf"] == nil { fields["_csrf"] = csrf }
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let body = fields.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }
            .joined(separator: "&")
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        for header in response.headers["set-cookie"] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1])
        }
        let body = String(buffer: try await response.body.collect(upTo: 8 << 20))
        if let range = body.range(of: "name=\"_csrf\" value=\""),
            let end = body[range.upperBound...].firstIndex(of: "\"")
        {
            csrf = String(body[range.upperBound..<end])
        }
        return (response.status.code, body)
    }

    mutating func login(_ username: String) async throws {
        _ = try await send(.GET, "/login")
        let response = try await send(.POST, "/login", form: ["username": username, "password": DemoData.password])
        #expect(response.status == 303)
    }
}
