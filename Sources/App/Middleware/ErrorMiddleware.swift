import Vapor
import Views

/// One error middleware: a Russian HTML page, or `{"error", "reason", "fields"}` under `/api`.
/// A 500 shows no internals; the log gets the error.
struct SetkaErrorMiddleware: AsyncMiddleware {
    struct Body: Content {
        var error: String
        var reason: String
        var fields: [String: String]
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let (status, code, reason, fields) = Self.describe(error)
            if status.code >= 500 {
                req.logger.error("request failed: \(req.method) \(req.url.path): \(String(reflecting: error))")
            }
            if req.isAPI || req.headers.accept.mediaTypes.first == .json {
                let response = Response(status: status)
                try response.content.encode(Body(error: code, reason: reason, fields: fields))
                return response
            }
            if status == .unauthorized {
                return req.redirect(to: SiteURL.login.with([("next", req.url.path)]))
            }
            let html = ErrorPage(status: Int(status.code), message: reason).render(await req.pageContext(active: nil))
            return Response.html(html, status: status)
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponseStatus, String, String, [String: String]) {
        switch error {
        case let e as AppError:
            return (e.status, e.code, e.reason, e.fields)
        case let e as any AbortError:
            let code: String
            let reason: String
            switch e.status {
            case .notFound: (code, reason) = ("not_found", "Страница не найдена.")
            case .methodNotAllowed: (code, reason) = ("method_not_allowed", "Этот адрес не принимает такой запрос.")
            case .payloadTooLarge: (code, reason) = ("too_large", "Слишком большой запрос.")
            case .unsupportedMediaType: (code, reason) = ("unsupported", "Неподдерживаемый формат данных.")
            case .badRequest: (code, reason) = ("bad_request", "Неверный запрос: проверьте переданные данные.")
            case .unauthorized: (code, reason) = ("unauthorized", "Нужно войти в систему.")
            case .forbidden: (code, reason) = ("forbidden", "У вас нет прав на это действие.")
            case .unprocessableEntity: (code, reason) = ("validation", "Данные не прошли проверку.")
            default: (code, reason) = e.status.code >= 500 ? ("server_error", "Внутренняя ошибка сервера. Попробуйте позже.") : ("error", "Запрос не выполнен.")
            }
            return (e.status, code, reason, [:])
        case is DecodingError:
            return (.badRequest, "bad_request", "Неверный формат данных запроса.", [:])
        default:
            return (.internalServerError, "server_error", "Внутренняя ошибка сервера. Попробуйте позже.", [:])
        }
    }
}

extension Response {
    static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
