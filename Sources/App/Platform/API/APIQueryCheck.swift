import Domain
import Fluent
import Vapor
import Views

/// The API's query parameters of a known kind are checked before any route: an id that is not a UUID, a number that is
/// not one, a day that is not a date answer 400 naming each parameter (a filter silently ignored answered the whole
/// list);
/// a body sent without its type answers 415.
struct APIQueryCheck: AsyncMiddleware {
    static let ids = ["campaign", "group", "organization", "school", "student", "subject", "teacher"]
    static let numbers = ["page", "per", "grade"]
    static let days = ["from", "to"]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .GET, req.url.query != nil {
            var fields: [String: String] = [:]
            func value(_ key: String) -> String? {
                (try? req.query.get(String.self, at: key)).flatMap { $0.isEmpty ? nil : $0 }
            }
            for key in Self.ids {
                if let text = value(key), UUID(uuidString: text) == nil {
                    fields[key] = PlatformWords.Decoding.uuidExpected
                }
            }
            for key in Self.numbers {
                if let text = value(key), (Int(text) ?? -1) < 0 { fields[key] = PlatformWords.Decoding.countExpected }
            }
            for key in Self.days {
                if let text = value(key), CivilDay.parse(text) == nil {
                    fields[key] = PlatformWords.Decoding.dateExpected
                }
            }
            if !fields.isEmpty { throw AppError.badParameters(fields) }
        }
        // A body without its type was read as no body at all («Укажите обучающегося»): say what is missing.
        if [.POST, .PUT, .PATCH].contains(req.method), req.headers.contentType == nil,
            (req.body.data?.readableBytes ?? 0) > 0
                || req.body.data == nil
                    && (req.headers.first(name: .contentLength).flatMap(Int.init) ?? 0 > 0
                        || req.headers.contains(name: .transferEncoding))
        {
            throw AppError(
                status: .unsupportedMediaType, code: "unsupported_media_type",
                reason: PlatformWords.contentTypeNeeded)
        }
        return try await next.respond(to: req)
    }
}
