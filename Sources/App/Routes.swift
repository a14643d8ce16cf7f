import Vapor
import Fluent
import Views

func routes(_ app: Application) throws {
    app.get("health") { req async throws -> Response in
        _ = try await Municipality.query(on: req.db).count()
        return Response(status: .ok, body: .init(string: "ok"))
    }
    app.get("assets", "setka.css") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css + "\n" + Stylesheet.registryCSS + "\n" + Stylesheet.timetableCSS + "\n" + Stylesheet.registerCSS + "\n" + Stylesheet.certificateCSS))
    }
    try app.register(collection: HomeController())
    try app.register(collection: CatalogController())
    try app.register(collection: AuthController())
    try app.register(collection: ProfileController())
    try app.register(collection: OrganizationsController())
    try app.register(collection: AuditController())
    try app.register(collection: UsersController())
    try app.register(collection: GroupsController())
    try app.register(collection: EnrollmentListsController())
    try app.register(collection: EnrollmentsController())
    try app.register(collection: ApplicationsController())
    try app.register(collection: CoverageController())
    try app.register(collection: MunicipalityController())
    try app.register(collection: RegistryController(section: SubjectsSection()))
    try app.register(collection: RegistryController(section: ResourceCentersSection()))
    try app.register(collection: RegistryController(section: RoomsSection()))
    try app.register(collection: RegistryController(section: StaffSection()))
    try app.register(collection: RegistryController(section: PartnersSection()))
    try app.register(collection: RegistryController(section: AgreementsSection()))
    try app.register(collection: RegistryController(section: KmcSection()))
    try app.register(collection: RegistryController(section: AcademicYearsSection()))
    try app.register(collection: RegistryController(section: ProgramsSection()))
    try app.register(collection: StudentImportController())
    try app.register(collection: GuardiansController())
    try app.register(collection: RegistryController(section: StudentsSection()))
    try app.register(collection: RegistryController(section: CampaignsSection()))
    try app.register(collection: ProgramApprovalController())
    try app.register(collection: RegistryController(section: HolidaysSection()))
    try app.register(collection: RegistryController(section: BusySlotsSection()))
    try app.register(collection: RegistryController(section: TravelTimesSection()))
    try app.register(collection: TimetableController())
    try app.register(collection: WeekController())
    try app.register(collection: CalendarFeedController())
    try app.register(collection: RegisterController())
    try app.register(collection: HoursController())
    try app.register(collection: ResultsController())
    try app.register(collection: CertificatesController())
    try app.register(collection: ProgressController())
    try app.register(collection: OrdersController())
    try app.register(collection: DiagnosticsController())

    let api = app.grouped("api", "v1")
    try api.register(collection: TokenController())
    try api.register(collection: CertificateVerifyAPIController())
    let authed = api.grouped(APIRequireUser())
    try authed.register(collection: OrganizationAPIController())
    try authed.register(collection: RegistryAPIController())
    try authed.register(collection: GroupAPIController())
    try authed.register(collection: EnrollmentAPIController())
    try authed.register(collection: ApplicationAPIController())
    try authed.register(collection: LessonAPIController())
    try authed.register(collection: TeachingAPIController())
    try authed.register(collection: OrderAPIController())
}

/// Every `/api/v1` route except the token endpoint and public ones answers 401 without credentials.
struct APIRequireUser: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.currentUser != nil else { throw AppError.unauthorized }
        return try await next.respond(to: req)
    }
}
