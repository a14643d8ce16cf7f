import Domain
import Foundation

/// The guardian's agreement under an application: a checkbox naming the signed-in guardian, dated when sent.
public struct ApplicationAgreementForm: Sendable {
    public var action: String, name: String, student: String

    public init(action: String, name: String, student: String) {
        self.action = action
        self.name = name
        self.student = student
    }

    public static let mock = ApplicationAgreementForm(
        action: "/applications/00000000-0000-0000-0000-000000000001/agree", name: "Ёлкина Ольга Петровна",
        student: "Ёлкин Артём Ильич")

    /// The application's page (`MyApplicationsPage.single`, rendered) with the form under its panel.
    public func below(_ page: String, csrf: String) -> String {
        page.replacingOccurrences(of: "</main>", with: render(csrf: csrf) + "</main>")
    }

    /// The form's HTML, to put under the application's panel.
    public func render(csrf: String) -> String {
        fragment {
            el("form", .cls("stacked panel no-print"), .id("agree"), Attr("method", "post"), Attr("action", action)) {
                el("input", .type("hidden"), .name("_csrf"), .value(csrf))
                el("h2") { "Согласие родителя (законного представителя)" }
                el("label", .cls("check")) {
                    el("input", .type("checkbox"), .name("agree"), .value("yes"))
                    "Я, \(name), согласен(на) с индивидуальным учебным планом: \(student)"
                }
                el("div", .cls("actions")) { UI.submit("Дать согласие") }
            }
        }.render()
    }
}
