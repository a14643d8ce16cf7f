import Domain
import Fluent
import Vapor
import Views

/// The КМЦ's meetings (issue 22, item 6; `001_4390f67d15d9225c.txt` §5.6): planned with a day, a theme, an agenda and
/// the members invited; recorded once held — who came, the minutes, the decisions, each with a deadline an item of the
/// municipality's plan of the КМЦ's decisions; a warning for each quarter that ended without one. Writes are claimed by
/// version and audited.
struct MeetingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("meetings", use: list)
        routes.get("meetings", "new", use: newForm)
        routes.post("meetings", use: create)
        routes.get("meetings", ":id", use: show)
        routes.get("meetings", ":id", "edit", use: editForm)
        routes.post("meetings", ":id", use: update)
        routes.post("meetings", ":id", "hearings", use: hear)
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .meetings) }

    static func meeting(_ req: Request, _ action: Domain.Action) async throws -> Meeting {
        guard let meeting = try await Meeting.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(MeetingWords.noun))
        }
        try req.authorize(action, meeting.resource)
        return meeting
    }

    /// The last four ended quarters without a held meeting, as warnings.
    static func warnings(_ municipalityID: UUID, today: CivilDay, on db: any Database) async throws -> [String] {
        let from = MeetingCalendar.lastEnded(today: today)[0].period.from.number
        let held = try await Meeting.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == MeetingStatus.held.rawValue).filter(\.$heldOn >= from).all(\.$heldOn)
        return MeetingCalendar.quartersWithout(held: held.map(CivilDay.init(number:)), today: today)
            .map { MeetingWords.quarterWithout($0.quarter, year: $0.year) }
    }

    func list(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .meeting(municipalityID: municipalityID))
        let meetings = try await Meeting.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$heldOn, .descending).all()
        let decisions = try await MeetingDecisionRecord.query(on: req.db)
            .filter(\.$meeting.$id ~~ meetings.compactMap(\.id)).all(\.$meeting.$id)
        let counts = decisions.reduce(into: [UUID: Int]()) { $0[$1, default: 0] += 1 }
        let page = MeetingListPage(
            rows: try meetings.map { meeting in
                .init(
                    id: try meeting.requireID(), day: meeting.day.formatted, title: meeting.title,
                    status: meeting.meetingStatus, decisions: counts[try meeting.requireID()] ?? 0)
            },
            warnings: try await Self.warnings(municipalityID, today: try await PlanBoard.today(req), on: req.db),
            canCreate: req.can(.create, .meeting(municipalityID: municipalityID)))
        return req.render(page.render(await context(req)))
    }

    /// The КМЦ's members whose term covers the day (all current ones when no day is given yet).
    static func members(_ municipalityID: UUID, on day: CivilDay?, zone: TimeZone, db: any Database) async throws
        -> [KmcMember]
    {
        let moment = (day ?? CivilDay(Date(), timeZone: zone)).date(timeZone: zone)
        return try await KmcMember.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue).filter(\.$termFrom <= moment.addingTimeInterval(86_399))
            .filter(\.$termTo >= moment).sort(\.$sortKey).all()
    }

    static func memberTitle(_ member: KmcMember) -> String {
        "\(member.fullName), \(KmcRole(rawValue: member.kmcRole)?.title ?? member.position)"
    }

    func formPage(
        _ req: Request, editing: Meeting?, values: FormValues, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil, version: Int? = nil
    ) async throws -> MeetingFormPage {
        let municipalityID = try editing?.$municipality.id ?? RegistrySupport.municipality(req)
        let day = values["day"].flatMap(CivilDay.parse) ?? editing?.day
        var members = try await Self.members(
            municipalityID, on: day, zone: try await RegistrySupport.zone(req), db: req.db)
        if let editing {
            // Those invited stay listed even when their term has ended since.
            let invited = try await MeetingParticipant.query(on: req.db).filter(\.$meeting.$id == editing.requireID())
                .with(\.$member).all().map(\.member)
            members += invited.filter { one in !members.contains { $0.id == one.id } }
        }
        return MeetingFormPage(
            editing: try editing.map { (try $0.requireID(), version ?? $0.version) },
            members: members.map { ($0.id!.uuidString.lowercased(), Self.memberTitle($0)) }, values: values,
            errors: errors, conflict: conflict)
    }

    func newForm(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .meeting(municipalityID: municipalityID))
        let members = try await Self.members(
            municipalityID, on: nil, zone: try await RegistrySupport.zone(req), db: req.db)
        let page = try await formPage(
            req, editing: nil,
            values: FormValues(["members": members.map { $0.id!.uuidString.lowercased() }]))
        return req.render(page.render(await context(req)))
    }

    func create(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.create, .meeting(municipalityID: municipalityID))
        let form = RegistrySupport.form(req)
        let (input, errors) = try await Self.read(req, form, editing: nil, municipalityID: municipalityID)
        guard let input else {
            let page = try await formPage(req, editing: nil, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let meeting = try await Self.insert(input, municipalityID: municipalityID, req: req)
        return req.redirect(to: SiteURL.meeting(try meeting.requireID()).path, flash: MeetingWords.created)
    }

    func show(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req, .read)
        return req.render(try await page(req, meeting).render(await context(req)))
    }

    /// The meeting's page; `values` and `errors` of a refused hearing's form.
    func page(
        _ req: Request, _ meeting: Meeting, values: FormValues = FormValues(), errors: FieldErrors = FieldErrors()
    )
        async throws -> MeetingPage
    {
        let id = try meeting.requireID()
        let participants = try await MeetingParticipant.query(on: req.db).filter(\.$meeting.$id == id)
            .with(\.$member).all().sorted { $0.member.sortKey < $1.member.sortKey }
        let decisions = try await MeetingDecisionRecord.query(on: req.db).filter(\.$meeting.$id == id)
            .sort(\.$position).all()
        let mayReadPlan = req.can(.read, .plan(owner: nil, municipalityID: meeting.$municipality.id))
        let canEdit = req.can(.update, meeting.resource)
        let hearings = HearingPart(
            meetingID: id, rows: try await DesignationHearings.rows(meetingID: id, on: req.db),
            centers: canEdit && meeting.meetingStatus == .held
                ? try await DesignationHearings.choices(meeting.$municipality.id, meetingID: id, on: req.db) : nil,
            values: values, errors: errors)
        return MeetingPage(
            id: id, title: meeting.title, day: meeting.day.formatted, status: meeting.meetingStatus,
            agenda: meeting.agenda,
            participants: participants.map {
                (Self.memberTitle($0.member), meeting.meetingStatus == .held ? $0.present : nil)
            }, minutes: meeting.minutes,
            decisions: decisions.map {
                .init(
                    text: $0.text, responsible: $0.responsible ?? "", due: $0.decision.dueOn?.formatted ?? "",
                    planItemID: mayReadPlan ? $0.$planItem.id : nil)
            }, hearings: hearings, canEdit: canEdit, history: try await Audit.history(entityID: id, req: req))
    }

    static func values(_ meeting: Meeting, participants: [MeetingParticipant]) -> FormValues {
        FormValues([
            "day": [meeting.day.formatted], "title": [meeting.title], "agenda": [meeting.agenda],
            "status": [meeting.status], "minutes": [meeting.minutes ?? ""],
            "members": participants.map { $0.$member.id.uuidString.lowercased() },
            "present": participants.filter(\.present).map { $0.$member.id.uuidString.lowercased() },
        ])
    }

    func editForm(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req, .update)
        let participants = try await MeetingParticipant.query(on: req.db)
            .filter(\.$meeting.$id == meeting.requireID()).all()
        let page = try await formPage(req, editing: meeting, values: Self.values(meeting, participants: participants))
        return req.render(page.render(await context(req)))
    }

    func update(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req, .update)
        let form = RegistrySupport.form(req)
        let (input, errors) = try await Self.read(req, form, editing: meeting, municipalityID: meeting.$municipality.id)
        guard let input else {
            // The version the form was read at stays: a stale form corrected is still refused as stale.
            let page = try await formPage(
                req, editing: meeting, values: form, errors: errors, version: form["version"].flatMap(Int.init) ?? -1)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        do {
            try await Self.commit(
                meeting, input, expected: form["version"].flatMap(Int.init) ?? -1, req: req)
        } catch let error as AppError where error.status == .conflict {
            // The current values, and no decisions: those of the refused form are not written twice.
            let fresh = try await Self.meeting(req, .read)
            let invited = try await MeetingParticipant.query(on: req.db).filter(\.$meeting.$id == fresh.requireID())
                .all()
            let page = try await formPage(
                req, editing: fresh, values: Self.values(fresh, participants: invited), conflict: MeetingWords.changed)
            return req.render(page.render(await context(req)), status: .conflict)
        }
        return req.redirect(to: SiteURL.meeting(try meeting.requireID()).path, flash: MeetingWords.saved)
    }
}
