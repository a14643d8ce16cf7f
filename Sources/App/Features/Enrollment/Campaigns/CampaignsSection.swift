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

    func fields(_ req: Request, record: EnrollmentCampaign?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        let programs = try await NetworkProgram.query(on: req.db).filter(\.$approval == ProgramApproval.agreed.rawValue)
            .filter(\.$status == RecordStatus.active.rawValue).join(
                Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id
            )
            .filter(Organization.self, \.$municipality.$id == municipalityID).with(\.$organization).sort(\.$sortKey)
            .all()
        return CampaignFormPage(
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            programs: try programs.map {
                CampaignFormPage.Program(
                    id: try $0.requireID(), title: $0.title, center: $0.organization.shortName,
                    gradeFrom: $0.gradeFrom, gradeTo: $0.gradeTo)
            }
        ).fields
    }

    func values(_ c: EnrollmentCampaign, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        let programs = try await c.$programs.query(on: req.db).all()
        return FormValues([
            "title": [c.title], "academicYear": [c.$academicYear.id.uuidString.lowercased()],
            "opensOn": [RuDate.format(c.opensAt, timeZone: zone)],
            "opensTime": [RuDate.time(c.opensAt, timeZone: zone)],
            "closesOn": [RuDate.format(c.closesAt, timeZone: zone)],
            "closesTime": [RuDate.time(c.closesAt, timeZone: zone)],
            "mode": [c.mode], "maxCourses": [String(c.maxCourses)], "confirmDays": [String(c.confirmDays)],
            "programs": try programs.map { try $0.requireID().uuidString.lowercased() },
        ])
    }

    func apply(_ form: FormValues, to c: EnrollmentCampaign, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : c.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        let title = errors.required("title", form["title"], max: 200)
        var year: AcademicYear?
        if let id = form["academicYear"].flatMap(UUID.init(uuidString:)) {
            year = try await AcademicYear.find(id, on: req.db)
        }
        if year == nil || year?.$municipality.id != municipalityID {
            errors.add("academicYear", EnrollmentWords.Campaigns.Errors.chooseYear)
        }
        func moment(_ dateKey: String, _ timeKey: String, defaultTime: String) -> Date? {
            let time = (form[timeKey] ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? defaultTime : form[timeKey]!
            guard let d = errors.date(dateKey, form[dateKey], timeZone: zone, required: true) else { return nil }
            guard let t = RuDate.parse(RuDate.format(d, timeZone: zone), time: time, timeZone: zone) else {
                errors.add(timeKey, EnrollmentWords.Campaigns.Errors.badTime)
                return nil
            }
            return t
        }
        let opens = moment("opensOn", "opensTime", defaultTime: "00:00")
        let closes = moment("closesOn", "closesTime", defaultTime: "23:59")
        CampaignRules.validateWindow(opens: opens, closes: closes, errors: &errors)
        var mode: CampaignMode?
        if let raw = form["mode"] {
            mode = errors.choice("mode", raw, as: CampaignMode.self)
        } else {
            errors.add("mode", EnrollmentWords.Campaigns.Errors.chooseValue)
        }
        let maxCourses = errors.integer("maxCourses", form["maxCourses"], range: 1...5, required: true)
        let confirmDays = errors.integer("confirmDays", form["confirmDays"], range: 1...30, required: true)
        let ids = form.all("programs").compactMap(UUID.init(uuidString:))
        let programs =
            ids.isEmpty
            ? []
            : try await NetworkProgram.query(on: req.db).filter(\.$id ~~ ids).with(\.$organization).all()
                .filter {
                    $0.organization.$municipality.id == municipalityID && $0.approval == ProgramApproval.agreed.rawValue
                }
        if programs.isEmpty { errors.add("programs", EnrollmentWords.Campaigns.Errors.choosePrograms) }
        if !isNew, c.distributedAt != nil { errors.add("mode", EnrollmentWords.Campaigns.Errors.alreadyDistributed) }
        if !isNew, c.campaignMode != mode,
            try await CourseApplication.query(on: req.db).filter(try \.$campaign.$id == c.requireID()).count() > 0
        {
            errors.add("mode", EnrollmentWords.Campaigns.Errors.applicationsFiled)
        }
        guard errors.isEmpty, let year, let opens, let closes, let mode, let maxCourses, let confirmDays else {
            return nil
        }
        c.$municipality.id = municipalityID
        c.$academicYear.id = try year.requireID()
        c.title = title
        c.opensAt = opens
        c.closesAt = closes
        c.mode = mode.rawValue
        c.maxCourses = maxCourses
        c.confirmDays = confirmDays
        c.searchKey = TextKey.search(title)
        c.sortKey = TextKey.sort(title)
        let programIDs = programs.compactMap(\.id)
        return { db in
            let id = try c.requireID()
            try await CampaignProgram.query(on: db).filter(\.$campaign.$id == id).delete()
            for p in programIDs {
                let l = CampaignProgram()
                l.$campaign.id = id
                l.$program.id = p
                try await l.create(on: db)
            }
        }
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
