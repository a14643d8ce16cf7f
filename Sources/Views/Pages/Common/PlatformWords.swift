import Foundation

/// Words of the platform: HTTP errors as users and API clients read them, and the reasons of malformed requests.
public enum PlatformWords {
    /// A record that is not there (the default).
    public static let recordNotFound = "Запись не найдена."
    /// A page that is not there.
    public static let pageNotFound = "Страница не найдена."
    /// A method the address does not take.
    public static let methodNotAllowed = "Этот адрес не принимает такой запрос."
    /// A method the address does not take, and the ones it does.
    public static func methodNotAllowed(_ method: String, allowed: String) -> String {
        "Этот адрес не принимает запрос \(method); допустимы: \(allowed)."
    }
    /// A request too large.
    public static let tooLarge = "Слишком большой запрос."
    /// A body in a format not taken.
    public static let unsupported = "Неподдерживаемый формат данных."
    /// A bad request.
    public static let badRequest = "Неверный запрос: проверьте переданные данные."
    /// Signing in is needed.
    public static let unauthorized = "Нужно войти в систему."
    /// Not allowed.
    public static let forbidden = "У вас нет прав на это действие."
    /// Data that failed validation.
    public static let validation = "Данные не прошли проверку."
    /// A server error.
    public static let serverError = "Внутренняя ошибка сервера. Попробуйте позже."
    /// Any other failure.
    public static let failed = "Запрос не выполнен."
    /// A stale form (CSRF).
    public static let staleForm = "Форма устарела: обновите страницу и отправьте её ещё раз."
    /// Bad query parameters, listed.
    public static func badParameters(_ list: String) -> String { "Неверные параметры запроса: \(list)." }
    /// A database without SQL.
    public static let noSQL = "База данных не поддерживает SQL."
    /// A request body that could not be decoded.
    public static func badBody(_ message: String) -> String { "Неверный формат данных запроса: \(message)" }
    /// An invalid or expired API key.
    public static let invalidToken = "Ключ доступа недействителен или истёк."
    /// A JSON body sent without its content type.
    public static let contentTypeNeeded = "Укажите тип тела запроса: Content-Type: application/json."
    /// Who the audit log names when no user acted.
    public static let system = "система"

    /// What a query parameter or JSON field takes, and what was wrong with it.
    public enum Decoding {
        /// A string.
        public static let string = "строка"
        /// An integer.
        public static let integer = "целое число"
        /// A number.
        public static let number = "число"
        /// A boolean.
        public static let bool = "true или false"
        /// An id.
        public static let uuid = "идентификатор (UUID)"
        /// A date.
        public static let date = "дата"
        /// A list.
        public static let list = "список"
        /// An object.
        public static let object = "объект"
        /// Anything else.
        public static let other = "значение другого типа"
        /// The body is not a JSON object.
        public static let objectExpected = "ожидается объект JSON."
        /// A field of the wrong type.
        public static func expected(field: String, _ type: String) -> String { "поле «\(field)»: ожидается \(type)." }
        /// A null field.
        public static func null(field: String, _ type: String) -> String {
            "поле «\(field)»: нужно значение (\(type)), а не null."
        }
        /// A missing field.
        public static func missing(field: String) -> String { "не хватает поля «\(field)»." }
        /// The body is not JSON.
        public static let notJSON = "тело запроса — не JSON (или JSON с ошибкой)."
        /// An invalid id.
        public static let badUUID = "неверный идентификатор (UUID)"
        /// An invalid date.
        public static let badDate = "неверная дата"
        /// An invalid value.
        public static let badValue = "неверное значение"
        /// A field with an invalid value.
        public static func invalid(field: String, _ what: String) -> String { "поле «\(field)»: \(what)." }
        /// Anything else that failed.
        public static let failed = "данные не разобраны."
        /// A query parameter that takes an id.
        public static let uuidExpected = "ожидается идентификатор (UUID)"
        /// A query parameter that takes a whole number in a range.
        public static func integerIn(_ lower: Int, _ upper: Int) -> String {
            upper == Int.max
                ? "ожидается целое число не меньше \(lower)" : "ожидается целое число от \(lower) до \(upper)"
        }
        /// A query parameter the list does not read, and the ones it does.
        public static func unknownParameter(accepted: [String]) -> String {
            "список не принимает такой параметр; допустимы: " + accepted.joined(separator: ", ")
        }
        /// A JSON number above what its field holds.
        public static func tooLarge(field: String) -> String { "поле «\(field)»: число слишком велико для этого поля." }
        /// A JSON number below what its field holds.
        public static func tooSmall(field: String) -> String { "поле «\(field)»: число слишком мало для этого поля." }
        /// A JSON number no field can hold.
        public static func badNumber(field: String) -> String {
            "поле «\(field)»: число вне допустимого диапазона или записано неверно."
        }
        /// A query parameter that takes a date.
        public static let dateExpected = "ожидается дата ГГГГ-ММ-ДД"
    }
}
