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
        var builder = EnrollmentCampaign.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        builder =
            query.sort == "name"
            ? builder.sort(\.$sortKey, query.descending ? .descending : .ascending)
            : builder.sort(\.$opensAt, query.descending ? .ascending : .descending)
        let (rows, total) = try await builder.sort(\.$id).paged(query)
        let counts = try await Self.applicationCounts(rows.compactMap(\.id), on: req.db)
        let now = Date()
        return CampaignListPage(
            query: query,
            rows: try rows.map { campaign in
                CampaignListPage.Row(
                    id: try campaign.requireID(), title: campaign.title,
                    opens: RuDate.formatDateTime(campaign.opensAt, timeZone: zone),
                    closes: RuDate.formatDateTime(campaign.closesAt, timeZone: zone), mode: campaign.campaignMode,
                    maxCourses: campaign.maxCourses, applications: counts[try campaign.requireID()] ?? 0,
                    phase: Self.phase(campaign, now: now))
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
    }

    static func phase(_ campaign: EnrollmentCampaign, now: Date) -> CampaignListPage.Phase {
        if campaign.status != RecordStatus.active.rawValue { return .archived }
        if now < campaign.opensAt { return .notStarted }
        if campaign.isOpen(at: now) { return .open }
        if campaign.campaignMode == .ranked && campaign.distributedAt == nil { return .awaitingDistribution }
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

    func card(_ record: EnrollmentCampaign, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let programs = try await record.$programs.query(on: req.db).with(\.$organization).sort(\.$sortKey).all()
        let groups = try await StudyGroup.query(on: req.db).filter(\.$program.$id ~~ programs.compactMap(\.id)).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .with(\.$program).with(\.$organization).sort(\.$name).all()
        let apps = try await CourseApplication.query(on: req.db).filter(try \.$campaign.$id == record.requireID()).with(
            \.$student
        ).with(
            \.$school
        ).all()
        var byState: [ApplicationState: Int] = [:]
        for application in apps {
            if let state = ApplicationState(rawValue: application.state) { byState[state, default: 0] += 1 }
        }
        var draws: [CampaignCardPage.Draw]?
        if let order = record.lotteryOrder, req.can(.update, .reference(municipalityID: record.$municipality.id)) {
            let byID = Dictionary(
                try apps.map { (try $0.requireID().uuidString.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            let choiceRows = try await ApplicationChoice.query(on: req.db).filter(
                \.$application.$id ~~ apps.compactMap(\.id)
            ).with(\.$group).all()
            let choices = Dictionary(grouping: choiceRows, by: { $0.$application.id })
            draws = try order.split(separator: ",").enumerated().compactMap { i, id in
                guard let application = byID[String(id)] else { return nil }
                let got = (choices[try application.requireID()] ?? []).sorted { $0.rank < $1.rank }.filter {
                    $0.outcome == "enrolled" || $0.outcome == "waitlisted"
                }
                return CampaignCardPage.Draw(
                    number: i + 1, student: application.student.fullName,
                    sex: application.student.sex.flatMap(Sex.init(rawValue:)), school: application.school.shortName,
                    results: got.map { ($0.group.name, $0.outcome == "enrolled") })
            }
        }
        let page = CampaignCardPage(
            opens: RuDate.formatDateTime(record.opensAt, timeZone: zone),
            closes: RuDate.formatDateTime(record.closesAt, timeZone: zone),
            mode: record.campaignMode, maxCourses: record.maxCourses,
            choiceSlots: CampaignRules.choiceSlots(maxCourses: record.maxCourses), confirmDays: record.confirmDays,
            applications: byState, seed: record.seed,
            distributedAt: record.distributedAt.map { RuDate.formatDateTime($0, timeZone: zone) },
            distributedBy: record.distributedBy,
            groups: try groups.map { group in
                CampaignCardPage.Group(
                    id: try group.requireID(), name: group.name, program: group.program.title,
                    center: group.organization.shortName,
                    gradeFrom: group.program.gradeFrom, gradeTo: group.program.gradeTo, enrolled: group.enrolledCount,
                    capacity: group.capacity)
            },
            draws: draws,
            awaitingDistribution: record.campaignMode == .ranked && record.distributedAt == nil
                && Date() >= record.closesAt)
        return (page.facts, page.sections, page.warnings)
    }

    func auditFields(_ record: EnrollmentCampaign, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(record.$municipality.id, on: db)
        let programs = try await CampaignProgram.query(on: db).filter(\.$campaign.$id == record.id ?? UUID()).with(
            \.$program
        ).all()
        return EnrollmentWords.Campaigns.auditFields(
            title: record.title,
            window: RuDate.formatDateTime(record.opensAt, timeZone: zone) + " — "
                + RuDate.formatDateTime(record.closesAt, timeZone: zone),
            mode: record.campaignMode.title, maxCourses: record.maxCourses, confirmDays: record.confirmDays,
            programs: programs.map(\.program.title))
    }

    func isEditable(_ record: EnrollmentCampaign) -> Bool { record.distributedAt == nil }

    func extraActions(_ record: EnrollmentCampaign, req: Request) async throws -> [RegistryCard.Action] {
        guard record.campaignMode == .ranked, record.distributedAt == nil, Date() >= record.closesAt,
            record.status == RecordStatus.active.rawValue,
            req.can(.update, .reference(municipalityID: record.$municipality.id))
        else { return [] }
        return [
            .link(
                EnrollmentWords.Campaigns.distribute, SiteURL.record(area, try record.requireID()).path + "/distribute",
                primary: true)
        ]
    }
}
