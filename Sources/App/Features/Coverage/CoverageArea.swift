import Vapor

/// Coverage of the network against its targets.
enum CoverageArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: CoverageController())
    }
}
