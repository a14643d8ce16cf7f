import NIOConcurrencyHelpers
import Vapor
import Views

/// A request whose address has routes, none of them for its method, answers 405 with `Allow` naming the methods the
/// address takes (HEAD with GET) — a problem answer under `/api`, the error page elsewhere — instead of 404, which
/// said the address did not exist. It runs before signing in and the CSRF check: which methods an address takes is
/// no secret, and a refused method needs no session.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// The routes as Vapor's router matches them (`[method] + path`), built on the first request, when every route is
    /// registered.
    final class Index: @unchecked Sendable {  // the router is only read after `init`
        let router: TrieRouter<Bool>
        let methods: [HTTPMethod]

        init(_ routes: Routes) {
            let options: Set<TrieRouter<Bool>.ConfigurationOption> = routes.caseInsensitive ? [.caseInsensitive] : []
            router = TrieRouter(Bool.self, options: options)
            var methods: [HTTPMethod] = []
            for route in routes.all {
                let path = route.path.filter { if case .constant("") = $0 { false } else { true } }
                router.register(true, at: [.constant(route.method.rawValue)] + path)
                if !methods.contains(route.method) { methods.append(route.method) }
            }
            let order: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE]
            self.methods = methods.sorted {
                (order.firstIndex(of: $0) ?? order.count, $0.rawValue) < (
                    order.firstIndex(of: $1) ?? order.count, $1.rawValue
                )
            }
        }

        func has(_ method: HTTPMethod, _ path: [String]) -> Bool {
            var parameters = Parameters()
            return router.route(path: [method.rawValue] + path, parameters: &parameters) != nil
        }

        /// The methods the path takes, or none when it is not an address of the application.
        func allowed(_ path: [String]) -> [HTTPMethod] {
            var allowed = methods.filter { has($0, path) }
            if allowed.contains(.GET) && !allowed.contains(.HEAD) {
                allowed.insert(.HEAD, at: allowed.firstIndex(of: .GET)! + 1)
            }
            return allowed
        }
    }

    private let index = NIOLockedValueBox<Index?>(nil)

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let routes = index.withLockedValue { cached in
            if let cached { return cached }
            let built = Index(req.application.routes)
            cached = built
            return built
        }
        let path = req.url.path.split(separator: "/").map(String.init)
        // Vapor answers HEAD from the GET route.
        let method: HTTPMethod = req.method == .HEAD && !routes.has(.HEAD, path) ? .GET : req.method
        if !routes.has(method, path) {
            let allowed = routes.allowed(path)
            if !allowed.isEmpty {
                let list = allowed.map(\.rawValue).joined(separator: ", ")
                throw AppError(
                    status: .methodNotAllowed, code: "method_not_allowed",
                    reason: PlatformWords.methodNotAllowed(req.method.rawValue, allowed: list),
                    headers: ["Allow": list])
            }
        }
        return try await next.respond(to: req)
    }
}
