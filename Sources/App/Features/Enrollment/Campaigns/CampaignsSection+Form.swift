import Domain
import Fluent
import Vapor
import Views

/// The campaign form: its fields, the record's values in it, and the checks and writes of a save.
extension CampaignsSection {
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

    func values(_ record: EnrollmentCampaign, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        let programs = try await record.$programs.query(on: req.db).all()
        return FormValues([
            "title": [record.title], "academicYear": [record.$academicYear.id.uuidString.lowercased()],
            "opensOn": [RuDate.format(record.opensAt, timeZone: zone)],
            "opensTime": [RuDate.time(record.opensAt, timeZone: zone)],
            "closesOn": [RuDate.format(record.closesAt, timeZone: zone)],
            "closesTime": [RuDate.time(record.closesAt, timeZone: zone)],
            "mode": [record.mode], "maxCourses": [String(record.maxCourses)],
            "confirmDays": [String(record.confirmDays)],
            "programs": try programs.map { try $0.requireID().uuidString.lowercased() },
        ])
    }

    func apply(_ form: FormValues, to record: EnrollmentCampaign, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
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
            guard let day = errors.date(dateKey, form[dateKey], timeZone: zone, required: true) else { return nil }
            guard let instant = RuDate.parse(RuDate.format(day, timeZone: zone), time: time, timeZone: zone) else {
                errors.add(timeKey, EnrollmentWords.Campaigns.Errors.badTime)
                return nil
            }
            return instant
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
        if !isNew, record.distributedAt != nil {
            errors.add("mode", EnrollmentWords.Campaigns.Errors.alreadyDistributed)
        }
        if !isNew, record.campaignMode != mode,
            try await CourseApplication.query(on: req.db).filter(try \.$campaign.$id == record.requireID()).count() > 0
        {
            errors.add("mode", EnrollmentWords.Campaigns.Errors.applicationsFiled)
        }
        guard errors.isEmpty, let year, let opens, let closes, let mode, let maxCourses, let confirmDays else {
            return nil
        }
        record.$municipality.id = municipalityID
        record.$academicYear.id = try year.requireID()
        record.title = title
        record.opensAt = opens
        record.closesAt = closes
        record.mode = mode.rawValue
        record.maxCourses = maxCourses
        record.confirmDays = confirmDays
        record.searchKey = TextKey.search(title)
        record.sortKey = TextKey.sort(title)
        let programIDs = programs.compactMap(\.id)
        return { db in
            let id = try record.requireID()
            try await CampaignProgram.query(on: db).filter(\.$campaign.$id == id).delete()
            for programID in programIDs {
                let link = CampaignProgram()
                link.$campaign.id = id
                link.$program.id = programID
                try await link.create(on: db)
            }
        }
    }
}
