import Domain
import Fluent
import Vapor
import Views

/// Enrolment campaigns (issue 3): the КМЦ opens a window for agreed programmes, sets the mode and how many courses a
/// student may get; students and guardians apply with an ИУП while it is open.
struct CampaignsSection: RegistrySection {
    typealias Record = EnrollmentCampaign
    let area = Registry.campaigns
    let entityType = "campaign"
    let noun = EnrollmentWords.Campaigns.noun
    let newTitle = EnrollmentWords.Campaigns.newTitle
    let archiveConsequence = EnrollmentWords.Campaigns.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let zone = try await RegistrySupport.zone(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["status"], sorts: ["opens", "name"], defaultSort: "opens", defaultFilters: [:])
        var b = EnrollmentCampaign.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
        b =
            query.sort == "name"
            ? b.sort(\.$sortKey, query.descending ? .descending : .ascending)
            : b.sort(\.$opensAt, query.descending ? .ascending : .descending)
        let (rows, total) = try await b.sort(\.$id).paged(query)
        let counts = try await Self.applicationCounts(rows.compactMap(\.id), on: req.db)
        let now = Date()
        return CampaignListPage(
            query: query,
            rows: try rows.map { c in
                CampaignListPage.Row(
                    id: try c.requireID(), title: c.title, opens: RuDate.formatDateTime(c.opensAt, timeZone: zone),
                    closes: RuDate.formatDateTime(c.closesAt, timeZone: zone), mode: c.campaignMode,
                    maxCourses: c.maxCourses, applications: counts[try c.requireID()] ?? 0,
                    phase: Self.phase(c, now: now))
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
    }

    static func phase(_ c: EnrollmentCampaign, now: Date) -> CampaignListPage.Phase {
        if c.status != RecordStatus.active.rawValue { return .archived }
        if now < c.opensAt { return .notStarted }
        if c.isOpen(at: now) { return .open }
        if c.campaignMode == .ranked && c.distributedAt == nil { return .awaitingDistribution }
        return .finished
    }

    static func applicationCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            grouping: try await CourseApplication.query(on: db).filter(\.$campaign.$id ~~ ids).all(),
            by: { $0.$campaign.id }
        ).mapValues(\.count)
    }

    func resource(_ record: EnrollmentCampaign, on db: any Database) async throws -> Resource {
        .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: EnrollmentCampaign) -> String { record.title }
    func scope(_ record: EnrollmentCampaign) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ c: EnrollmentCampaign, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let programs = try await c.$programs.query(on: req.db).with(\.$organization).sort(\.$sortKey).all()
        let groups = try await StudyGroup.query(on: req.db).filter(\.$program.$id ~~ programs.compactMap(\.id)).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .with(\.$program).with(\.$organization).sort(\.$name).all()
        let apps = try await CourseApplication.query(on: req.db).filter(try \.$campaign.$id == c.requireID()).with(
            \.$student
        ).with(
            \.$school
        ).all()
        var byState: [ApplicationState: Int] = [:]
        for a in apps { if let s = ApplicationState(rawValue: a.state) { byState[s, default: 0] += 1 } }
        var draws: [CampaignCardPage.Draw]?
        if let order = c.lotteryOrder, req.can(.update, .reference(municipalityID: c.$municipality.id)) {
            let byID = Dictionary(
                try apps.map { (try $0.requireID().uuidString.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            let choiceRows = try await ApplicationChoice.query(on: req.db).filter(
                \.$application.$id ~~ apps.compactMap(\.id)
            ).with(\.$group).all()
            let choices = Dictionary(grouping: choiceRows, by: { $0.$application.id })
            draws = try order.split(separator: ",").enumerated().compactMap { i, id in
                guard let a = byID[String(id)] else { return nil }
                let got = (choices[try a.requireID()] ?? []).sorted { $0.rank < $1.rank }.filter {
                    $0.outcome == "enrolled" || $0.outcome == "waitlisted"
                }
                return CampaignCardPage.Draw(
                    number: i + 1, student: a.student.fullName, school: a.school.shortName,
                    results: got.map { ($0.group.name, $0.outcome == "enrolled") })
            }
        }
        let page = CampaignCardPage(
            opens: RuDate.formatDateTime(c.opensAt, timeZone: zone),
            closes: RuDate.formatDateTime(c.closesAt, timeZone: zone),
            mode: c.campaignMode, maxCourses: c.maxCourses,
            choiceSlots: CampaignRules.choiceSlots(maxCourses: c.maxCourses), confirmDays: c.confirmDays,
            applications: byState, seed: c.seed,
            distributedAt: c.distributedAt.map { RuDate.formatDateTime($0, timeZone: zone) },
            distributedBy: c.distributedBy,
            groups: try groups.map { g in
                CampaignCardPage.Group(
                    id: try g.requireID(), name: g.name, program: g.program.title, center: g.organization.shortName,
                    gradeFrom: g.program.gradeFrom, gradeTo: g.program.gradeTo, enrolled: g.enrolledCount,
                    capacity: g.capacity)
            },
            draws: draws,
            awaitingDistribution: c.campaignMode == .ranked && c.distributedAt == nil && Date() >= c.closesAt)
        return (page.facts, page.sections, page.warnings)
    }

    func auditFields(_ c: EnrollmentCampaign, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(c.$municipality.id, on: db)
        let programs = try await CampaignProgram.query(on: db).filter(\.$campaign.$id == c.id ?? UUID()).with(
            \.$program
        ).all()
        return EnrollmentWords.Campaigns.auditFields(
            title: c.title,
            window: RuDate.formatDateTime(c.opensAt, timeZone: zone) + " — "
                + RuDate.formatDateTime(c.closesAt, timeZone: zone),
            mode: c.campaignMode.title, maxCourses: c.maxCourses, confirmDays: c.confirmDays,
            programs: programs.map(\.program.title))
    }

    func isEditable(_ record: EnrollmentCampaign) -> Bool { record.distributedAt == nil }

    func extraActions(_ c: EnrollmentCampaign, req: Request) async throws -> [RegistryCard.Action] {
        guard c.campaignMode == .ranked, c.distributedAt == nil, Date() >= c.closesAt,
            c.status == RecordStatus.active.rawValue,
            req.can(.update, .reference(municipalityID: c.$municipality.id))
        else { return [] }
        return [
            .link(
                EnrollmentWords.Campaigns.distribute, SiteURL.record(area, try c.requireID()).path + "/distribute",
                primary: true)
        ]
    }
}
