import Vapor

/// Teachers' financial support (issue 23, item 3): the year's rounds, the amounts, the approval.
enum AwardsArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: AwardsController())
        try routes.api.register(collection: AwardAPIController())
    }
}
