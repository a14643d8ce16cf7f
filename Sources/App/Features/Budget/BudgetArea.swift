import Vapor

/// The municipal programme's budget (issue 23, item 6): its lines, the money taken from them, the year's XLSX; the API.
enum BudgetArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: BudgetEntriesController())
        try routes.web.register(collection: RegistryController(section: BudgetSection()))
        try routes.api.register(collection: BudgetAPIController())
    }
}
