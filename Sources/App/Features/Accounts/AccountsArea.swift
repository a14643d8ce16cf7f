import Vapor

/// Signing in, the profile, users and their roles, API tokens.
enum AccountsArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: AuthController())
        try routes.web.register(collection: ProfileController())
        try routes.web.register(collection: UsersController())
        try routes.publicAPI.register(collection: TokenController())
    }
}
