import Domain
import Vapor
import Views

extension TokenController {
    static let operations = [
        APIOperation(
            .POST, "/auth/token", id: "createToken", area: .accounts, summary: "Получить токен",
            description: """
                Обменивает имя и пароль пользователя на токен доступа на 30 дней. Токен передаётся в заголовке \
                `Authorization: Bearer <токен>`. Неудачные попытки ограничены так же, как вход на сайт (429); \
                пользователю, которому нужно сменить одноразовый пароль, токен не выдаётся (403).
                """,
            access: .open,
            body: APIBody(
                schema: .object([
                    .field("username", .string, "Имя пользователя (логин)."), .field("password", .string, "Пароль."),
                ]), form: true),
            responses: [
                .created(
                    .named(
                        "Token",
                        .object([
                            .field("token", .string, "Токен; показывается один раз."),
                            .field("expiresAt", .dateTime, "Когда перестанет действовать."),
                        ])), "Токен выдан.")
            ],
            errors: [.unauthorized, .forbidden, .tooManyRequests])
    ]
}
