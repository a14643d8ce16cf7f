import Vapor

/// Orders of the education authority: drafted from data, signed, frozen.
enum OrdersArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: OrdersController())
        try routes.api.register(collection: OrderAPIController())
    }
}
