import Domain
import Foundation

public struct PasswordPage: Sendable {
    public var errors: FieldErrors
    /// The user signed in with a one-time code and must choose a password first.
    public var forced: Bool
    public init(errors: FieldErrors = FieldErrors(), forced: Bool = false) {
        self.errors = errors
        self.forced = forced
    }
    public static let mock = PasswordPage()

    public func render(_ ctx: PageContext) -> String {
        Layout.page(
            ctx, title: "Смена пароля", crumbs: [Crumb("Мой профиль", SiteURL.profile.path), Crumb("Смена пароля")]
        ) {
            el("h1") { "Смена пароля" }
            if forced {
                el("div", .cls("warning"), Attr("role", "status")) {
                    "Вы вошли с одноразовым кодом. Придумайте свой пароль, чтобы продолжить работу."
                }
            }
            el("form", .cls("stacked"), Attr("method", "post"), Attr("action", SiteURL.password.path)) {
                Layout.csrf(ctx)
                UI.formError(errors.isEmpty ? nil : "Пароль не изменён: проверьте поля.")
                UI.textField(
                    "current", forced ? "Одноразовый код" : "Текущий пароль", value: nil, errors: errors,
                    type: "password", required: true, autocomplete: "current-password")
                UI.textField(
                    "password", "Новый пароль", value: nil, errors: errors, type: "password", required: true,
                    hint: "Не короче 10 символов.", autocomplete: "new-password")
                UI.textField(
                    "confirm", "Новый пароль ещё раз", value: nil, errors: errors, type: "password", required: true,
                    autocomplete: "new-password")
                UI.submit("Сменить пароль")
            }
        }
    }
}
