import Domain
import Foundation

/// «Мои заявки»: the applications of a student's or a guardian's children, and the open campaigns to apply to.
public struct MyApplicationsPage: Sendable {
    /// An open campaign a student may apply to (`givenName`: the child's, when the guardian has several).
    public struct Open: Sendable {
        public var campaign: String, givenName: String?, url: String
        public init(campaign: String, givenName: String?, url: String) {
            self.campaign = campaign
            self.givenName = givenName
            self.url = url
        }
    }

    public var open: [Open], applications: [ApplicationPanel]

    public init(open: [Open], applications: [ApplicationPanel]) {
        self.open = open
        self.applications = applications
    }

    public static let mock = MyApplicationsPage(
        open: [Open(campaign: "Дополнительный набор", givenName: "Артём", url: "/applications/new")],
        applications: [.mock])

    /// The page the controller renders.
    public var page: ApplicationsPage {
        ApplicationsPage(
            title: "Мои заявки", crumbs: [],
            intro: "Индивидуальный учебный план (ИУП): сетевые курсы по приоритету, согласие родителя и подтверждение "
                + "школы.",
            open: open.map { ("Подать заявку: \($0.campaign)" + ($0.givenName.map { " — \($0)" } ?? ""), $0.url) },
            panels: applications.map { $0.panel(linkTitle: true) },
            emptyText: open.isEmpty
                ? "Заявок нет, и сейчас нет открытых кампаний записи."
                : "Заявок пока нет: подайте заявку в открытой кампании.")
    }

    /// One application's own page, to read and print (`campaign`: its campaign's title).
    public static func single(_ application: ApplicationPanel) -> ApplicationsPage {
        ApplicationsPage(
            title: "ИУП: \(application.student)", crumbs: [Crumb("Заявки (ИУП)", "/applications")],
            intro: application.campaign, open: [], panels: [application.panel(linkTitle: false)], emptyText: "",
            printable: true)
    }

    /// The trail above an application's document.
    public static func documentCrumbs(student: String, url: String) -> [Crumb] {
        [Crumb("Заявки (ИУП)", "/applications"), Crumb("ИУП: \(student)", url)]
    }

    /// The trail above a school–centre contract.
    public static let contractCrumbs = [Crumb("Записи в группы", "/enrollments")]
}
