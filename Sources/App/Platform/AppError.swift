import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// An error with a Russian reason, rendered as a page or as `{"error", "reason", "fields"}` under `/api`.
struct AppError: AbortError {
    var status: HTTPResponseStatus
    var code: String
    var reason: String
    var fields: [String: String] = [:]
    /// Headers the answer carries (`Allow` of a 405).
    var headers: HTTPHeaders = [:]

    static func notFound(_ what: String = PlatformWords.recordNotFound) -> AppError {
        AppError(status: .notFound, code: "not_found", reason: what)
    }
    static let forbidden = AppError(status: .forbidden, code: "forbidden", reason: PlatformWords.forbidden)
    static let unauthorized = AppError(status: .unauthorized, code: "unauthorized", reason: PlatformWords.unauthorized)
    static let csrf = AppError(
        status: .forbidden, code: "csrf", reason: PlatformWords.staleForm)
    static func badRequest(_ reason: String) -> AppError {
        AppError(status: .badRequest, code: "bad_request", reason: reason)
    }
    static func validation(_ failure: ValidationFailure) -> AppError {
        AppError(
            status: .unprocessableEntity, code: "validation", reason: failure.reason, fields: failure.fields.messages)
    }
    static func conflict(_ reason: String) -> AppError { AppError(status: .conflict, code: "conflict", reason: reason) }
    /// Query parameters the API cannot use: parameter → what it takes; the reason names each.
    static func badParameters(_ fields: [String: String]) -> AppError {
        let list = fields.sorted { $0.key < $1.key }.map { "«\($0.key)» — \($0.value)" }.joined(separator: "; ")
        return AppError(
            status: .badRequest, code: "bad_request", reason: PlatformWords.badParameters(list), fields: fields)
    }
}

extension Database {
    /// The SQL interface of the database; both drivers provide one.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            throw AppError(status: .internalServerError, code: "no_sql", reason: PlatformWords.noSQL)
        }
        return sql
    }
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// An address of this Setka as the person at the browser reached it (for printed sheets and links to copy).
    func absoluteURL(_ path: String) -> String {
        (application.setkaConfig.secureCookies ? "https://" : "http://")
            + (headers.first(name: .host) ?? "127.0.0.1:8080") + path
    }

    /// Reads an id from the path, answering 404 (not 500) for a malformed one.
    func idParameter(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw AppError.notFound() }
        return id
    }
}
