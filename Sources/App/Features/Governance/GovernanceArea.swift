import Vapor

/// Governing the network (issue 22): roadmap templates and the plans made from them, report forms and campaigns, activity
/// programmes, technical assignments, the КМЦ's meetings with their hearings of centres, analytic notes.
enum GovernanceArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: RoadmapsController())
        try routes.web.register(collection: PlansController())
        try routes.web.register(collection: PlanItemsController())
        try routes.web.register(collection: PlanEvidenceController())
        try routes.web.register(collection: ReportCampaignsController())
        try routes.web.register(collection: ReportFormsController())
        try routes.web.register(collection: ReportsController())
        try routes.web.register(collection: MeetingsController())
        try routes.web.register(collection: ActivityProgramsController())
        try routes.web.register(collection: AssignmentsController())
        try routes.web.register(collection: AnalyticNotesController())
        try routes.api.register(collection: RoadmapAPIController())
        try routes.api.register(collection: PlanAPIController())
        try routes.api.register(collection: ReportAPIController())
        try routes.api.register(collection: ReportFormAPIController())
        try routes.api.register(collection: MeetingAPIController())
        try routes.api.register(collection: ActivityProgramAPIController())
        try routes.api.register(collection: AssignmentAPIController())
        try routes.api.register(collection: AnalyticNoteAPIController())
    }
}
