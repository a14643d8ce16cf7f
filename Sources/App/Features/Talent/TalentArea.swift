import Vapor

/// The talent registry (issue 21): the olympiad's subjects, contests and their editions, students' achievements —
/// pages and the API.
enum TalentArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: RegistryController(section: OlympiadSubjectsSection()))
        try routes.web.register(collection: RegistryController(section: ContestsSection()))
        try routes.web.register(collection: RegistryController(section: ContestEditionsSection()))
        try routes.web.register(collection: AchievementImportController())
        try routes.web.register(collection: AchievementDocumentController())
        try routes.web.register(collection: PublicationConsentController())
        try routes.web.register(collection: WinnersController())
        try routes.web.register(collection: RegistryController(section: AchievementsSection()))
        try routes.web.register(collection: RegistryController(section: OlympiadStagesSection()))
        try routes.web.register(collection: OlympiadStageController())
        try routes.web.register(collection: OlympiadResultImportController())
        try routes.web.register(collection: OlympiadRegionalController())
        try routes.web.register(collection: GiftedController())
        try routes.web.register(collection: SupportController())
        try routes.web.register(collection: RoutesController())
        try routes.web.register(collection: TalentStatisticsController())
        try routes.web.register(collection: RegistryExportController())
        try routes.api.register(collection: TalentAPIController())
        try routes.api.register(collection: OlympiadAPIController())
        try routes.api.register(collection: GiftedAPIController())
        try routes.api.register(collection: SupportAPIController())
        try routes.api.register(collection: RouteAPIController())
    }
}
