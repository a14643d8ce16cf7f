import Foundation

/// The Russian page shown for 403, 404, 500 and other errors.
public struct ErrorPage: Sendable {
    public var status: Int
    public var message: String

    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    public var title: String {
        switch status {
        case 400: "Неверный запрос"
        case 401: "Нужно войти"
        case 403: "Доступ запрещён"
        case 404: "Страница не найдена"
        case 409: "Конфликт изменений"
        case 429: "Слишком много попыток"
        case 500...: "Ошибка на сервере"
        default: "Ошибка"
        }
    }

    public static let mock = ErrorPage(status: 404, message: "Запись не найдена.")

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: title) {
            el("h1") { title }
            el("p") { message }
            el("p") { el("a", .href(SiteURL.home.path)) { "На главную" } }
        }
    }
}
