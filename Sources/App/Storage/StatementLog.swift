import Logging
import NIOConcurrencyHelpers
import Vapor

/// Counts the SQL statements that reach the database, for the statements-per-page test (issue 20): off unless a test
/// switches it on (`start(on:)`), and then every statement is counted at the one place it leaves the app for a driver.
/// SQLite's own trace is compiled out of sqlite-nio's SQLite (`SQLITE_OMIT_TRACE`), so the count is taken at the app's
/// choke points instead:
/// - Fluent's statements (models, `db.sql()`, transactions' BEGIN/COMMIT) are the «Executing query» messages SQLKit
///   logs at `sqlLogLevel` on the request's logger, which `start(on:)` wraps with a counting handler;
/// - the raw paths of `Storage/` count their own: `RawSQLite`'s one `sqlite3_step` loop, `RawPostgres`'s query and
///   prepared-statement calls, `PostgresCopy`'s COPY. `StatementChokePointTests` fails if a driver call appears
///   anywhere else in the sources.
/// The count belongs to the application under test as a whole; the AppTests suites run one at a time and the test sends
/// one request at a time, so the difference around a request is that request's statements.
enum StatementLog {
    /// nil while counting is off (always, outside the test).
    private static let counted = NIOLockedValueBox<Int?>(nil)

    /// One statement sent to the database (a no-op unless counting is on).
    static func record() {
        counted.withLockedValue { count in
            if let now = count { count = now + 1 }
        }
    }

    /// The statements counted since `start(on:)`.
    static var count: Int { counted.withLockedValue { $0 ?? 0 } }

    /// Switches counting on for `app` (its logger, so every request's and `app.db`'s Fluent statements) from zero.
    static func start(on app: Application) {
        if !(app.logger.handler is CountingLogHandler) {
            let inner = app.logger.handler
            app.logger = Logger(label: app.logger.label) { _ in CountingLogHandler(inner: inner) }
        }
        counted.withLockedValue { $0 = 0 }
    }

    /// Switches counting off.
    static func stop() {
        counted.withLockedValue { $0 = nil }
    }

    /// The message SQLKit's drivers log for each statement they send (sqlite-kit's and postgres-kit's
    /// `queryLogLevel`, set by `configure` as `sqlLogLevel: .debug`).
    static let queryMessage = "Executing query"
}

/// A log handler that counts SQLKit's «Executing query» messages and passes on to `inner` only what `inner`'s level
/// lets through.
struct CountingLogHandler: LogHandler {
    var inner: any LogHandler

    var logLevel: Logger.Level {
        get { min(inner.logLevel, .debug) }
        set { inner.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        if event.metadata?["sql"] != nil, event.message.description == StatementLog.queryMessage {
            StatementLog.record()
        }
        if event.level >= inner.logLevel { inner.log(event: event) }
    }
}
