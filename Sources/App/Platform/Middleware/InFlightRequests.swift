import NIOConcurrencyHelpers
import Vapor

/// The requests being handled, so that shutdown waits for them before the databases and the SQLite writer close. On a
/// stop (SIGTERM from a load balancer's rolling restart) the HTTP server waits up to its shutdown timeout for open
/// connections, then the application shuts down its storage; a handler still running — a slow page under load, a
/// queued download — then found no database and crashed the process in Fluent's `req.db` (seen in the page
/// benchmark's 200-connection runs). The first middleware counts every request; the lifecycle handler, shut down before
/// the storage, waits until none is left, at most `limit`.
final class InFlightRequests: AsyncMiddleware, LifecycleHandler, Sendable {
    private let count = NIOLockedValueBox(0)
    let limit: Duration

    init(limit: Duration = .seconds(60)) { self.limit = limit }

    struct Key: StorageKey {
        typealias Value = InFlightRequests
    }

    /// Requests being handled now.
    var current: Int { count.withLockedValue { $0 } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        count.withLockedValue { $0 += 1 }
        defer { count.withLockedValue { $0 -= 1 } }
        return try await next.respond(to: request)
    }

    func shutdownAsync(_ application: Application) async {
        let deadline = ContinuousClock.now.advanced(by: limit)
        while current > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if current > 0 {
            application.logger.warning("Shutting down with \(current) requests still being handled")
        }
    }
}
