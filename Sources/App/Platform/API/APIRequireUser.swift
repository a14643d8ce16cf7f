import Domain
import Fluent
import Vapor
import Views

/// Every `/api/v1` route except the token endpoint and public ones answers 401 without credentials.
struct APIRequireUser: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.currentUser != nil else { throw AppError.unauthorized }
        return try await next.respond(to: req)
    }
}
