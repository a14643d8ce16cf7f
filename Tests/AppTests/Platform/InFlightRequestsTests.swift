import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import App

extension AppTests {
    /// A stop under load: shutdown waits for the requests being handled before the databases close (a handler that
    /// then asked Fluent for its database crashed the process in the page benchmark's 200-connection runs).
    @Suite struct InFlightRequestsTests {
        struct Held: AsyncResponder {
            let released: NIOLockedValueBox<Bool>
            func respond(to request: Request) async throws -> Response {
                while !released.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
                return Response(status: .ok)
            }
        }

        @Test func shutdownWaitsUntilTheLastRequestIsAnswered() async throws {
            let app = try await Application.make(.testing)
            let inFlight = InFlightRequests(limit: .seconds(30))
            let released = NIOLockedValueBox(false)
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let handling = Task { try await inFlight.respond(to: request, chainingTo: Held(released: released)) }
            while inFlight.current == 0 { try await Task.sleep(for: .milliseconds(5)) }
            let stopping = Task { () -> Bool in
                await inFlight.shutdownAsync(app)
                return released.withLockedValue { $0 }
            }
            try await Task.sleep(for: .milliseconds(100))
            released.withLockedValue { $0 = true }
            // The stop returned only after the request was let go, and answered.
            #expect(await stopping.value)
            #expect(try await handling.value.status == .ok)
            #expect(inFlight.current == 0)
            try await app.asyncShutdown()
        }

        @Test func theAppCountsEveryRequest() async throws {
            try await withApp { app in
                let counter = try #require(app.storage[InFlightRequests.Key.self])
                app.get("in-flight-probe") { _ in "\(counter.current)" }
                var browser = Browser(app)
                #expect(try await browser.get("/in-flight-probe").body.string == "1")
                #expect(counter.current == 0)
            }
        }
    }
}
