import Vapor

/// Network programmes: drafts, the КМЦ's agreement, the public catalogue.
enum ProgramsArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: CatalogController())
        try routes.web.register(collection: RegistryController(section: ProgramsSection()))
        try routes.web.register(collection: ProgramApprovalController())
    }
}
