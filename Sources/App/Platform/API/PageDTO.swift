import Domain
import Fluent
import Vapor
import Views

/// `{"items": […], "metadata": {"page", "per", "total"}}`
struct PageDTO<T: Content>: Content {
    struct Metadata: Content {
        var page: Int
        var per: Int
        var total: Int
    }
    var items: [T]
    var metadata: Metadata
}
