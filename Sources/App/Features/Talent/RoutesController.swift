import Domain
import Fluent
import Vapor
import Views

/// Individual educational routes of databank students (issue 21, item 6; `001_4390f67d15d9225c.txt` §3.3.2–3.3.4):
/// the list, a route's card with its steps and — for the school — the support notes, the route's form. Steps and notes
/// are in `+Steps`; every change audited, a change claimed by version.
struct RoutesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let list = routes.grouped("routes")
        list.get(use: index)
        list.get("new", use: newForm)
        list.post("new", use: create)
        list.get(":id", use: card)
        list.get(":id", "edit", use: editForm)
        list.post(":id", "edit", use: update)
        list.get(":id", "steps", "new", use: newStep)
        list.post(":id", "steps", "new", use: createStep)
        list.get(":id", "steps", ":step", "edit", use: editStep)
        list.post(":id", "steps", ":step", "edit", use: updateStep)
        list.get(":id", "steps", ":step", "delete", use: deleteStepConfirm)
        list.post(":id", "steps", ":step", "delete", use: deleteStep)
        list.post(":id", "notes", use: addNote)
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .registry(.routes)) }

    /// A route's rule, by the student's school now (a student who moved takes the route to the new school).
    static func resource(_ route: IndividualRoute) -> Resource {
        .individualRoute(school: school(route), shared: route.student.hasConsent)
    }

    static func school(_ route: IndividualRoute) -> OrgRef {
        OrgRef(id: route.student.$school.id, municipalityID: route.$municipality.id)
    }

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["year", "school", "status", "student"], sorts: ["name", "year"], defaultSort: "name",
            search: true)
    }

    static let choices: [String: [String]] = ["status": RouteStatus.allCases.map(\.rawValue)]

    /// The routes the reader may see for the filters: a page of them and how many there are.
    static func page(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> (
        [IndividualRoute], Int
    ) {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .individualRoute(school: $0, shared: true)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var builder = IndividualRoute.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .join(Student.self, on: \IndividualRoute.$student.$id == \Student.$id)
            .join(AcademicYear.self, on: \IndividualRoute.$academicYear.$id == \AcademicYear.$id)
        if let visible {
            builder = builder.filter(\.$school.$id ~~ Array(visible))
        } else {
            builder = builder.filter(Student.self, \.$consentOn != nil).filter(
                Student.self, \.$consentWithdrawnAt == nil)
        }
        if let year = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$academicYear.$id == year)
        }
        if let school = query.filters["school"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$school.$id == school)
        }
        if let student = query.filters["student"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$student.$id == student)
        }
        if let status = query.filters["status"].flatMap(RouteStatus.init(rawValue:)) {
            builder = builder.filter(\.$status == status.rawValue)
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(Student.self, \.$searchKey ~~ needle) }
        let direction: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        if query.sort == "year" {
            builder = builder.sort(AcademicYear.self, \.$startsOn, direction).sort(Student.self, \.$sortKey)
        } else {
            builder = builder.sort(Student.self, \.$sortKey, direction).sort(
                AcademicYear.self, \.$startsOn, .descending)
        }
        return try await builder.sort(\.$id).with(\.$student) { $0.with(\.$school) }.with(\.$academicYear)
            .paged(query)
    }

    /// The steps of some routes, by milestone.
    static func steps(of routes: [UUID], on db: any Database) async throws -> [UUID: [IndividualRouteStep]] {
        guard !routes.isEmpty else { return [:] }
        let rows = try await IndividualRouteStep.query(on: db).filter(\.$route.$id ~~ routes).sort(\.$dueOn)
            .sort(\.$id).all()
        return Dictionary(grouping: rows, by: { $0.$route.id })
    }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.listQuery(req)
        let (routes, total) = try await Self.page(query, municipalityID: municipalityID, req: req)
        let steps = try await Self.steps(of: routes.compactMap(\.id), on: req.db)
        let today = CivilDay(Date(), timeZone: try await RegistrySupport.zone(req))
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .individualRoute(school: $0, shared: true)
        }
        let schools = try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db)
            .filter { visible?.contains(UUID(uuidString: $0.value)!) ?? true }
        let probe = OrgRef(id: visible?.first ?? UUID(), municipalityID: municipalityID)
        let page = RouteListPage(
            query: query, years: try await SupportController.yearOptions(municipalityID, on: req.db), schools: schools,
            rows: routes.map { route in
                let list = (steps[route.id!] ?? []).map(\.input)
                let overdue = list.filter { $0.status.isOverdue(due: $0.dueOn, today: today) }.count
                return RouteListPage.Row(
                    id: route.id!, student: route.student.fullName, school: route.student.school.shortName,
                    grade: route.student.grade, year: route.academicYear.title, curator: route.curator,
                    progress: RouteWords.progress(
                        done: list.filter { $0.status == .done }.count, total: list.count, overdue: overdue),
                    overdue: overdue, status: route.routeStatus)
            }, total: total, canCreate: req.can(.create, .individualRoute(school: probe, shared: true)))
        return req.render(page.render(await context(req)))
    }

    /// The route of the path: its reader is who may read routes of the student's school, or the student and the
    /// guardians (read only).
    static func find(_ req: Request, _ action: Domain.Action) async throws -> IndividualRoute {
        guard
            let route = try await IndividualRoute.query(on: req.db).filter(\.$id == req.idParameter())
                .with(\.$student) { $0.with(\.$school) }.with(\.$academicYear).first()
        else { throw AppError.notFound(RouteWords.notFound) }
        // The student and the guardians read their own route; everyone else by the route's rule (consent included:
        // `.person` alone would let the municipality read a student's route after the consent is withdrawn).
        let linked = try req.requireUser().actor.students.contains(route.$student.id)
        let own =
            action == .read && linked
            && req.can(
                .read,
                .person(
                    studentID: route.$student.id,
                    school: OrgRef(id: route.student.$school.id, municipalityID: route.$municipality.id)))
        if !own { try req.authorize(action, resource(route)) }
        return route
    }

    func cardPage(
        _ req: Request, _ route: IndividualRoute, noteValues: FormValues = FormValues(),
        noteErrors: FieldErrors = FieldErrors()
    ) async throws -> RouteCardPage {
        let id = try route.requireID()
        let zone = try await RegistrySupport.zone(req)
        let today = CivilDay(Date(), timeZone: zone)
        let steps = (try await Self.steps(of: [id], on: req.db))[id] ?? []
        let school = Self.school(route)
        var notes: [RouteCardPage.Note]?
        if req.can(.read, .routeSupportNote(school: school)) {
            notes = try await RouteSupportNote.query(on: req.db).filter(\.$route.$id == id).sort(
                \.$notedOn, .descending
            )
            .sort(\.$createdAt, .descending).all().map {
                RouteCardPage.Note(day: CivilDay(number: $0.notedOn).formatted, author: $0.author, text: $0.text)
            }
        }
        let gifted = Resource.gifted(school: school, shared: route.student.hasConsent)
        return RouteCardPage(
            id: id, student: route.student.fullName,
            studentURL: req.can(.read, gifted) ? SiteURL.record(.gifted, route.$student.id).path : nil,
            school: route.student.school.shortName, grade: route.student.grade, year: route.academicYear.title,
            goals: route.goals, mentor: route.mentor, curator: route.curator, status: route.routeStatus,
            updated: "\(route.updatedBy), \(RuDate.formatDateTime(route.updatedAt, timeZone: zone))",
            steps: try steps.map { step in
                let input = step.input
                return RouteCardPage.Step(
                    id: try step.requireID(), kind: input.kind, title: input.title,
                    startsOn: input.startsOn?.formatted, dueOn: input.dueOn.formatted, status: input.status,
                    overdue: input.status.isOverdue(due: input.dueOn, today: today), result: input.result)
            }, notes: notes, canChange: req.can(.update, Self.resource(route)),
            noteValues: noteValues.values.isEmpty
                ? FormValues(single: ["notedOn": today.formatted]) : noteValues, noteErrors: noteErrors)
    }

    func card(req: Request) async throws -> Response {
        let route = try await Self.find(req, .read)
        return req.render(try await cardPage(req, route).render(await context(req)))
    }
}
