import Foundation

/// Words of the API's description: the OpenAPI document's texts and the page `/api`.
public enum APIDocsWords {
    public static let title = "API Сетки"
    public static let documentDescription = """
        JSON API Сетки: реестр, программы, группы и запись, расписание, журнал, аттестация, сертификаты, приказы. \
        Доступ — токен из `POST /api/v1/auth/token` в заголовке `Authorization: Bearer <токен>`; права те же, что \
        на сайте. Ошибки — JSON `{"error", "reason", "fields"}` с причиной по-русски; адрес, не принимающий метод, \
        отвечает 405 с заголовком `Allow`.
        """
    public static let tokenHow = """
        Токен выдаёт `POST /api/v1/auth/token` с именем и паролем пользователя (JSON или форма) или страница \
        профиля («Токены API»); действует 30 дней.
        """
    public static let pathParameter = "Идентификатор записи (UUID)."
    public static let intro =
        "Все адреса API, сгруппированные по разделам. Права те же, что на сайте: список отвечает только тем, что "
        + "пользователю можно видеть."
    public static let documentLink = "Описание OpenAPI 3.1 (JSON)"
    public static let tokenHeading = "Как получить токен"
    public static let tokenSteps = [
        "Отправьте имя и пароль пользователя на «POST /api/v1/auth/token» — ответ 201 с полем «token».",
        "Передавайте токен в каждом запросе в заголовке «Authorization: Bearer <токен>».",
        "Токен действует 30 дней; его можно выпустить и отозвать на странице профиля.",
    ]
    public static let errorsHeading = "Ошибки"
    public static let errorsText =
        "Ошибка — JSON с полями «error» (код), «reason» (причина по-русски) и «fields» (поле → что с ним не так): "
        + "400 — параметр или тело не разобраны, 401 — нет токена, 403 — нет прав, 404 — запись не найдена, "
        + "405 — метод не принимается, 409 — конфликт версий или правил, 415 — тело без типа, "
        + "422 — данные не приняты, 429 — слишком много попыток."
    public static let contents = "Разделы"
    public static let parameters = "Параметры"
    public static let body = "Тело запроса"
    public static let answers = "Ответы"
    public static let noToken = "без токена"
    public static let columns = ["Параметр", "Где", "Тип", "Описание"]
    public static let required = "обязательный"
    public static let inPath = "путь"
    public static let inQuery = "запрос"
    public static let inBody = "тело"
    public static let formToo = "JSON или форма (application/x-www-form-urlencoded)"
    public static let jsonOnly = "JSON"

    /// A schema's type as the page names it.
    public static func type(_ type: String, format: String?, values: [String]) -> String {
        if !values.isEmpty { return "одно из: " + values.joined(separator: ", ") }
        switch (type, format) {
        case ("string", "uuid"): return "UUID"
        case ("string", "date"): return "дата ГГГГ-ММ-ДД"
        case ("string", "date-time"): return "дата и время ISO 8601"
        case ("string", _): return "строка"
        case ("integer", _): return "целое число"
        case ("boolean", _): return "true или false"
        case ("array", _): return "список"
        case ("object", _): return "объект"
        default: return type
        }
    }
}
