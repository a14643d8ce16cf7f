import Domain
import Fluent
import Vapor
import Views

/// Study groups in the web UI: the list with free places, a group's card with its students and waiting list,
/// direct enrolment by the coordinator or the centre's head, and withdrawal.
struct GroupsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let groups = routes.grouped("groups")
        groups.get(use: index)
        bootEditing(groups)
        groups.get(":id", use: show)
        groups.get(":id", "enroll", use: enrollSearch)
        groups.post(":id", "enroll", use: enroll)
        groups.get(":id", "withdraw", ":enrollment", use: withdrawConfirm)
        groups.post(":id", "withdraw", ":enrollment", use: withdraw)
    }

    let area = Registry.groups
    var active: MenuArea { .registry(.groups) }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .group(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        // The current year's groups unless another year (or «Все годы») is chosen, or a search comes without a year (a
        // link or a typed address: then every year's). Last year's groups stay, closed, in the list — their
        // certificates
        // and results are issued later. The page's own form always sends the year it shows.
        let searching = !((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let current = searching ? nil : years.first(where: \.isCurrent)?.id?.uuidString.lowercased()
        let query = RegistrySupport.listQuery(
            req, filters: ["organization", "free", "year"], sorts: ["name", "center"], defaultSort: "center",
            defaultFilters: current.map { ["year": $0] } ?? [:])
        var builder = StudyGroup.query(on: req.db).join(
            Organization.self, on: \StudyGroup.$organization.$id == \Organization.$id
        )
        .join(NetworkProgram.self, on: \StudyGroup.$program.$id == \NetworkProgram.$id)
        .filter(Organization.self, \.$municipality.$id == municipalityID).filter(
            \.$status == RecordStatus.active.rawValue)
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(\.$organization.$id == org)
        }
        // With the current year's groups, the issuer also sees past years' groups still waiting for certificates.
        let currentYear = years.first(where: \.isCurrent)
        let awaiting =
            try currentYear.flatMap({ try $0.requireID().uuidString.lowercased() }) == query.filters["year"]
            ? Set(
                try await CertificateService.groupsAwaitingCertificates(municipalityID: municipalityID, req: req)
                    .compactMap(\.id)) : []
        if let year = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            builder =
                awaiting.isEmpty
                ? builder.filter(\.$academicYear.$id == year)
                : builder.group(.or) { $0.filter(\.$academicYear.$id == year).filter(\.$id ~~ Array(awaiting)) }
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty {
            builder = builder.group(.or) {
                $0.filter(Organization.self, \.$searchKey ~~ needle).filter(\.$searchKey ~~ needle)
            }
        }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        builder =
            query.sort == "name"
            ? builder.sort(\.$name, dir) : builder.sort(Organization.self, \.$sortKey, dir).sort(\.$name)
        // The page's ids through the filters above, then its rows in one statement (`GroupRowsSQL`).
        let (ids, total) = try await builder.pagedIDs(query)
        let rows = try await GroupRowsSQL.rows(ids: ids, on: req.db)
        let centers = try await OrganizationQueries.currentCenterIDs(municipalityIDs: [municipalityID], on: req.db)
        let centerOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            centers.contains(UUID(uuidString: $0.value)!)
        }
        let page = GroupListPage(
            query: query, centers: centerOptions,
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            rows: rows.map { row in
                var row = row
                row.awaitingCertificates = awaiting.contains(row.id)
                return row
            },
            total: total,
            canCreate: req.can(.create, .group(try RegistrySupport.creatableOrganization(req) { .group($0) })),
            missing: try await missingGroups(req, municipalityID: municipalityID)
        ).list
        return req.render(page.render(await req.pageContext(active: active)))
    }

    /// Subjects assigned to a centre this year with no open group there (`000_5375b2a087477e6d.txt` §4.1: the minimum
    /// number of groups equals the number of the centre's subjects) — shown to those who can act on it; one statement of
    /// the missing pairs (`MissingGroupsSQL`).
    func missingGroups(_ req: Request, municipalityID: UUID) async throws -> [GroupListPage.Missing] {
        guard
            let year = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                \.$isCurrent == true
            ).first()
        else { return [] }
        let missing = try await MissingGroupsSQL.missing(
            municipalityID: municipalityID, yearID: try year.requireID(), on: req.db
        ).filter { req.can(.create, .group(OrgRef(id: $0.center, municipalityID: municipalityID))) }
        let byCentre = Dictionary(grouping: missing, by: \.center).values.sorted {
            ($0[0].centerSortKey, $0[0].center.uuidString) < ($1[0].centerSortKey, $1[0].center.uuidString)
        }
        let lines = byCentre.map { rows in
            GroupListPage.Missing(center: rows[0].centerName, subjects: rows.map(\.subject).sorted())
        }
        return lines
    }

    func find(_ req: Request, _ action: Domain.Action = .read) async throws -> (StudyGroup, Organization) {
        guard
            let group = try await StudyGroup.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$program).with(
                \.$teacher
            )
            .with(\.$academicYear).with(\.$room).first(),
            let center = try await Organization.find(group.$organization.id, on: req.db)
        else { throw AppError.notFound(EnrollmentWords.Groups.notFound) }
        try req.authorize(action, .group(center.ref))
        return (group, center)
    }

    func show(req: Request) async throws -> Response {
        let (group, center) = try await find(req)
        let zone = try await RegistrySupport.zone(req)
        let places = try await GroupCardSQL.places(group: try group.requireID(), on: req.db)
        // Only the students the viewer may see by the policy are listed; the counts are shown to everyone who sees the
        // group.
        let visible = places.filter { req.can(.read, .groupStudent(school: $0.school, center: center.ref)) }
        let mayEnroll = req.can(.create, .enrollment(group: center.ref, studentSchool: center.ref))
        func student(_ place: GroupCardSQL.Place, position: Int? = nil) -> GroupCardPage.Student {
            GroupCardPage.Student(
                enrollmentID: place.enrollmentID, name: place.name, school: place.schoolName, grade: place.grade,
                position: position)
        }
        let seated = visible.filter { $0.status == EnrollmentStatus.enrolled.rawValue }.sorted {
            $0.sortKey < $1.sortKey
        }
        let waiting = visible.filter { $0.status == EnrollmentStatus.waitlisted.rawValue }.sorted {
            ($0.waitlistSeq ?? 0) < ($1.waitlistSeq ?? 0)
        }
        let allWaiting = places.filter { $0.status == EnrollmentStatus.waitlisted.rawValue }.compactMap(
            \.waitlistSeq)
        let readLists = req.can(.read, .enrollmentList(group: center.ref))
        let lists =
            readLists
            ? try await EnrollmentList.query(on: req.db).filter(try \.$group.$id == group.requireID()).sort(
                \.$createdAt, .descending
            )
            .with(\.$items).all()
            .filter {
                $0.state != EnrollmentList.State.draft.rawValue
                    || req.can(.update, .enrollmentList(group: center.ref))
            }
            : []
        let listSizes = try await GroupCardSQL.listSizes(lists.compactMap(\.id), on: req.db)
        let rights = GroupCardPage.Rights(
            edit: req.can(.update, .group(center.ref)),
            journal: req.can(.read, .journal(center: center.ref, teacherUserID: group.teacher?.$user.id)),
            certificates: req.can(.read, .certificate(center: center.ref)), enroll: mayEnroll,
            composeList: req.can(.create, .enrollmentList(group: center.ref)), readLists: readLists)
        let rooms = try await Lesson.roomNames(ofGroup: try group.requireID(), on: req.db)
        let card = GroupCardPage(
            id: try group.requireID(), name: group.name, program: group.program.title,
            programAgreed: group.program.approval == "agreed",
            center: center.shortName, year: group.academicYear.title, teacher: group.teacher?.fullName ?? "",
            room: rooms.isEmpty ? group.room?.name ?? "" : rooms.joined(separator: ", "),
            plannedHours: group.plannedHours,
            startsOn: RegistrySupport.date(group.startsOn, zone),
            endsOn: RegistrySupport.date(group.endsOn, zone), enrolled: group.enrolledCount, capacity: group.capacity,
            waitingCount: allWaiting.count, isOpen: group.isOpen, rights: rights,
            seated: seated.map { student($0) },
            waiting: waiting.map {
                student(
                    $0, position: GroupRules.position(ofSequence: $0.waitlistSeq ?? 0, waitingSequences: allWaiting))
            },
            hidden: places.count - visible.count,
            lists: try lists.map { list in
                GroupCardPage.List(
                    url: SiteURL.enrollmentList(try list.requireID()).path,
                    created: RuDate.formatDateTime(list.createdAt, timeZone: zone),
                    items: listSizes[try list.requireID()] ?? 0,
                    state: EnrollmentList.State(rawValue: list.state)?.title ?? list.state)
            }
        ).card
        return req.render(card.render(await req.pageContext(active: active)))
    }
}
