@testable import Views

/// Pages of accounts, the registry, programmes and students (their mocks, rendered and compared with `Snapshots/`).
extension PageSnapshotTests {
    static let peoplePages: [(name: String, html: String)] = []
}
