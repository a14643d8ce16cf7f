import Vapor

/// Governing the network (issue 22): roadmap templates first; plans, report campaigns, activity programmes,
/// assignments, meetings and analytic notes to follow.
enum GovernanceArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: RoadmapsController())
        try routes.api.register(collection: RoadmapAPIController())
    }
}
