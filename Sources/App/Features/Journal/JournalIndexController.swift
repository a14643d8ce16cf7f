import Domain
import Fluent
import Vapor
import Views

/// «Журнал» in the menu: this year's groups whose journals the user keeps or checks — a teacher's own groups, a
/// centre head's centre, the whole municipality for the methodologist and the КМЦ —, each with its past lessons not yet
/// marked. Three statements whatever the rows: the count, the page of groups, their unmarked lessons.
struct JournalIndexController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("journal", use: index)
    }

    func index(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let municipalityID = try RegistrySupport.municipality(req)
        let now = Date()
        let grants = user.actor.activeGrants(at: now)
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        let wide =
            grants.contains { $0.role.isMunicipalityWide }
            && req.can(.read, .journal(center: probe, teacherUserID: nil))
        let centres = grants.filter { $0.role == .centerHead }.compactMap(\.scope.organizationID)
        let staff = try await StaffMember.query(on: req.db).filter(\.$user.$id == user.userID).all().compactMap(\.id)
        guard wide || !centres.isEmpty || !staff.isEmpty else { throw AppError.forbidden }
        let zone = try await MunicipalClock.zone(municipalityID, on: req.db)
        let today = CivilDay(now, timeZone: zone)
        let year = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$isCurrent == true).first()
        let query = RegistrySupport.listQuery(req, filters: [], sorts: ["center"], defaultSort: "center")
        var groups = StudyGroup.query(on: req.db).join(
            Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id
        )
        .filter(Organization.self, \.$municipality.$id == municipalityID)
        .filter(\.$status == RecordStatus.active.rawValue)
        if let yearID = year?.id { groups = groups.filter(\.$academicYear.$id == yearID) }
        if !wide {
            groups = groups.group(.or) { either in
                if !centres.isEmpty { either.filter(\.$organization.$id ~~ centres) }
                if !staff.isEmpty { either.filter(\.$teacher.$id ~~ staff) }
            }
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { groups = groups.filter(\.$name ~~ TextKey.likeSafe(query.q)) }
        let (rows, total) = try await groups.sort(Organization.self, \.$sortKey).sort(\.$name)
            .with(\.$organization).with(\.$program).with(\.$teacher).paged(query)
        let ids = rows.compactMap(\.id)
        let unmarked =
            ids.isEmpty
            ? []
            : try await Lesson.query(on: req.db).filter(\.$group.$id ~~ ids).filter(\.$day < today.number)
                .filter(\.$status != LessonStatus.cancelled.rawValue)
                .without(LessonRecord.self, on: \Lesson.$id == \LessonRecord.$lesson.$id).all(\.$group.$id)
        let behind = Dictionary(unmarked.map { ($0, 1) }, uniquingKeysWith: +)
        let page = JournalIndexPage(
            query: query, total: total, yearTitle: year?.title,
            rows: try rows.map { group in
                let id = try group.requireID()
                return JournalIndexPage.Row(
                    id: id, group: group.name, program: group.program.title, center: group.organization.shortName,
                    teacher: group.teacher?.fullName ?? "", unmarked: behind[id] ?? 0)
            })
        return req.render(page.render(await req.pageContext(active: .journal)))
    }
}
