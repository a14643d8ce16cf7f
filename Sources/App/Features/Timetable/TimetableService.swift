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

    static func facts(_ group: StudyGroup, center: Organization, zone: TimeZone) throws -> GroupFacts {
        GroupFacts(
            id: try group.requireID(), name: group.name, centerID: try center.requireID(), centerName: center.shortName,
            municipalityID: center.$municipality.id,
            academicYearID: group.$academicYear.id, teacherID: group.$teacher.id,
            first: group.startsOn.map { CivilDay($0, timeZone: zone) },
            last: group.endsOn.map { CivilDay($0, timeZone: zone) })
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
            for draft in drafts {
                let lesson: Lesson
                if let id = draft.id {
                    guard let existing = try await Lesson.find(id, on: db) else {
                        throw AppError.notFound(TimetableWords.Refusal.lessonNotFound)
                    }
                    lesson = existing
                    if expectedVersion == nil { lesson.version += 1 }
                } else {
                    lesson = Lesson()
                    lesson.$group.id = group.id
                    lesson.$pattern.id = pattern?.id
                    lesson.status = LessonStatus.scheduled.rawValue
                    lesson.version = 1
                }
                lesson.day = draft.day.number
                lesson.startMinute = draft.start.minutes
                lesson.endMinute = draft.start.minutes + LessonLength.minutes(hours: draft.hours)
                lesson.hours = draft.hours
                lesson.$room.id = draft.roomID
                lesson.$teacher.id = draft.teacherID
                lesson.$substituteFor.id = draft.teacherID != group.teacherID ? group.teacherID : nil
                if let note { lesson.note = note.isEmpty ? nil : note }
                lesson.updatedAt = Date()
                try await lesson.save(on: db)
                written.append(lesson)
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
        return drafts.map { draft in
            TimetableLesson(
                id: draft.id, groupID: group.id, groupName: group.name, centerID: group.centerID,
                centerName: group.centerName,
                span: LessonSpan(day: draft.day, start: draft.start, hours: draft.hours),
                teacherID: draft.teacherID, teacherName: draft.teacherID.flatMap { teacherNames[$0] } ?? "",
                roomID: draft.roomID, roomName: draft.roomID.flatMap { roomNames[$0] } ?? "")
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
            own.map { enrollment in
                (
                    enrollment.$student.id,
                    TimetableStudent(
                        id: enrollment.$student.id,
                        name: enrollment.student.surname + " " + enrollment.student.givenName,
                        schoolID: enrollment.student.$school.id, grade: enrollment.student.grade)
                )
            },
            uniquingKeysWith: { a, _ in a })
        var members: [UUID: [TimetableStudent]] = [:]
        if !students.isEmpty {
            for enrollment in try await Enrollment.query(on: db).filter(\.$student.$id ~~ Array(students.keys))
                .filter(\.$status == EnrollmentStatus.enrolled.rawValue).all()
            {
                if let student = students[enrollment.$student.id] {
                    members[enrollment.$group.id, default: []].append(student)
                }
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

    static func domain(_ lesson: Lesson) -> TimetableLesson {
        TimetableLesson(
            id: lesson.id, groupID: lesson.$group.id, groupName: lesson.group.name,
            centerID: lesson.group.$organization.id,
            centerName: lesson.group.organization.shortName, span: lesson.span, teacherID: lesson.$teacher.id,
            teacherName: lesson.teacher?.fullName ?? "", roomID: lesson.$room.id, roomName: lesson.room?.name ?? "")
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
        var query = Lesson.query(on: db).filter(\.$group.$id == group.id).filter(\.$day >= today.number)
            .filter(\.$status == LessonStatus.scheduled.rawValue).filter(\.$substituteFor.$id == nil)
        query = old.map { id in query.filter(\.$teacher.$id == id) } ?? query.filter(\.$teacher.$id == nil)
        let moving = try await query.all()
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
        for lesson in moving {
            lesson.$teacher.id = new
            lesson.version += 1
            lesson.updatedAt = Date()
            try await lesson.save(on: db)
        }
        return moving.count
    }

    /// Scheduled lessons of a group outside new dates, as a Russian line; nil when there are none.
    static func outsideDates(groupID: UUID, first: CivilDay?, last: CivilDay?, on db: any Database) async throws
        -> String?
    {
        var query = Lesson.query(on: db).filter(\.$group.$id == groupID).filter(
            \.$status == LessonStatus.scheduled.rawValue)
        if let first, let last {
            query = query.group(.or) { $0.filter(\.$day < first.number).filter(\.$day > last.number) }
        } else if let first {
            query = query.filter(\.$day < first.number)
        } else if let last {
            query = query.filter(\.$day > last.number)
        } else {
            return nil
        }
        let outside = try await query.sort(\.$day).all()
        guard !outside.isEmpty else { return nil }
        return TimetableWords.Refusal.lessonsOutside(outside.map { CivilDay(number: $0.day).formatted })
    }
}
