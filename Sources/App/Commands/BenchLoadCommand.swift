import AsyncHTTPClient
import Documents
import Domain
import Fluent
import NIOCore
import SQLKit
import Vapor

/// `setka bench-load --url http://127.0.0.1:8080 --requests FILE --connections 64`: sends every request of the file
/// (POST /api/v1/applications) over the given number of connections and prints throughput and latency percentiles.
struct BenchLoadCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "url") var url: String?
        @Option(name: "requests") var requests: String?
        @Option(name: "connections") var connections: Int?
    }
    var help: String {
        "Sends the benchmark enrolment requests and prints enrolments per second and latency percentiles"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let base = signature.url ?? "http://127.0.0.1:8080"
        let lines = try String(contentsOfFile: signature.requests ?? "bench-requests.tsv", encoding: .utf8).split(
            separator: "\n"
        ).map(String.init)
        let connections = signature.connections ?? 64
        var config = HTTPClient.Configuration()
        config.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        let queue = WorkQueue(lines)
        let clock = ContinuousClock()
        let started = clock.now
        let results = try await withThrowingTaskGroup(of: [(Double, UInt)].self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var out: [(Double, UInt)] = []
                    while let line = await queue.next() {
                        let parts = line.split(separator: "\t", maxSplits: 1)
                        var request = HTTPClientRequest(url: base + "/api/v1/applications")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(parts[0])")
                        request.headers.add(name: "Content-Type", value: "application/json")
                        request.body = .bytes(ByteBuffer(string: String(parts[1])))
                        let t0 = clock.now
                        let res = try await client.execute(request, timeout: .seconds(60))
                        _ = try await res.body.collect(upTo: 1 << 16)
                        let duration = clock.now - t0
                        out.append(
                            (
                                Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds)
                                    / 1e15,
                                res.status.code
                            ))
                    }
                    return out
                }
            }
            var all: [(Double, UInt)] = []
            for try await part in group { all += part }
            return all
        }
        let elapsed = clock.now - started
        try await client.shutdown()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let latencies = results.map(\.0).sorted()
        func pct(_ fraction: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))]
        }
        let byStatus = Dictionary(grouping: results, by: \.1).mapValues(\.count)
        context.console.print(
            String(
                format:
                    "requests: %d over %d connections in %.2f s — %.0f enrolments/s; latency p50 %.1f ms, p95 %.1f ms, "
                    + "p99 %.1f ms; statuses %@",
                results.count, connections, seconds, Double(results.count) / seconds, pct(0.5), pct(0.95), pct(0.99),
                byStatus.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))
    }
}
