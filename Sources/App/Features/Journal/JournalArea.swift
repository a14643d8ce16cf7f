import Vapor

/// The journal: topics, hours and attendance of lessons, teachers' hours, a student's progress.
enum JournalArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: JournalController())
        try routes.web.register(collection: JournalIndexController())
        try routes.web.register(collection: HoursController())
        try routes.web.register(collection: ProgressController())
        try routes.api.register(collection: JournalAPIController())
    }
}
