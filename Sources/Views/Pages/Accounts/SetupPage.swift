import Domain
import Foundation

/// First start without demo data: create the first administrator with the token from the log.
public struct SetupPage: Sendable {
    public var values: [String: String]
    public var errors: FieldErrors
    public var reason: String?

    public init(values: [String: String] = [:], errors: FieldErrors = FieldErrors(), reason: String? = nil) {
        self.values = values
        self.errors = errors
        self.reason = reason
    }

    public static let mock = SetupPage(values: ["municipality": "Городской округ Заречный"])

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Первый запуск") {
            el("h1") { "Первый запуск: администратор" }
            el("p") {
                "База данных пуста. Создайте учётную запись администратора органа управления образованием. Одноразовый "
                    + "код установки напечатан в журнале команды «setka serve»."
            }
            el("form", .cls("stacked"), Attr("method", "post"), Attr("action", SiteURL.setup.path)) {
                Layout.csrf(ctx)
                UI.formError(reason)
                UI.textField("token", "Код установки", value: values["token"], errors: errors, required: true)
                UI.textField(
                    "municipality", "Муниципалитет", value: values["municipality"], errors: errors, required: true,
                    hint: "Например: Городской округ Заречный")
                UI.textField(
                    "authority", "Орган управления образованием", value: values["authority"], errors: errors,
                    required: true,
                    hint: "Например: Управление образования администрации городского округа")
                UI.textField(
                    "fullName", "Ваши фамилия, имя, отчество", value: values["fullName"], errors: errors, required: true
                )
                UI.textField(
                    "username", "Имя пользователя", value: values["username"], errors: errors, required: true,
                    autocomplete: "username")
                UI.textField(
                    "password", "Пароль", value: nil, errors: errors, type: "password", required: true,
                    hint: "Не короче 10 символов.", autocomplete: "new-password")
                UI.submit("Создать администратора")
            }
        }
    }
}
