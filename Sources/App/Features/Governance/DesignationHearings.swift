import Domain
import Fluent
import Vapor
import Views

/// Hearing a resource centre's year at a held meeting of the КМЦ (issue 22, item 6; `001_4390f67d15d9225c.txt` §5.8,
/// `003_256a4293e3c370c5.txt` §3.10–3.11) — written once for the page and the API. The decision is recorded on the
/// designation: keeping the status carries it into the next academic year (its subjects, directions and profiles; the
/// decree left for the department's order), a change is written down for the registry's card, an end archives it.
/// Each is in the audit of the meeting and of the designation.
enum DesignationHearings {
    enum Outcome {
        /// Written; for «keep», the year the designation carried into.
        case saved(DesignationHearing, carriedTo: String?)
        case invalid(FieldErrors)
    }

    /// The active designation of the municipality `raw` names, with its organisation and year.
    static func designation(_ raw: String?, municipalityID: UUID, on db: any Database) async throws -> ResourceCenter? {
        guard let id = raw.flatMap(UUID.init(uuidString:)),
            let center = try await ResourceCenter.query(on: db).filter(\.$id == id).with(\.$organization)
                .with(\.$academicYear).first(),
            center.organization.$municipality.id == municipalityID, center.status == RecordStatus.active.rawValue
        else { return nil }
        return center
    }

    /// The designations a meeting's form offers: the municipality's active ones not heard at it yet, newest year first.
    static func choices(_ municipalityID: UUID, meetingID: UUID, on db: any Database) async throws -> [(
        value: String, title: String
    )] {
        let heard = Set(
            try await DesignationHearing.query(on: db).filter(\.$meeting.$id == meetingID).all(\.$center.$id))
        let centers = try await ResourceCenter.query(on: db)
            .join(Organization.self, on: \ResourceCenter.$organization.$id == \Organization.$id)
            .filter(Organization.self, \.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).with(\.$organization).with(\.$academicYear).all()
            .filter { !heard.contains($0.id ?? UUID()) }
        return
            try centers.sorted {
                ($0.academicYear.startsOn, $1.organization.sortKey) > (
                    $1.academicYear.startsOn, $0.organization.sortKey
                )
            }
            .map {
                (try $0.requireID().uuidString.lowercased(), $0.organization.shortName + ", " + $0.academicYear.title)
            }
    }

    /// The hearings of a meeting (or of a designation), as rows of the pages.
    static func rows(meetingID: UUID? = nil, centerID: UUID? = nil, on db: any Database) async throws -> [HearingRow] {
        var query = DesignationHearing.query(on: db).with(\.$center) { $0.with(\.$organization).with(\.$academicYear) }
            .with(\.$meeting).with(\.$nextCenter) { $0.with(\.$academicYear) }
        if let meetingID { query = query.filter(\.$meeting.$id == meetingID) }
        if let centerID { query = query.filter(\.$center.$id == centerID) }
        return try await query.all()
            .sorted {
                ($0.meeting.heldOn, $0.center.organization.sortKey) < (
                    $1.meeting.heldOn, $1.center.organization.sortKey
                )
            }
            .map { hearing in
                HearingRow(
                    centerID: hearing.$center.id, center: hearing.center.organization.shortName,
                    year: hearing.center.academicYear.title, meetingID: hearing.$meeting.id,
                    meeting: HearingWords.auditMeeting(hearing.meeting.title, day: hearing.meeting.day.formatted),
                    decision: hearing.designationDecision, reasoning: hearing.reasoning ?? "",
                    carried: try hearing.nextCenter.map { (try $0.requireID(), $0.academicYear.title) })
            }
    }

    /// The academic year after the designation's, if the municipality has it.
    static func nextYear(_ center: ResourceCenter, on db: any Database) async throws -> AcademicYear? {
        try await AcademicYear.query(on: db).filter(\.$municipality.$id == center.academicYear.$municipality.id)
            .filter(\.$startsOn > center.academicYear.startsOn).filter(\.$status == RecordStatus.active.rawValue)
            .sort(\.$startsOn).first()
    }

