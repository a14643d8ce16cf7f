import Foundation
import Testing

@testable import Views

/// Every page rendered from its mock and compared with the text stored in `Snapshots/` (a tag a line), so that a
/// change to what a page shows is seen in review: a page's title and its `<main>`; the layout around it (header, menu,
/// footer) once, as `Layout.html`. A missing snapshot is written and the test fails; to accept changed pages run
/// `SETKA_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests` and review the diff.
@Suite struct PageSnapshotTests {
    static let signedIn = PageContext.mock
    static let anonymous = PageContext()

    static let pages: [(name: String, html: String)] = corePages + peoplePages + teachingPages

    static let corePages: [(name: String, html: String)] = [
        ("Layout", ProfilePage.mock.render(signedIn)),
        ("ErrorPage", ErrorPage.mock.render(signedIn)),
        ("LoginPage", LoginPage.mock.render(anonymous)),
        ("SetupPage", SetupPage.mock.render(anonymous)),
        ("HomePage", HomePage.mock.render(anonymous)),
        ("StartPage", StartPage.mock.render(signedIn)),
        ("JournalIndexPage", JournalIndexPage.mock.render(signedIn)),
        ("ProfilePage", ProfilePage.mock.render(signedIn)),
        ("PasswordPage", PasswordPage.mock.render(signedIn)),
        ("OrganizationListPage", OrganizationListPage.mock.render(signedIn)),
        ("OrganizationCard", OrganizationCard.mock.render(signedIn)),
        ("OrganizationForm", OrganizationForm.mock.render(signedIn)),
        ("ConfirmPage", ConfirmPage.mock.render(signedIn)),
        ("NoticePage", NoticePage.mock.render(signedIn)),
        ("AuditPage", AuditPage.mock.render(signedIn)),
        ("DocumentPage", DocumentPage.mock.render(signedIn)),
        ("RegistryList", RegistryList.mock.render(signedIn)),
        ("RegistryCard", RegistryCard.mock.render(signedIn)),
        ("RegistryForm", RegistryForm.mock.render(signedIn)),
        ("CatalogPage", CatalogPage.mock.render(anonymous)),
        ("ChildrenPage", ChildrenPage.mock.render(signedIn)),
        ("StudentImportStartPage", StudentImportStartPage.mock.render(signedIn)),
        ("StudentImportBatchPage", StudentImportBatchPage.mock.render(signedIn)),
        ("EnrollmentListPage", EnrollmentListPage.mock.render(signedIn)),
        ("ApplicationsPage", ApplicationsPage.mock.render(signedIn)),
        ("WeekPage", WeekPage.mock.render(signedIn)),
        ("MonthSchedulePage", MonthSchedulePage.mock.render(anonymous)),
        ("LessonJournalPage", LessonJournalPage.mock.render(signedIn)),
        ("GroupJournalPage", GroupJournalPage.mock.render(signedIn)),
        ("TeacherHoursPage", TeacherHoursPage.mock.render(signedIn)),
        ("ResultsPage", ResultsPage.mock.render(signedIn)),
        ("DiagnosticsPage", DiagnosticsPage.mock.render(signedIn)),
        ("ScoresPage", ScoresPage.mock.render(signedIn)),
        ("CertificatePrintPage", CertificatePrintPage.mock.render(signedIn)),
        ("VerifyPage", VerifyPage.mock.render(anonymous)),
        ("APIDocsPage", APIDocsPage.mock.render(anonymous)),
    ]

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    /// A tag a line, so that a diff names the element that changed.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "><", with: ">\n<") + "\n"
    }

    /// The layout around a page: everything but what its `<main>` holds (that is the page's own snapshot).
    static func chrome(_ html: String) -> String {
        guard let main = html.range(of: "<main"), let open = html[main.upperBound...].range(of: ">"),
            let mainEnd = html.range(of: "</main>", options: .backwards)
        else { return html }
        return String(html[..<open.upperBound]) + "…" + String(html[mainEnd.lowerBound...])
    }

    /// The page's own part: its title and its `<main>` element.
    static func content(_ html: String) -> String {
        guard let title = html.range(of: "<title>"), let titleEnd = html.range(of: "</title>"),
            let main = html.range(of: "<main"), let mainEnd = html.range(of: "</main>", options: .backwards)
        else { return html }
        return String(html[title.lowerBound..<titleEnd.upperBound]) + String(html[main.lowerBound..<mainEnd.upperBound])
    }

    @Test(arguments: pages.map(\.name))
    func pageMatchesItsSnapshot(name: String) throws {
        let html = try #require(Self.pages.first { $0.name == name }?.html)
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"ru\">") && html.hasSuffix("</html>"))
        let rendered = Self.text(name == "Layout" ? Self.chrome(html) : Self.content(html))
        let file = Self.folder.appendingPathComponent(name + ".html")
        let record = ProcessInfo.processInfo.environment["SETKA_RECORD_SNAPSHOTS"] == "1"
        guard !record, let stored = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Snapshot \(name).html written; review it and run the tests again.")
            return
        }
        #expect(rendered == stored, "\(name) differs from Snapshots/\(name).html")
    }

    @Test func everyPageHasASnapshotAndEverySnapshotAPage() throws {
        let stored = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }
        #expect(Set(stored) == Set(Self.pages.map(\.name)))
        #expect(Self.pages.count == Set(Self.pages.map(\.name)).count)
    }
}
