import Vapor

/// Enrollment: groups, places, campaigns, applications (ИУП), the КМЦ's lists.
enum EnrollmentArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: GroupsController())
        try routes.web.register(collection: EnrollmentListsController())
        try routes.web.register(collection: EnrollmentsController())
        try routes.web.register(collection: ApplicationsController())
        try routes.web.register(collection: RegistryController(section: CampaignsSection()))
        try routes.api.register(collection: GroupAPIController())
        try routes.api.register(collection: EnrollmentAPIController())
        try routes.api.register(collection: ApplicationAPIController())
    }
}
