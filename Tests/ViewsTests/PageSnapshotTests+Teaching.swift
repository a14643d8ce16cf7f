@testable import Views

/// Pages of enrollment, the timetable, the journal, assessment, certificates, orders and coverage (their mocks,
/// rendered and compared with `Snapshots/`).
extension PageSnapshotTests {
    static let teachingPages: [(name: String, html: String)] = [
        // Timetable, journal, assessment, certificates, orders, coverage
        ("GroupTimetablePage", GroupTimetablePage.mock.card.render(signedIn)),
        ("WeeklyLessonsPage", WeeklyLessonsPage.mock.form.render(signedIn)),
        ("LessonFormPage", LessonFormPage.mock.form.render(signedIn)),
        ("LessonCancelPage", LessonCancelPage.mock.form.render(signedIn)),
        ("CalendarFeedsPage", CalendarFeedsPage.mock.card.render(signedIn)),
        ("CalendarFeedNewPage", CalendarFeedNewPage.mock.form.render(signedIn)),
        ("CalendarFeedLinkPage", CalendarFeedLinkPage.mock.notice.render(signedIn)),
        ("HolidayListPage", HolidayListPage.mock.list.render(signedIn)),
        ("BusySlotListPage", BusySlotListPage.mock.list.render(signedIn)),
        ("TravelTimeListPage", TravelTimeListPage.mock.list.render(signedIn)),
        ("StudentProgressPage", StudentProgressPage.mock.card.render(signedIn)),
        ("GroupCertificatesPage", GroupCertificatesPage.mock.card.render(signedIn)),
        ("CertificateCardPage", CertificateCardPage.mock.card.render(signedIn)),
        ("CertificateAnnulPage", CertificateAnnulPage.mock.form.render(signedIn)),
        ("CertificateListPage", CertificateListPage.mock.list.render(signedIn)),
        ("CoveragePage", CoveragePage.mock.list.render(signedIn)),
        ("HeadcountFormPage", HeadcountFormPage.mock.form.render(signedIn)),
        ("DiagnosticWorkFormPage", DiagnosticWorkFormPage.mock.form.render(signedIn)),
        ("OrderListPage", OrderListPage.mock.list.render(signedIn)),
        ("OrderCardPage", OrderCardPage.mock.card.render(signedIn)),
        ("OrderNewPage", OrderNewPage.mock.form.render(signedIn)),
        ("OrderEditPage", OrderEditPage.mock.form.render(signedIn)),
        ("OrderSignPage", OrderSignPage.mock.form.render(signedIn)),
        ("OrderDeletePage", OrderDeletePage.mock.form.render(signedIn)),
        (
            "OrderDocument",
            DocumentPage(doc: OrderDocument.mock.model, crumbs: [], docxURL: "/orders/x/docx").render(signedIn)
        ),
    ]
}
