import Domain
import Fluent
import Vapor
import Views

/// The API's query parameters of a known kind are checked before any route: an id that is not a UUID, a number that is
/// not one (or a page outside 1…`PageRequest.maxPage`), a day that is not a date answer 400 naming each parameter (a
/// filter silently ignored answered the whole list); a list refuses the parameters it does not take
/// (`APIListParameters`); a body sent without its type answers 415.
struct APIQueryCheck: AsyncMiddleware {
    static let ids = ["campaign", "group", "organization", "school", "student", "subject", "teacher"]
    /// Pages count from 1 (beyond the last one a list answers no items and its true total); `per` above
    /// `PageRequest.maxPer` is lowered to it, as the answer's metadata says.
    static let numbers: [(String, ClosedRange<Int>)] = [
        ("page", 1...PageRequest.maxPage), ("per", 1...Int.max), ("grade", 0...Int.max),
    ]
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
            for (key, range) in Self.numbers {
                if let text = value(key), !range.contains(Int(text) ?? -1) {
                    fields[key] = PlatformWords.Decoding.integerIn(range.lowerBound, range.upperBound)
                }
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
        let response = try await next.respond(to: req)
        // A list declares what it takes when it reads its query (`RegistrySupport.listQuery`); a GET list changed
        // nothing, so refusing its answer afterwards is refusing the request.
        if let refusal = req.storage[APIListParameters.Key.self]?.refusal(req) { throw refusal }
        return response
    }
}
