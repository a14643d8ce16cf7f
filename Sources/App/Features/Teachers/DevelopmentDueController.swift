import Domain
import Fluent
import Vapor
import Views

/// The authority's view of professional development (issue 23, item 2): the year's plan-schedule done, and who is due —
/// teachers whose last course ended three years ago or who have none (`DevelopmentDue`), with what is planned for
/// them. Within the user's `DevelopmentScope`; a teacher, who keeps no one's, is refused (their own courses are in the
/// list). For a coming year «due» is said as of its last day, so the schedule can be planned ahead.
struct DevelopmentDueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("professional-development", "due", use: page)
    }

    func page(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let scope = try await DevelopmentScope.of(req, municipalityID: municipalityID)
        if let organizations = scope.organizations, organizations.isEmpty { throw AppError.forbidden }
        let today = try await PlanBoard.today(req)
        let years = DevelopmentSection.years(today: today)
        let year = req.query[Int.self, at: "year"].flatMap { years.contains($0) ? $0 : nil } ?? today.ymd.year
        var query = RegistrySupport.listQuery(
            req, filters: ["organization", "show"], sorts: ["name"], defaultSort: "name",
            defaultFilters: ["show": "due"])
        if query.filters["show"] != "all" { query.filters["show"] = "due" }
        query.filters["year"] = String(year)
        let summary = try await DevelopmentDue.Summary.read(
            scope: scope, organization: query.filters["organization"].flatMap(UUID.init(uuidString:)),
            municipalityID: municipalityID, year: year, today: today, on: req.db)
        let shown = query.filters["show"] == "all" ? summary.teachers : summary.teachers.filter(\.needsCourse)
        let page = shown.dropFirst((query.page - 1) * query.per).prefix(query.per)
        let options = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            scope.organizations?.contains(UUID(uuidString: $0.value)!) ?? true
        }
        let view = DevelopmentDuePage(
            year: year, years: years,
            byStatus: DevelopmentStatus.allCases.map { status in
                (status, summary.statuses.filter { $0 == status }.count)
            },
            byTrip: DevelopmentTrip.allCases.map { trip in (trip, summary.trips.filter { $0 == trip }.count) },
            completion: DevelopmentDue.completion(summary.statuses), query: query, organizations: options,
            teachers: page.map(\.line), total: shown.count)
        return req.render(view.render(await req.pageContext(active: .registry(.development))))
    }
}

extension DevelopmentDue {
    /// The due view read in a fixed number of statements: the staff in scope with their places of work, and their
    /// courses.
    struct Summary {
        struct Teacher {
            var line: DevelopmentDuePage.Teacher
            var needsCourse: Bool { line.isDue && line.next == nil }
        }
        var teachers: [Teacher]
        /// The states of the courses that start in the year.
        var statuses: [DevelopmentStatus]
        /// The trips of the year's courses not cancelled.
        var trips: [DevelopmentTrip]

        static func read(
            scope: DevelopmentScope, organization: UUID?, municipalityID: UUID, year: Int, today: CivilDay,
            on db: any Database
        ) async throws -> Summary {
            // Due as of today, or of a coming year's last day.
            let asOf = year > today.ymd.year ? CivilDay(year: year, month: 12, day: 31) ?? today : today
            var staffQuery = StaffMember.query(on: db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$status == RecordStatus.active.rawValue)
            if let ids = scope.staffIDs { staffQuery = staffQuery.filter(\.$id ~~ Array(ids)) }
            var staff = try await staffQuery.sort(\.$sortKey).sort(\.$id).with(\.$organizations).all()
            if let organization {
                staff = staff.filter { $0.organizations.contains { $0.id == organization } }
            }
            // The courses the list shows for the same filters (its figures link there): of the scope and the place
            // of work, whoever the teacher is now.
            var coursesQuery = DevelopmentCourse.query(on: db).filter(\.$municipality.$id == municipalityID)
            if let ids = scope.staffIDs { coursesQuery = coursesQuery.filter(\.$staff.$id ~~ Array(ids)) }
            var courses = try await coursesQuery.all()
            if let organization {
                let there = Set(
                    try await StaffOrganization.query(on: db).filter(\.$organization.$id == organization).all()
                        .map { $0.$staff.id })
                courses = courses.filter { there.contains($0.$staff.id) }
            }
            let byStaff = Dictionary(grouping: courses) { $0.$staff.id }
            let teachers = try staff.map { person in
                let own = byStaff[try person.requireID()] ?? []
                let last = own.filter { $0.isCompleted && !$0.isCancelled }.max { $0.endsOn < $1.endsOn }
                let next = own.filter { !$0.isCompleted && !$0.isCancelled && $0.lastDay >= today }
                    .min { $0.startsOn < $1.startsOn }
                return Teacher(
                    line: DevelopmentDuePage.Teacher(
                        id: try person.requireID(), name: person.fullName,
                        places: person.organizations.map(\.shortName).sorted().joined(separator: ", "),
                        category: QualificationCategory(rawValue: person.category),
                        last: last.map { ($0.course, $0.lastDay) },
                        dueBy: DevelopmentDue.dueBy(lastCompleted: last?.lastDay),
                        isDue: DevelopmentDue.isDue(lastCompleted: last?.lastDay, today: asOf),
                        next: next.map { ($0.course, $0.firstDay) }))
            }
            let ofYear = courses.filter { $0.firstDay.ymd.year == year }
            return Summary(
                teachers: teachers, statuses: ofYear.map { $0.developmentStatus(today: today) },
                trips: ofYear.filter { !$0.isCancelled }.map(\.developmentTrip))
        }
    }
}
