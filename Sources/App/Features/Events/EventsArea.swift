import Vapor

/// Events of the network (issue 23, item 1): the list, card and form, registrations with attendance, the consolidated
/// plan and its XLSX, the public calendar and its iCal feed; the API.
enum EventsArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: EventPlanController())
        try routes.web.register(collection: RegistryController(section: EventsSection()))
        try routes.web.register(collection: EventRegistrationsController())
        try routes.api.register(collection: EventAPIController())
    }
}
