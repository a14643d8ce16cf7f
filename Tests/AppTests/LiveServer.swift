@testable import App
import Fluent
import SQLKit
import Testing
import Vapor
import AsyncHTTPClient

/// Starts the application once on a free port over real HTTP (`DESIGN.md`: Vapor's running mode restarts the server per
/// request, so concurrency tests start it themselves). On SQLite the database is a throwaway WAL file with the writer, as `serve` uses.
func withLiveApp(_ body: (Application, Int) async throws -> Void) async throws {
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
        _ = try await DemoData.load(app)
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
    let t = ApiToken()
    t.tokenHash = Secrets.sha256(raw)
    t.$user.id = try user.requireID()
    t.name = "test"
    t.createdAt = Date()
    t.expiresAt = Date().addingTimeInterval(3600)
    try await t.create(on: app.db)
    return raw
}

/// A client that really opens many connections at once (AsyncHTTPClient's default is 8 per host).
func burstClient(connections: Int = 100) -> HTTPClient {
    var config = HTTPClient.Configuration()
    config.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
}
