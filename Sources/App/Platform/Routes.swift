import Vapor
import Fluent
import Views
import Domain

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
    let authed = api.grouped(APIRequireUser(), APIQueryCheck())
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

/// The API's query parameters of a known kind are checked before any route: an id that is not a UUID, a number that is
/// not one, a day that is not a date answer 400 naming each parameter (a filter silently ignored answered the whole list);
/// a body sent without its type answers 415.
struct APIQueryCheck: AsyncMiddleware {
    static let ids = ["campaign", "group", "organization", "school", "student", "subject", "teacher"]
    static let numbers = ["page", "per", "grade"]
    static let days = ["from", "to"]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .GET, req.url.query != nil {
            var fields: [String: String] = [:]
            func value(_ key: String) -> String? { (try? req.query.get(String.self, at: key)).flatMap { $0.isEmpty ? nil : $0 } }
            for key in Self.ids { if let v = value(key), UUID(uuidString: v) == nil { fields[key] = "ожидается идентификатор (UUID)" } }
            for key in Self.numbers { if let v = value(key), (Int(v) ?? -1) < 0 { fields[key] = "ожидается целое число не меньше 0" } }
            for key in Self.days { if let v = value(key), CivilDay.parse(v) == nil { fields[key] = "ожидается дата ГГГГ-ММ-ДД" } }
            if !fields.isEmpty { throw AppError.badParameters(fields) }
        }
        // A body without its type was read as no body at all («Укажите обучающегося»): say what is missing.
        if [.POST, .PUT, .PATCH].contains(req.method), req.headers.contentType == nil,
           (req.body.data?.readableBytes ?? 0) > 0 || req.body.data == nil && (req.headers.first(name: .contentLength).flatMap(Int.init) ?? 0 > 0
                                                                             || req.headers.contains(name: .transferEncoding)) {
            throw AppError(status: .unsupportedMediaType, code: "unsupported_media_type", reason: "Укажите тип тела запроса: Content-Type: application/json.")
        }
        return try await next.respond(to: req)
    }
}
