import Vapor

/// The timetable: holidays, busy time of home schools, travel times, lessons, weeks, months, calendar feeds.
enum TimetableArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: RegistryController(section: HolidaysSection()))
        try routes.web.register(collection: RegistryController(section: BusySlotsSection()))
        try routes.web.register(collection: RegistryController(section: TravelTimesSection()))
        try routes.web.register(collection: TimetableController())
        try routes.web.register(collection: WeekController())
        try routes.web.register(collection: CalendarFeedController())
        try routes.api.register(collection: LessonAPIController())
    }
}
