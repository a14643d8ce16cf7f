import Domain
import Fluent
import Vapor
import Views

/// A meeting's form read and checked — the day, theme, agenda, members invited and present, minutes, decisions — and
/// its values applied and its participants written.
extension MeetingsController {
    /// What a meeting's form says, checked: the facts, the members invited and present, the new decisions.
    struct Input {
        var day: CivilDay
        var title: String
        var agenda: String
        var status: MeetingStatus
        var minutes: String?
        var invited: [UUID]
        var present: Set<UUID>
        var decisions: [MeetingDecision]
    }

    static func read(_ req: Request, _ form: FormValues, editing: Meeting?, municipalityID: UUID) async throws -> (
        Input?, FieldErrors
    ) {
        var errors = FieldErrors()
        let day = errors.day("day", form["day"], required: true)
        let title = errors.required("title", form["title"], max: 300)
        let agenda = errors.required("agenda", form["agenda"], max: 4000)
        let status =
            editing == nil ? MeetingStatus.planned : errors.choice("status", form["status"], as: MeetingStatus.self)
        let minutes = errors.optional("minutes", form["minutes"], max: 20_000)
        let chosen = (form.values["members"] ?? []).compactMap(UUID.init(uuidString:))
        let known = try await KmcMember.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$id ~~ chosen).all(\.$id)
        if chosen.isEmpty || known.count != Set(chosen).count { errors.add("members", MeetingWords.chooseMembers) }
        let present = Set((form.values["present"] ?? []).compactMap(UUID.init(uuidString:))).intersection(known)
        let decisions = MeetingDecision.parse(form["decisions"] ?? "", field: "decisions", errors: &errors)
        if status == .held && minutes == nil { errors.add("minutes", MeetingWords.minutesRequired) }
        let today = CivilDay(Date(), timeZone: try await RegistrySupport.zone(req))
        if status == .held, let day, today < day { errors.add("status", MeetingWords.heldInFuture) }
        // A decision's deadline is a day of a plan Setka keeps: from the meeting's day, at most two years ahead.
        for (number, decision) in decisions.enumerated() {
            guard let due = decision.dueOn, let day else { continue }
            if due < day || due.ymd.year > today.ymd.year + 2 {
                errors.add(
                    "decisions",
                    MeetingWords.deadlineOutOfRange(line: number + 1, lastYear: today.ymd.year + 2))
            }
        }
        if status != .held && !decisions.isEmpty { errors.add("decisions", MeetingWords.decisionsOnlyHeld) }
        // The centres it heard were decided on at it: a meeting with hearings stays held.
        if let editing, status != nil, status != .held,
            try await DesignationHearing.query(on: req.db).filter(\.$meeting.$id == editing.requireID()).count() > 0
        {
            errors.add("status", HearingWords.heldStays)
        }
        guard errors.isEmpty, let day, let status else { return (nil, errors) }
        return (
            Input(
                day: day, title: title, agenda: agenda, status: status, minutes: minutes, invited: known,
                present: status == .held ? present : [], decisions: decisions), errors
        )
    }

    static func audit(_ meeting: Meeting, invited: Int, present: Int) -> [String: String] {
        [
            "Дата": meeting.day.formatted, "Тема": meeting.title, "Повестка": meeting.agenda,
            "Состояние": meeting.meetingStatus.title, "Протокол": meeting.minutes ?? "",
            "Участников": String(invited), "Присутствовали": String(present),
        ]
    }

    static func apply(_ input: Input, to meeting: Meeting, user: String) {
        meeting.heldOn = input.day.number
        meeting.title = input.title
        meeting.agenda = input.agenda
        meeting.status = input.status.rawValue
        meeting.minutes = input.minutes
        meeting.updatedBy = user
        meeting.updatedAt = Date()
    }

    static func writeParticipants(_ input: Input, meeting: Meeting, on db: any Database) async throws {
        let id = try meeting.requireID()
        try await MeetingParticipant.query(on: db).filter(\.$meeting.$id == id).delete()
        let rows = input.invited.map { member in
            let row = MeetingParticipant()
            row.$meeting.id = id
            row.$member.id = member
            row.present = input.present.contains(member)
            return row
        }
        try await rows.create(on: db)
    }
}
