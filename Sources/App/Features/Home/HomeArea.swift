import Vapor

/// The start page.
enum HomeArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: HomeController())
    }
}
