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
            var (status, code, reason, fields) = Self.describe(error)
            if case .dataCorrupted(let ctx) = error as? DecodingError, ctx.codingPath.isEmpty,
                let numbers = JSONNumbers.problems(in: req.body.data), !numbers.isEmpty
            {
                // Foundation says «not valid JSON» of valid JSON whose number does not fit its field: name the field.
                (status, code, fields) = (.badRequest, "bad_request", numbers)
                reason = PlatformWords.badBody(numbers.keys.sorted().compactMap { numbers[$0] }.joined(separator: " "))
            }
            let headers = (error as? any AbortError)?.headers ?? [:]
            if status.code >= 500 {
                req.logger.error("request failed: \(req.method) \(req.url.path): \(String(reflecting: error))")
            } else if error is DecodingError {
                // Usually the client's body; logged in case it was the server's own decoding (a row, a stored value).
                req.logger.warning("decoding failed: \(req.method) \(req.url.path): \(String(reflecting: error))")
            }
            if req.isAPI || req.prefersJSON {
                let response = Response(status: status, headers: headers)
                try response.content.encode(Body(error: code, reason: reason, fields: fields))
                return response
            }
            if status == .unauthorized {
                return req.redirect(to: SiteURL.login.with([("next", req.url.path)]))
            }
            let html = ErrorPage(status: Int(status.code), message: reason).render(await req.pageContext(active: nil))
            let response = Response.html(html, status: status)
            for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
            return response
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponseStatus, String, String, [String: String]) {
        switch error {
        case let appError as AppError:
            return (appError.status, appError.code, appError.reason, appError.fields)
        case let decodingError as DecodingError:
            // Before `AbortError`: Vapor makes `DecodingError` one, with an English reason.
            let (field, message) = Self.describe(decoding: decodingError)
            return (
                .badRequest, "bad_request", PlatformWords.badBody(message),
                field.map { [$0: message] } ?? [:]
            )
        case let abortError as any AbortError:
            let code: String
            let reason: String
            switch abortError.status {
            case .notFound: (code, reason) = ("not_found", PlatformWords.pageNotFound)
            case .methodNotAllowed: (code, reason) = ("method_not_allowed", PlatformWords.methodNotAllowed)
            case .payloadTooLarge: (code, reason) = ("too_large", PlatformWords.tooLarge)
            case .unsupportedMediaType: (code, reason) = ("unsupported", PlatformWords.unsupported)
            case .badRequest: (code, reason) = ("bad_request", PlatformWords.badRequest)
            case .unauthorized: (code, reason) = ("unauthorized", PlatformWords.unauthorized)
            case .forbidden: (code, reason) = ("forbidden", PlatformWords.forbidden)
            case .unprocessableEntity: (code, reason) = ("validation", PlatformWords.validation)
            default:
                (code, reason) =
                    abortError.status.code >= 500
                    ? ("server_error", PlatformWords.serverError)
                    : ("error", PlatformWords.failed)
            }
            return (abortError.status, code, reason, [:])
        default:
            return (.internalServerError, "server_error", PlatformWords.serverError, [:])
        }
    }
}

extension Request {
    /// The client asked for JSON first. Vapor's `HTTPMediaType ==` lets `*/*` equal anything, so compare the names:
    /// a browser or curl sending `*/*` gets the page.
    var prefersJSON: Bool {
        guard let first = headers.accept.mediaTypes.first else { return false }
        return first.type.lowercased() == "application" && first.subType.lowercased() == "json"
    }
}

extension SetkaErrorMiddleware {
    /// Which field of the request body is wrong and how, in Russian: the field is its top-level key (the API's error
    /// format names fields so), the message names the full path (`choices[2]`).
    static func describe(decoding error: DecodingError) -> (field: String?, message: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("") { joined, key in
                key.intValue.map { joined + "[\($0)]" }
                    ?? (joined.isEmpty ? key.stringValue : joined + "." + key.stringValue)
            }
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: return PlatformWords.Decoding.string
            case is Int.Type, is Int64.Type, is Int32.Type: return PlatformWords.Decoding.integer
            case is Double.Type, is Float.Type: return PlatformWords.Decoding.number
            case is Bool.Type: return PlatformWords.Decoding.bool
            case is UUID.Type: return PlatformWords.Decoding.uuid
            case is Date.Type: return PlatformWords.Decoding.date
            default:
                let name = String(describing: type)
                if name.hasPrefix("Array<") { return PlatformWords.Decoding.list }
                if name.hasPrefix("Dictionary<") { return PlatformWords.Decoding.object }
                return PlatformWords.Decoding.other
            }
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            let field = path(ctx.codingPath)
            return field.isEmpty
                ? (nil, PlatformWords.Decoding.objectExpected)
                : (ctx.codingPath.first?.stringValue, PlatformWords.Decoding.expected(field: field, expected(type)))
        case .valueNotFound(let type, let ctx):
            let field = path(ctx.codingPath)
            return (ctx.codingPath.first?.stringValue, PlatformWords.Decoding.null(field: field, expected(type)))
        case .keyNotFound(let key, let ctx):
            let field = path(ctx.codingPath + [key])
            return (
                field.isEmpty ? nil : (ctx.codingPath.first ?? key).stringValue,
                PlatformWords.Decoding.missing(field: field)
            )
        case .dataCorrupted(let ctx):
            let field = path(ctx.codingPath)
            if field.isEmpty { return (nil, PlatformWords.Decoding.notJSON) }
            let what =
                ctx.debugDescription.contains("UUID")
                ? PlatformWords.Decoding.badUUID
                : ctx.debugDescription.lowercased().contains("date")
                    ? PlatformWords.Decoding.badDate : PlatformWords.Decoding.badValue
            return (ctx.codingPath.first?.stringValue, PlatformWords.Decoding.invalid(field: field, what))
        @unknown default:
            return (nil, PlatformWords.Decoding.failed)
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
