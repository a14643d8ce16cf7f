import AsyncHTTPClient
import Foundation
import Testing
import Vapor

/// Sign-in attempts over real HTTP, where the peer is 127.0.0.1: the address a trusted proxy would connect from. An
/// attempt `from` an address sends it as `X-Forwarded-For`, as such a proxy does.
struct SignInClient {
    let port: Int
    let client: HTTPClient

    struct Answer {
        var status: UInt
        var body: String
    }

    /// The login form as a browser fills it: the page first (its cookie and CSRF token), then the post.
    func form(_ username: String, _ password: String, from address: String? = nil) async throws -> Answer {
        let page = try await send(.GET, "/login", from: address)
        let csrf = try Self.csrf(in: page.answer.body)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = [("_csrf", csrf), ("username", username), ("password", password)]
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
        return try await send(
            .POST, "/login", from: address, cookies: page.cookies, contentType: "application/x-www-form-urlencoded",
            body: body
        ).answer
    }

    /// `POST /api/v1/auth/token`.
    func token(_ username: String, _ password: String, from address: String? = nil) async throws -> Answer {
        let json = try JSONSerialization.data(withJSONObject: ["username": username, "password": password])
        return try await send(
            .POST, "/api/v1/auth/token", from: address, contentType: "application/json",
            body: String(decoding: json, as: UTF8.self)
        ).answer
    }

    private func send(
        _ method: HTTPMethod, _ path: String, from address: String?, cookies: String = "", contentType: String? = nil,
        body: String? = nil
    ) async throws -> (answer: Answer, cookies: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if let address { request.headers.add(name: "X-Forwarded-For", value: address) }
        if !cookies.isEmpty { request.headers.add(name: "Cookie", value: cookies) }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let set = response.headers["set-cookie"].map { String($0.split(separator: ";", maxSplits: 1)[0]) }
        let text = String(buffer: try await response.body.collect(upTo: 4 << 20))
        return (Answer(status: response.status.code, body: text), set.joined(separator: "; "))
    }

    static func csrf(in html: String) throws -> String {
        let start = try #require(html.range(of: "name=\"_csrf\" value=\""))
        let end = try #require(html[start.upperBound...].firstIndex(of: "\""))
        return String(html[start.upperBound..<end])
    }
}
