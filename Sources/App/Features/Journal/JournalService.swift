import Domain
import Fluent
import Vapor
import Views

/// Writing the journal and reading its sums: hours planned, scheduled and delivered per group, attendance per
/// student, hours per teacher and month.
enum JournalService {
    /// Marks a lesson (first time, or a correction claimed with the record's version): topic, hours, and a mark for
    /// every student of the group. A mark for someone not in the group, a lesson not begun or cancelled: refused,
    /// nothing written.
    static func mark(
        _ journalLesson: JournalLesson, topic: String, hours: Int, marks: [UUID: AttendanceStatus], version: Int,
        req: Request
    ) async throws {
        do {
            try await markOnce(journalLesson, topic: topic, hours: hours, marks: marks, version: version, req: req)
        } catch let error where EnrollmentService.isUniqueViolation(error) {
            throw AppError.conflict(JournalWords.Marking.savedMeanwhile)
        }
    }

    private static func markOnce(
        _ journalLesson: JournalLesson, topic: String, hours: Int, marks: [UUID: AttendanceStatus], version: Int,
        req: Request
    ) async throws {
        let (today, minute) = MunicipalClock.now(journalLesson.zone)
        let lessonID = try journalLesson.lesson.requireID()
        let center = journalLesson.center
        let title = JournalWords.Lesson.title(
            group: journalLesson.group.name, day: CivilDay(number: journalLesson.lesson.day).formatted)
        try await req.application.writeTransaction { db in
            guard let lesson = try await Lesson.find(lessonID, on: db), !lesson.isCancelled else {
                throw AppError.conflict(JournalWords.Marking.lessonCancelled)
            }
            guard
                JournalRules.mayMark(
                    day: CivilDay(number: lesson.day), start: lesson.startMinute, today: today, minute: minute)
            else {
                throw AppError.conflict(JournalRules.futureMessage)
            }
            let students = try await journalLesson.students(on: db)
            let known = Set(students.compactMap(\.id))
            if marks.keys.contains(where: { !known.contains($0) }) {
                throw AppError.validation(
                    ValidationFailure(
                        reason: JournalWords.Marking.strangerMarked,
                        fields: {
                            var errors = FieldErrors()
                            errors.add("attendance", JournalWords.Marking.strangerField)
                            return errors
                        }()))
            }
            let missing = try students.filter { marks[try $0.requireID()] == nil }
            if !missing.isEmpty {
                var errors = FieldErrors()
                errors.add("attendance", JournalWords.Marking.unmarked(missing.map(\.fullName)))
                throw AppError.validation(ValidationFailure(fields: errors))
            }
            let existing = try await LessonRecord.query(on: db).filter(\.$lesson.$id == lessonID).first()
            let before = try await summary(existing, lessonID: lessonID, students: students, on: db)
            let record: LessonRecord
            if let existing {
                guard
                    try await RegistrySupport.claimVersion(
                        table: LessonRecord.schema, id: try existing.requireID(), expected: version, on: db),
                    let fresh = try await LessonRecord.find(existing.id, on: db)
                else {
                    throw AppError.conflict(JournalWords.Marking.savedMeanwhile)
                }
                record = fresh
            } else {
                record = LessonRecord()
                record.$lesson.id = lessonID
                record.version = 1
            }
            record.topic = topic
            record.hours = hours
            record.markedAt = Date()
            record.markedBy = req.currentUser?.fullName ?? ""
            try await record.save(on: db)
            try await AttendanceMark.query(on: db).filter(\.$lesson.$id == lessonID).delete()
            for (sid, status) in marks {
                let mark = AttendanceMark()
                mark.$lesson.id = lessonID
                mark.$student.id = sid
                mark.status = status.rawValue
                try await mark.create(on: db)
            }
            let after = try await summary(record, lessonID: lessonID, students: students, on: db)
            try await Audit.record(
                on: db, req: req, action: existing == nil ? .create : .update, entityType: "lesson_record",
                entityID: lessonID,
                title: title, municipalityID: center.$municipality.id, organizationID: center.id,
                before: existing == nil ? nil : before, after: after)
            // The marks change who attended enough for a certificate.
            try await CertificateService.refreshDue(groups: [lesson.$group.id], on: db)
        }
    }

    /// The journal entry as the audit log compares it.
    static func summary(_ record: LessonRecord?, lessonID: UUID, students: [Student], on db: any Database) async throws
        -> [String: String]
    {
        guard let record else { return [:] }
        let marks = Dictionary(
            try await AttendanceMark.query(on: db).filter(\.$lesson.$id == lessonID).all().map {
                ($0.$student.id, $0.status)
            },
            uniquingKeysWith: { a, _ in a })
        var out = [
            JournalWords.Marking.auditTopic: record.topic, JournalWords.Marking.auditHours: String(record.hours),
        ]
        for student in students {
            out[student.surname + " " + student.givenName] =
                marks[try student.requireID()].flatMap(AttendanceStatus.init(rawValue:))?.mark ?? "—"
        }
        return out
    }

    struct MarkedLesson {
        var lesson: Lesson
        var topic: String
        var hours: Int
    }

    struct GroupSummary {
        var lessons: [MarkedLesson]
        var students: [Student]
        var marks: [UUID: [UUID: AttendanceStatus]]
        var attendance: [UUID: StudentAttendance]
        var hours: GroupHours
        /// Lessons neither cancelled nor marked, in order (the page names those already past).
        var unmarked: [Lesson]
    }

    /// A group's marked lessons, its students (enrolled, or marked at some lesson), their marks and sums.
    static func groupSummary(_ group: StudyGroup, on db: any Database) async throws -> GroupSummary {
        let lessons = try await Lesson.query(on: db).filter(try \.$group.$id == group.requireID()).sort(\.$day).sort(
            \.$startMinute
        )
        .all()
        let ids = lessons.compactMap(\.id)
        let records = ids.isEmpty ? [] : try await LessonRecord.query(on: db).filter(\.$lesson.$id ~~ ids).all()
        let byLesson = Dictionary(records.map { ($0.$lesson.id, $0) }, uniquingKeysWith: { a, _ in a })
        let marked = try lessons.filter { !$0.isCancelled }.compactMap { lesson in
            byLesson[try lesson.requireID()].map { MarkedLesson(lesson: lesson, topic: $0.topic, hours: $0.hours) }
        }
        let marks = ids.isEmpty ? [:] : try await AttendanceSQL.marks(group: try group.requireID(), on: db)
        let enrolled = try await Enrollment.query(on: db).filter(try \.$group.$id == group.requireID()).filter(
            \.$status == EnrollmentStatus.enrolled.rawValue
        ).all().map { $0.$student.id }
        let studentIDs = Array(Set(enrolled + marks.values.flatMap(\.keys)))
        let students =
            studentIDs.isEmpty ? [] : try await Student.query(on: db).filter(\.$id ~~ studentIDs).sort(\.$sortKey).all()
        var attendance: [UUID: StudentAttendance] = [:]
        for ml in marked {
            for (sid, status) in marks[try ml.lesson.requireID()] ?? [:] {
                attendance[sid, default: StudentAttendance()].add(status, hours: ml.hours)
            }
        }
        let hours = GroupHours(
            planned: group.plannedHours, scheduled: lessons.filter { !$0.isCancelled }.reduce(0) { $0 + $1.hours },
            delivered: marked.reduce(0) { $0 + $1.hours })
        return GroupSummary(
            lessons: marked, students: students, marks: marks, attendance: attendance, hours: hours,
            unmarked: try lessons.filter { try !$0.isCancelled && byLesson[$0.requireID()] == nil })
    }
}
