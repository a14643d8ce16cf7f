@testable import Views

/// Pages of enrollment, the timetable, the journal, assessment, certificates, orders and coverage (their mocks,
/// rendered and compared with `Snapshots/`).
extension PageSnapshotTests {
    static let teachingPages: [(name: String, html: String)] = []
}
