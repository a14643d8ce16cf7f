import Vapor

/// Assessment: diagnostic works and final results.
enum AssessmentArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: ResultsController())
        try routes.web.register(collection: DiagnosticsController())
        try routes.api.register(collection: ResultsAPIController())
    }
}