    static func record(
        _ req: Request, _ meeting: Meeting, center raw: String?, decision: String?, reasoning: String?
    ) async throws -> Outcome {
        guard meeting.meetingStatus == .held else { throw AppError.conflict(HearingWords.onlyHeld) }
        let meetingID = try meeting.requireID()
        var errors = FieldErrors()
        let input = DesignationHearingInput.check(decision: decision, reasoning: reasoning, errors: &errors)
        let center = try await designation(raw, municipalityID: meeting.$municipality.id, on: req.db)
        if let center {
            let heard = try await DesignationHearing.query(on: req.db).filter(\.$meeting.$id == meetingID)
                .filter(\.$center.$id == center.requireID()).count()
            if heard > 0 { errors.add("center", HearingWords.twice) }
        } else {
            errors.add("center", HearingWords.chooseCenter)
        }
        guard let input, let center, errors.isEmpty else { return .invalid(errors) }
        // The decision changes the registry: ending archives the designation, keeping makes next year's.
        switch input.decision {
        case .end: try req.authorize(.archive, .resourceCenter(center.organization.ref))
        case .keep: try req.authorize(.create, .resourceCenter(center.organization.ref))
        case .change: try req.authorize(.update, .resourceCenter(center.organization.ref))
        }
        let next = input.decision == .keep ? try await nextYear(center, on: req.db) : nil
        let user = try req.requireUser().username
        let centerID = try center.requireID()
        let expected = center.version
        let line = HearingWords.auditLine(
            center: center.organization.shortName, year: center.academicYear.title, decision: input.decision)
        let said =
            HearingWords.auditMeeting(meeting.title, day: meeting.day.formatted) + ": " + input.decision.title
            + (input.reasoning.map { ". " + $0 } ?? "")
        do {
            let hearing = try await req.application.writeTransaction { db -> DesignationHearing in
                let hearing = DesignationHearing()
                hearing.$municipality.id = meeting.$municipality.id
                hearing.$center.id = centerID
                hearing.$meeting.id = meetingID
                hearing.decision = input.decision.rawValue
                hearing.reasoning = input.reasoning
                hearing.createdBy = user
                hearing.createdAt = Date()
                // Claimed whatever the decision: a designation archived or changed meanwhile is not decided on blind.
                guard
                    try await RegistrySupport.claimVersion(
                        table: ResourceCenter.schema, id: centerID, expected: expected, on: db)
                else { throw AppError.conflict(HearingWords.changed) }
                center.version = expected + 1
                if input.decision == .end {
                    center.status = RecordStatus.archived.rawValue
                    try await center.save(on: db)
                }
                if let next {
                    hearing.$nextCenter.id = try await carry(center, into: next, req: req, on: db)
                }
                try await hearing.create(on: db)
                try await Audit.record(
                    on: db, req: req, action: input.decision == .end ? .archive : .update,
                    entityType: "resource_center", entityID: centerID,
                    title: center.organization.shortName, municipalityID: meeting.$municipality.id,
                    organizationID: center.$organization.id,
                    before: input.decision == .end ? [RegistryWords.stateField: RecordStatus.active.title] : nil,
                    after: input.decision == .end
                        ? [HearingWords.auditDecision: said, RegistryWords.stateField: RecordStatus.archived.title]
                        : [HearingWords.auditDecision: said])
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "meeting", entityID: meetingID, title: meeting.title,
                    municipalityID: meeting.$municipality.id, organizationID: nil,
                    after: [HearingWords.auditHeard: line, HearingWords.Field.reasoning: input.reasoning ?? "—"])
                return hearing
            }
            return .saved(hearing, carriedTo: next?.title)
        } catch  where EnrollmentService.isUniqueViolation(error) {
            // A twin request recorded the same centre at the same meeting a moment before — or another meeting's
            // «keep» made next year's designation at the same moment: then the page is stale.
            let heard = try await DesignationHearing.query(on: req.db).filter(\.$meeting.$id == meetingID)
                .filter(\.$center.$id == centerID).count()
            guard heard > 0 else { throw AppError.conflict(HearingWords.changed) }
            errors.add("center", HearingWords.twice)
            return .invalid(errors)
        }
    }

    /// The designation carried into the next year — the one there already, or a new one with the same subjects,
    /// directions and profiles and no decree yet.
    static func carry(_ center: ResourceCenter, into year: AcademicYear, req: Request, on db: any Database)
        async throws -> UUID
    {
        let yearID = try year.requireID()
        if let there = try await ResourceCenter.query(on: db).filter(\.$organization.$id == center.$organization.id)
            .filter(\.$academicYear.$id == yearID).first()
        {
            // Archived there (ended, or by hand): the КМЦ's decision restores it.
            if there.status != RecordStatus.active.rawValue {
                there.status = RecordStatus.active.rawValue
                there.version += 1
                try await there.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .restore, entityType: "resource_center", entityID: there.id,
                    title: center.organization.shortName, municipalityID: center.organization.$municipality.id,
                    organizationID: center.$organization.id,
                    before: [RegistryWords.stateField: RecordStatus.archived.title],
                    after: [
                        RegistryWords.stateField: RecordStatus.active.title,
                        HearingWords.auditDecision: HearingWords.restored,
                    ])
            }
            return try there.requireID()
        }
        let carried = ResourceCenter()
        carried.id = UUID()
        carried.$organization.id = center.$organization.id
        carried.$academicYear.id = yearID
        carried.directions = center.directions
        carried.profiles = center.profiles
        carried.status = RecordStatus.active.rawValue
        carried.version = 1
        try await carried.create(on: db)
        let subjects = try await ResourceCenterSubject.query(on: db).filter(\.$center.$id == center.requireID())
            .all(\.$subject.$id)
        for subject in subjects {
            let link = ResourceCenterSubject()
            link.$center.id = try carried.requireID()
            link.$subject.id = subject
            try await link.create(on: db)
        }
        try await Audit.record(
            on: db, req: req, action: .create, entityType: "resource_center", entityID: carried.id,
            title: center.organization.shortName, municipalityID: center.organization.$municipality.id,
            organizationID: center.$organization.id,
            after: try await ResourceCentersSection().auditFields(carried, on: db))
        return try carried.requireID()
    }
}
