import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import SQLiteShim
import Vapor

/// Sets up databases, migrations, middleware, routes and commands.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.setkaConfig = config
    // Every SQLite connection reads the file through a memory map (a page table, not a copy from the kernel's cache
    // into each connection's two-megabyte page cache: a tenth of a region's start page, issue 20). Takes effect only
    // before SQLite's first use in the process.
    if config.sqlitePath != nil { _ = setka_sqlite_default_mmap(SQLiteMemoryMap.size) }
    app.storage[SetupTokenKey.self] = SetupTokenBox()
    app.storage[WriteGateKey.self] = WriteGate()
    app.storage[VerifyThrottleKey.self] = VerifyThrottle()
    switch config.database {
    case .sqliteFile(let path):
        // Several connections per event loop: with WAL, readers go on while the one writer (behind the write gate)
        // writes.
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 4, sqlLogLevel: .debug), as: .sqlite)
    case .sqliteTemporary(let path):
        // sqlite-kit keeps an "in-memory" database in a temporary file anyway (its SQLite has no shared cache); a file
        // of
        // our own lets the writer open it too. Removed when the application stops.
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        let pg = try SQLPostgresConfiguration(url: url)
        // Eight connections per event loop (16 on two cores): requests wait on each other's transactions, not on the
        // pool.
        app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: 8, sqlLogLevel: .debug), as: .psql)
    }
    if let path = config.sqlitePath {
        // WAL lets readers work while one writer writes (DESIGN.md: SQLite writes).
        _ = try await (app.db as? any SQLDatabase)?.raw("PRAGMA journal_mode=WAL").all()
        app.storage[SQLiteWriterKey.self] = try SQLiteWriter(path: path, gate: app.storage[WriteGateKey.self]!)
        app.storage[SQLiteReaderKey.self] = try SQLiteReader(path: path)
        app.lifecycle.use(SQLiteWriterLifecycle(temporaryFile: config.database == .sqliteTemporary(path) ? path : nil))
    }
    app.databases.middleware.use(StudentRegistryNumberMiddleware())
    app.databases.middleware.use(SearchKeyMiddleware<StudyGroup>())
    app.databases.middleware.use(SearchKeyMiddleware<Certificate>())
    app.databases.middleware.use(OlympiadSubjectsSeed())
    app.migrations.add(SetkaMigrations.all)
    app.fluent.migrationLogLevel = .debug

    app.middleware = Middlewares()
    // Registered after the SQLite writer's lifecycle, so shut down before it: the storage closes only when no request
    // is left.
    let inFlight = InFlightRequests()
    app.middleware.use(inFlight)
    app.lifecycle.use(inFlight)
    app.storage[InFlightRequests.Key.self] = inFlight
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(SetkaErrorMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.routes.defaultMaxBodySize = "2mb"

    try routes(app)
    app.asyncCommands.use(SetkaMigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(BenchSeedCommand(), as: "bench-seed")
    app.asyncCommands.use(BenchLoadCommand(), as: "bench-load")
    app.asyncCommands.use(BenchImportCommand(), as: "bench-import")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
}
