import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Scheduling lessons: a weekly pattern between two dates without the academic-year calendar's holidays, single
/// lessons,
/// moves, substitutions and cancellations — every change checked by `Domain.ClashRules` inside the write transaction
/// that makes it, so two heads scheduling at once cannot double-book a teacher or a room.
enum TimetableService {
    /// A lesson to be written: where, when and who.
    struct Draft: Sendable {
        var id: UUID?
        var day: CivilDay
        var start: ClockTime
        var hours: Int
        var roomID: UUID?
        var teacherID: UUID?
    }

    /// The group's facts the rules need, read once.
    struct GroupFacts: Sendable {
        var id: UUID
        var name: String
        var centerID: UUID
        var centerName: String
        var municipalityID: UUID
        var academicYearID: UUID
        var teacherID: UUID?
        var first: CivilDay?
        var last: CivilDay?
    }

    static func facts(_ g: StudyGroup, center: Organization, zone: TimeZone) throws -> GroupFacts {
        GroupFacts(
            id: try g.requireID(), name: g.name, centerID: try center.requireID(), centerName: center.shortName,
            municipalityID: center.$municipality.id,
            academicYearID: g.$academicYear.id, teacherID: g.$teacher.id,
            first: g.startsOn.map { CivilDay($0, timeZone: zone) }, last: g.endsOn.map { CivilDay($0, timeZone: zone) })
    }

