import Vapor

/// Teachers across the network (issue 23, item 2): one teacher's work (the staff card shows it), the professional
/// development plan-schedule with who is due; their API.
enum TeachersArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: DevelopmentDueController())
        try routes.web.register(collection: RegistryController(section: DevelopmentSection()))
        try routes.api.register(collection: TeacherAPIController())
        try routes.api.register(collection: DevelopmentAPIController())
    }
}
