import Domain
import Fluent
import SQLKit
import Vapor
import Views

extension EnrollmentService {
    /// Another group of a student whose lessons meet the lessons of a group.
    struct TimetableClash: Sendable {
        var groupName: String
        var centerID: UUID
        var schoolID: UUID
        var municipalityID: UUID
        var span: LessonSpan

        /// In words, naming the other group only to who may see that the student attends it (`.groupStudent`), or to
        /// the student and their guardian.
        func text(for studentID: UUID, req: Request?) -> String {
            let when = "\(span.day.formatted) \(span.times)"
            guard let req else { return "«\(groupName)», \(when)" }
            let actor = req.currentUser?.actor
            let shown =
                actor?.students.contains(studentID) == true
                || req.can(
                    .read,
                    .groupStudent(
                        school: OrgRef(id: schoolID, municipalityID: municipalityID),
                        center: OrgRef(id: centerID, municipalityID: municipalityID)))
            return shown ? "«\(groupName)», \(when)" : EnrollmentWords.Groups.clashElsewhere(when)
        }
    }

    /// Students whose other groups have lessons at the same time as the group's lessons (issue 4: once lessons exist,
    /// enrolment refuses a student whose other groups clash), with the first such lesson of each. Past lessons do not
    /// count, nor does the group being left by a transfer (`leaving`). One statement; on PostgreSQL it takes the shared
    /// side of the timetable lock first, so a timetable change cannot slip in between the check and the enrolment.
    static func timetableClashes(studentIDs: [UUID], groupID: UUID, leaving: UUID? = nil, on db: any Database)
        async throws -> [UUID: TimetableClash]
    {
        guard !studentIDs.isEmpty else { return [:] }
        try await TimetableService.lockForEnrollment(on: db)
        let rows = try await db.sql().raw(clashQuery(studentIDs: studentIDs, groupID: groupID, leaving: leaving)).all()
        var out: [UUID: TimetableClash] = [:]
        for row in rows.map(SQLRowReader.init) {
            guard let sid = row.uuid("sid"), out[sid] == nil, let clash = clash(row) else { continue }
            out[sid] = clash
        }
        return out
    }

    /// Refuses one student's enrolment when the timetables clash.
    static func refuseTimetableClash(
        studentID: UUID, groupID: UUID, leaving: UUID? = nil, req: Request?, on db: any Database
    ) async throws {
        if let clash = try await timetableClashes(studentIDs: [studentID], groupID: groupID, leaving: leaving, on: db)[
            studentID]
        {
            throw refusal(.timetableClash(clash.text(for: studentID, req: req)))
        }
    }
}