    static func holidays(yearID: UUID, on db: any Database) async throws -> [HolidayPeriod] {
        try await HolidayPeriodRecord.query(on: db).filter(\.$academicYear.$id == yearID).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$firstDay).all().map(\.domain)
    }

    /// Writes the drafts of one group (new lessons, or replacements of the lessons with the drafts' ids) if the clash
    /// rules allow it: clashes refuse, warnings refuse unless accepted. Answers the lessons written.
    static func write(
        _ drafts: [Draft], group: GroupFacts, pattern: LessonPattern? = nil, acceptWarnings: Bool, note: String?,
        expectedVersion: Int? = nil, reveal: @escaping @Sendable (UUID, UUID) -> Bool,
        audit: @escaping @Sendable ([Lesson], any Database) async throws -> Void, app: Application
    ) async throws -> [Lesson] {
        try await app.writeTransaction { db in
            try await lockTimetable(group.municipalityID, on: db)
            // A change of an existing lesson claims its next version first, so of two concurrent edits one wins.
            if let expectedVersion, let id = drafts.first?.id,
                !(try await RegistrySupport.claimVersion(
                    table: Lesson.schema, id: id, expected: expectedVersion, on: db))
            {
                throw TimetableRefusal(
                    clashes: [TimetableWords.Refusal.changedConcurrently], warnings: [])
            }
            let proposed = try await lessons(drafts, group: group, on: db)
            var ctx = try await context(for: proposed, municipalityID: group.municipalityID, on: db)
            ctx.reveal = reveal
            // Weekly patterns skip holidays themselves; a single lesson or a move onto one is warned about.
            if pattern == nil { ctx.holidays = try await holidays(yearID: group.academicYearID, on: db) }
            let issues = ClashRules.check(proposed, in: ctx)
            let clashes = issues.filter(\.kind.isClash)
            let warnings = issues.filter { !$0.kind.isClash }
            if !clashes.isEmpty || (!warnings.isEmpty && !acceptWarnings) {
                throw TimetableRefusal(clashes: ClashRules.summary(clashes), warnings: ClashRules.summary(warnings))
            }
            try await pattern?.create(on: db)
            var written: [Lesson] = []
            for d in drafts {
                let l: Lesson
                if let id = d.id {
                    guard let existing = try await Lesson.find(id, on: db) else {
                        throw AppError.notFound(TimetableWords.Refusal.lessonNotFound)
                    }
                    l = existing
                    if expectedVersion == nil { l.version += 1 }
                } else {
                    l = Lesson()
                    l.$group.id = group.id
                    l.$pattern.id = pattern?.id
                    l.status = LessonStatus.scheduled.rawValue
                    l.version = 1
                }
                l.day = d.day.number
                l.startMinute = d.start.minutes
                l.endMinute = d.start.minutes + LessonLength.minutes(hours: d.hours)
                l.hours = d.hours
                l.$room.id = d.roomID
                l.$teacher.id = d.teacherID
                l.$substituteFor.id = d.teacherID != group.teacherID ? group.teacherID : nil
                if let note { l.note = note.isEmpty ? nil : note }
                l.updatedAt = Date()
                try await l.save(on: db)
                written.append(l)
            }
            try await audit(written, db)
            return written
        }
    }

    /// The drafts as the clash rules see them, with names for the messages.
    static func lessons(_ drafts: [Draft], group: GroupFacts, on db: any Database) async throws -> [TimetableLesson] {
        let rooms = Set(drafts.compactMap(\.roomID))
        let teachers = Set(drafts.compactMap(\.teacherID))
        let roomNames = Dictionary(
            uniqueKeysWithValues: try await Room.query(on: db).filter(\.$id ~~ Array(rooms)).all().map {
                (try $0.requireID(), $0.name)
            })
        let teacherNames = Dictionary(
            uniqueKeysWithValues: try await StaffMember.query(on: db).filter(\.$id ~~ Array(teachers)).all().map {
                (try $0.requireID(), $0.fullName)
            })
        return drafts.map { d in
            TimetableLesson(
                id: d.id, groupID: group.id, groupName: group.name, centerID: group.centerID,
                centerName: group.centerName,
                span: LessonSpan(day: d.day, start: d.start, hours: d.hours),
                teacherID: d.teacherID, teacherName: d.teacherID.flatMap { teacherNames[$0] } ?? "",
                roomID: d.roomID, roomName: d.roomID.flatMap { roomNames[$0] } ?? "")
        }
    }

    /// Everything around the proposed lessons that they may meet: lessons on those days of the same groups, teachers
    /// and rooms, and of the other groups of the proposed groups' students; those students; their schools' busy time;
    /// the travel times.
    static func context(for proposed: [TimetableLesson], municipalityID: UUID, on db: any Database) async throws
        -> TimetableContext
    {
        guard let first = proposed.map(\.span.day).min(), let last = proposed.map(\.span.day).max() else {
            return TimetableContext(existing: [], members: [:])
        }
        let groupIDs = Set(proposed.map(\.groupID))
        let own = try await Enrollment.query(on: db).filter(\.$group.$id ~~ Array(groupIDs))
            .filter(\.$status == EnrollmentStatus.enrolled.rawValue).with(\.$student).all()
        let students = Dictionary(
            own.map { e in
                (
                    e.$student.id,
                    TimetableStudent(
                        id: e.$student.id, name: e.student.surname + " " + e.student.givenName,
                        schoolID: e.student.$school.id, grade: e.student.grade)
                )
            },
            uniquingKeysWith: { a, _ in a })
        var members: [UUID: [TimetableStudent]] = [:]
        if !students.isEmpty {
            for e in try await Enrollment.query(on: db).filter(\.$student.$id ~~ Array(students.keys))
                .filter(\.$status == EnrollmentStatus.enrolled.rawValue).all()
            {
                if let s = students[e.$student.id] { members[e.$group.id, default: []].append(s) }
            }
        }
        let groups = Set(members.keys).union(groupIDs)
        let teachers = Array(Set(proposed.compactMap(\.teacherID)))
        let rooms = Array(Set(proposed.compactMap(\.roomID)))
        let existing = try await Lesson.query(on: db).filter(\.$day >= first.number).filter(\.$day <= last.number)
            .filter(\.$status == LessonStatus.scheduled.rawValue)
            .group(.or) { or in
                or.filter(\.$group.$id ~~ Array(groups))
                if !teachers.isEmpty { or.filter(\.$teacher.$id ~~ teachers) }
                if !rooms.isEmpty { or.filter(\.$room.$id ~~ rooms) }
            }
            .with(\.$group) { $0.with(\.$organization) }.with(\.$room).with(\.$teacher).all()
        let schools = Array(Set(students.values.map(\.schoolID)))
        let busy =
            schools.isEmpty
            ? []
            : try await BusySlotRecord.query(on: db).filter(\.$school.$id ~~ schools)
                .filter(\.$status == RecordStatus.active.rawValue).with(\.$school).all().flatMap {
                    $0.slots(schoolName: $0.school.shortName)
                }
        let travel = try await TravelTimeRecord.query(on: db).filter(\.$status == RecordStatus.active.rawValue)
            .filter(\.$municipality.$id == municipalityID).all().map {
                TravelTime(a: $0.$from.id, b: $0.$to.id, minutes: $0.minutes)
            }
        return TimetableContext(existing: existing.map(domain), members: members, busy: busy, travel: travel)
    }

    static func domain(_ l: Lesson) -> TimetableLesson {
        TimetableLesson(
            id: l.id, groupID: l.$group.id, groupName: l.group.name, centerID: l.group.$organization.id,
            centerName: l.group.organization.shortName, span: l.span, teacherID: l.$teacher.id,
            teacherName: l.teacher?.fullName ?? "", roomID: l.$room.id, roomName: l.room?.name ?? "")
    }

    /// When a group's teacher changes, its future lessons that the old teacher was to give (not substitutions) pass to
    /// the new one — refused whole if the new teacher is busy then. Runs inside the caller's write transaction.
    static func reassign(
        group: GroupFacts, from old: UUID?, to new: UUID?, today: CivilDay,
        reveal: @escaping @Sendable (UUID, UUID) -> Bool,
        on db: any Database
    ) async throws -> Int {
        guard old != new else { return 0 }
        try await lockTimetable(group.municipalityID, on: db)
        var q = Lesson.query(on: db).filter(\.$group.$id == group.id).filter(\.$day >= today.number)
            .filter(\.$status == LessonStatus.scheduled.rawValue).filter(\.$substituteFor.$id == nil)
        q = old.map { id in q.filter(\.$teacher.$id == id) } ?? q.filter(\.$teacher.$id == nil)
        let moving = try await q.all()
        guard !moving.isEmpty else { return 0 }
        let drafts = moving.map {
            Draft(
                id: $0.id, day: CivilDay(number: $0.day), start: ClockTime(minutes: $0.startMinute), hours: $0.hours,
                roomID: $0.$room.id, teacherID: new)
        }
        let proposed = try await lessons(drafts, group: group, on: db)
        var ctx = try await context(for: proposed, municipalityID: group.municipalityID, on: db)
        ctx.reveal = reveal
        let clashes = ClashRules.check(proposed, in: ctx).filter { $0.kind == .teacher }
        if !clashes.isEmpty { throw TimetableRefusal(clashes: ClashRules.summary(clashes), warnings: []) }
        for l in moving {
            l.$teacher.id = new
            l.version += 1
            l.updatedAt = Date()
            try await l.save(on: db)
        }
        return moving.count
    }

    /// Scheduled lessons of a group outside new dates, as a Russian line; nil when there are none.
    static func outsideDates(groupID: UUID, first: CivilDay?, last: CivilDay?, on db: any Database) async throws
        -> String?
    {
        var q = Lesson.query(on: db).filter(\.$group.$id == groupID).filter(
            \.$status == LessonStatus.scheduled.rawValue)
        if let first, let last {
            q = q.group(.or) { $0.filter(\.$day < first.number).filter(\.$day > last.number) }
        } else if let first {
            q = q.filter(\.$day < first.number)
        } else if let last {
            q = q.filter(\.$day > last.number)
        } else {
            return nil
        }
        let outside = try await q.sort(\.$day).all()
        guard !outside.isEmpty else { return nil }
        return TimetableWords.Refusal.lessonsOutside(outside.map { CivilDay(number: $0.day).formatted })
    }
}
