import Domain
import Foundation

/// The second page of «Выдать сертификаты»: who gets a number and who does not, and why, before anything is issued
/// (numbers are given in a row without gaps: an issued certificate is only ever annulled, never taken back).
public struct IssueCertificatesPage: Sendable {
    /// A student who gets a certificate now.
    public struct Eligible: Sendable {
        public var name: String, percent: Int
        public init(name: String, percent: Int) {
            self.name = name
            self.percent = percent
        }
    }
    /// A student who gets none now, with the reason (or the certificate they already have).
    public struct Refused: Sendable {
        public var name: String, reason: String
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    public var groupName: String
    public var groupURL: String
    public var eligible: [Eligible]
    public var refused: [Refused]
    /// Why nothing can be issued yet (the course or its journal not finished), shown instead of the form.
    public var blocked: String?

    public init(groupName: String, groupURL: String, eligible: [Eligible], refused: [Refused], blocked: String?) {
        self.groupName = groupName
        self.groupURL = groupURL
        self.eligible = eligible
        self.refused = refused
        self.blocked = blocked
    }

    public static let mock = IssueCertificatesPage(
        groupName: "Робототехника-7", groupURL: "/groups/x",
        eligible: [Eligible(name: "Ёлкин Артём Ильич", percent: 90)],
        refused: [
            Refused(name: "Шмелёв Пётр Олегович", reason: "посещено меньше 75 % часов"),
            Refused(name: "Берестова Алина Игоревна", reason: "уже выдан сертификат № СЕТ-2026-00123"),
        ], blocked: nil)

    public func render(_ ctx: PageContext) -> String {
        let title = CertificatesWords.Issue.title(groupName)
        let back = groupURL + "/certificates"
        return Layout.page(
            ctx, title: title,
            crumbs: [
                Crumb("Группы", SiteURL.list(.groups).path), Crumb(groupName, groupURL),
                Crumb(CertificatesWords.groupTitle(groupName), back), Crumb(title),
            ]
        ) {
            el("h1") { title }
            el("h2") { CertificatesWords.Issue.eligibleHeading(eligible.count) }
            if eligible.isEmpty {
                UI.empty(CertificatesWords.Issue.nobody)
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Обучающийся" }
                            el("th") { "Посещаемость" }
                        }
                    }
                    el("tbody") {
                        for student in eligible {
                            el("tr") {
                                el("td") { student.name }
                                el("td") { "\(student.percent) %" }
                            }
                        }
                    }
                }
            }
            el("h2") { CertificatesWords.Issue.refusedHeading(refused.count) }
            if refused.isEmpty {
                UI.empty(CertificatesWords.Issue.everyone)
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Обучающийся" }
                            el("th") { "Почему нет" }
                        }
                    }
                    el("tbody") {
                        for student in refused {
                            el("tr") {
                                el("td") { student.name }
                                el("td") { student.reason }
                            }
                        }
                    }
                }
            }
            if let blocked {
                el("div", .cls("warning"), Attr("role", "status")) { blocked }
                el("p") { el("a", .href(back)) { CertificatesWords.Issue.back } }
            } else if eligible.isEmpty {
                el("p") { el("a", .href(back)) { CertificatesWords.Issue.back } }
            } else {
                el("form", .cls("stacked"), Attr("method", "post"), Attr("action", back)) {
                    Layout.csrf(ctx)
                    UI.hidden("confirm", "yes")
                    el("p") { el("strong") { CertificatesWords.Issue.question(eligible.count) } }
                    el("p") { CertificatesWords.Issue.consequence }
                    el("div", .cls("actions")) {
                        el("button", .type("submit"), .cls("primary")) {
                            CertificatesWords.Issue.button(eligible.count)
                        }
                        el("a", .href(back)) { "Отмена" }
                    }
                }
            }
        }
    }
}
