import Domain
import Fluent
import Vapor
import Views

/// The databank of gifted students' pages (issue 21, item 4; `001_4390f67d15d9225c.txt` §3.1.3, §3.2.3): the list, a
/// student's databank card, the administrator's rule, the КМЦ's decisions (entered with a reason, removed after a
/// confirmation page) — each change audited.
struct GiftedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let gifted = routes.grouped("gifted")
        gifted.get(use: list)
        gifted.get("rule", use: ruleForm)
        gifted.post("rule", use: saveRule)
        gifted.get("new", use: decisionForm)
        gifted.post("new", use: decide)
        gifted.get(":id", use: card)
        gifted.get(":id", "decision", "delete", use: removeConfirm)
        gifted.post(":id", "decision", "delete", use: remove)
    }

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["school", "grade", "direction", "subject", "level", "basis", "year"], sorts: ["name"],
            defaultSort: "name", search: true)
    }

    static let choices: [String: [String]] = [
        "grade": (1...11).map(String.init), "direction": ContestDirection.allCases.map(\.rawValue),
        "level": ContestLevel.allCases.map(\.rawValue), "basis": GiftedBasis.allCases.map(\.rawValue),
    ]

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .registry(.gifted)) }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try RegistrySupport.checkChoices(req, Self.choices)
        let query = Self.listQuery(req)
        let bank = try await GiftedBank.read(query, municipalityID: municipalityID, req: req)
        let (students, total, basis) = (bank.students, bank.total, bank.basis)
        let ids = students.compactMap(\.id)
        let achievements = try await GiftedBank.achievements(of: ids, on: req.db)
        let courses = try await GiftedBank.courseCounts(of: ids, on: req.db)
        let support = try await SupportBoard.awardedMarks(of: ids, on: req.db)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .gifted(school: $0, shared: true)
        }
        let schools = try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db)
            .filter { visible?.contains(UUID(uuidString: $0.value)!) ?? true }
        let years = bank.years
        let subjects = try await OlympiadSubject.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).sort(\.$sortKey).all()
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        let page = GiftedListPage(
            query: query, rule: bank.rule, schools: schools,
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            subjects: try subjects.map { (try $0.requireID().uuidString.lowercased(), $0.name) },
            rows: students.map { student in
                let list = achievements[student.id!] ?? []
                return .init(
                    id: student.id!, name: student.fullName, school: student.school.shortName, grade: student.grade,
                    basis: GiftedBasis.allCases.filter { basis[student.id!]?.contains($0) == true },
                    best: list.first.map(GiftedBank.line) ?? "", achievements: list.count,
                    courses: courses[student.id!] ?? 0,
                    support: support[student.id!] ?? [])
            }, total: total, canDecide: req.can(.create, .gifted(school: probe, shared: true)),
            canSetRule: req.can(.update, .giftedRule(municipalityID: municipalityID)))
        return req.render(page.render(await context(req)))
    }

    /// The student of the path, in the databank and readable by the user (404 when not in it).
    static func member(_ req: Request) async throws -> (Student, Set<GiftedBasis>, GiftedDecision?) {
        guard
            let student = try await Student.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$school).first()
        else { throw AppError.notFound() }
        let municipalityID = student.$municipality.id
        try req.authorize(
            .read,
            .gifted(school: OrgRef(id: student.$school.id, municipalityID: municipalityID), shared: student.hasConsent))
        let basis = try await GiftedBank.basis(of: student.requireID(), municipalityID: municipalityID, on: req.db)
        guard !basis.isEmpty else { throw AppError.notFound(OlympiadWords.Gifted.notMember) }
        let decision = try await GiftedDecision.query(on: req.db).filter(\.$student.$id == student.requireID()).first()
        return (student, basis, decision)
    }

    func card(req: Request) async throws -> Response {
        let (student, basis, decision) = try await Self.member(req)
        let id = try student.requireID()
        let zone = try await RegistrySupport.zone(req)
        let achievements = (try await GiftedBank.achievements(of: [id], on: req.db))[id] ?? []
        let courses = try await Enrollment.query(on: req.db).filter(\.$student.$id == id)
            .filter(\.$status != EnrollmentStatus.waitlisted.rawValue)
            .with(\.$group) { $0.with(\.$program).with(\.$academicYear) }.all()
        let routes = try await routeLinks(of: id, req: req)
        let page = GiftedCardPage(
            studentID: id, name: student.fullName, school: student.school.shortName, grade: student.grade,
            basis: GiftedBasis.allCases.filter(basis.contains).map {
                guard $0 == .decision, let decision else { return $0.title }
                return
                    "\($0.title): \(decision.reason) (\(decision.decidedBy), \(RegistrySupport.date(decision.decidedAt, zone)))"
            },
            achievements: achievements.sorted { $0.edition.academicYear.startsOn > $1.edition.academicYear.startsOn }
                .map {
                    .init(
                        year: $0.edition.academicYear.title, edition: ContestEditionsSection.title($0.edition),
                        subject: AchievementsSection.subjectText($0),
                        result: TalentWords.result($0.achievementResult, place: $0.place, score: $0.score))
                },
            courses: courses.sorted { $0.group.academicYear.startsOn > $1.group.academicYear.startsOn }.map {
                .init(
                    year: $0.group.academicYear.title, program: $0.group.program.title, group: $0.group.name,
                    status: OlympiadWords.Gifted.courseState(enrolled: $0.status == EnrollmentStatus.enrolled.rawValue))
            },
            support: ((try await SupportBoard.measures(of: [id], on: req.db))[id] ?? []).map(SupportBoard.line),
            routes: routes.links, mentor: routes.mentor,
            canRemoveDecision: decision != nil
                && req.can(
                    .archive,
                    .gifted(
                        school: OrgRef(id: student.$school.id, municipalityID: student.$municipality.id),
                        shared: student.hasConsent))
        )
        return req.render(page.render(await context(req)))
    }

    /// The student's routes the reader may open, newest year first, and the mentor the newest of them names.
    func routeLinks(of student: UUID, req: Request) async throws -> (
        links: [(title: String, url: String)], mentor: String?
    ) {
        let routes = try await IndividualRoute.query(on: req.db).filter(\.$student.$id == student)
            .with(\.$student).with(\.$academicYear).all().sorted { $0.academicYear.startsOn > $1.academicYear.startsOn }
            .filter { req.can(.read, RoutesController.resource($0)) }
        let steps = try await RoutesController.steps(of: routes.compactMap(\.id), on: req.db)
        let today = CivilDay(Date(), timeZone: try await RegistrySupport.zone(req))
        let mentor = routes.first { $0.mentor != nil }.map { "\($0.mentor!) (\($0.academicYear.title))" }
        let links = try routes.map { route in
            let list = (steps[route.id!] ?? []).map(\.input)
            return (
                "\(route.academicYear.title) — \(route.routeStatus.title), "
                    + RouteWords.progress(
                        done: list.filter { $0.status == .done }.count, total: list.count,
                        overdue: list.filter { $0.status.isOverdue(due: $0.dueOn, today: today) }.count),
                RoutePaths.card(try route.requireID())
            )
        }
        return (links, mentor)
    }
}
