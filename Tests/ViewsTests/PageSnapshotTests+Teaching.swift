@testable import Views

/// Pages of enrollment, the timetable, the journal, assessment, certificates, orders and coverage (their mocks,
/// rendered and compared with `Snapshots/`).
extension PageSnapshotTests {
    static let teachingPages: [(name: String, html: String)] = [
        // Enrollment
        ("GroupListPage", GroupListPage.mock.list.render(signedIn)),
        ("GroupCardPage", GroupCardPage.mock.card.render(signedIn)),
        ("GroupFormPage", GroupFormPage.mock.form.render(signedIn)),
        ("GroupEnrollSearchPage", GroupEnrollSearchPage.mock.list.render(signedIn)),
        ("GroupWithdrawPage", GroupWithdrawPage.mock.form.render(signedIn)),
        ("EnrollmentsPage", EnrollmentsPage.mock.list.render(signedIn)),
    ]
}
