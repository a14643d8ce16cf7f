import Domain
import Foundation

public struct LoginPage: Sendable {
    public var username: String
    public var error: String?
    public var next: String?

    public init(username: String = "", error: String? = nil, next: String? = nil) {
        self.username = username
        self.error = error
        self.next = next
    }

    public static let mock = LoginPage(username: "kmc", error: "Неверное имя пользователя или пароль.")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Вход") {
            el("div", .cls("login")) {
                el("h1") { "Вход в «Сетку»" }
                el("form", .cls("stacked"), Attr("method", "post"), Attr("action", SiteURL.login.path)) {
                    Layout.csrf(ctx)
                    if let next { UI.hidden("next", next) }
                    UI.formError(error)
                    UI.textField(
                        "username", "Имя пользователя", value: username, errors: FieldErrors(),
                        required: true, autocomplete: "username")
                    UI.textField(
                        "password", "Пароль", value: nil, errors: FieldErrors(), type: "password",
                        required: true, autocomplete: "current-password")
                    UI.submit("Войти")
                }
            }
        }
    }
}
