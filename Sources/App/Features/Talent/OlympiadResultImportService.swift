import Domain
import Fluent
import Vapor
import Views

/// A stage's results from a file, checked against the stage as the form checks one result: the student among the
/// invited (or already a participant, whose result the file then corrects), the grade competed for at least the grade
/// studied and with a paper, the scores within each task's maximum, codes unique — and written all at once or not at
/// all, an audit entry per participant.
enum OlympiadResultImportService {
    struct Ready {
        var row: OlympiadResultImport.Row
        var studentID: UUID
        var existing: OlympiadParticipant?
    }

    struct Checked {
        var ready: [Ready] = []
        var errors: [TableRowError] = []
        var updated: Int { ready.filter { $0.existing != nil }.count }
    }

    static func check(_ plan: OlympiadResultImport.Plan, board: OlympiadBoard, zone: TimeZone) -> Checked {
        var checked = Checked()
        let participants = Dictionary(
            board.participants.map { ($0.$student.id, $0) }, uniquingKeysWith: { first, _ in first })
        var students: [String: Student] = [:]
        for invited in board.invited {
            if let student = board.students[invited.studentID] { students[student.identityKey] = student }
        }
        for participant in board.participants { students[participant.student.identityKey] = participant.student }
        var seenStudents: [UUID: Int] = [:]
        var seenCodes: [String: Int] = [:]
        for row in plan.rows {
            func fail(_ key: String, _ message: String) {
                checked.errors.append(
                    TableRowError(line: row.line, column: OlympiadResultImport.title(key), message: message))
            }
            let key = StudentIdentity.key(
                surname: row.surname, givenName: row.givenName, patronymic: row.patronymic, birthDate: row.birthDate,
                timeZone: zone)
            guard let student = students[key], let studentID = student.id else {
                fail("surname", OlympiadWords.Import.notInvited)
                continue
            }
            let existing = participants[studentID]
            if let first = seenStudents[studentID] {
                fail("surname", OlympiadWords.Import.repeated(first))
                continue
            }
            seenStudents[studentID] = row.line
            let code = row.code.lowercased()
            if let first = seenCodes[code] {
                fail("code", OlympiadWords.Import.repeated(first))
            } else if board.participants.contains(where: { $0.code.lowercased() == code && $0.$student.id != studentID }
            ) {
                fail("code", OlympiadWords.Check.duplicateCode)
            }
            seenCodes[code] = row.line
            let studied = existing?.gradeStudied ?? student.grade
            let maxima = board.grades[row.grade]?.maxima ?? []
            if row.grade < studied {
                fail("grade", OlympiadWords.Check.gradeCompeted)
            } else if maxima.isEmpty {
                fail("grade", OlympiadWords.Check.noTasks)
            } else if case .failure(let problem) = OlympiadScores.check(row.scores, maxima: maxima) {
                fail(problemColumn(problem), OlympiadWords.Check.scores(problem))
            }
            checked.ready.append(Ready(row: row, studentID: studentID, existing: existing))
        }
        let failed = Set(checked.errors.map(\.line))
        checked.ready.removeAll { failed.contains($0.row.line) }
        return checked
    }

    static func problemColumn(_ problem: OlympiadScores.Problem) -> String {
        if case .aboveMaximum(let task, _) = problem { return "task\(task)" }
        return "task1"
    }

    /// Writes every ready row in one write transaction, each with its audit entry on the stage.
    static func commit(_ checked: Checked, board: OlympiadBoard, fileName: String, req: Request) async throws -> Int {
        let stage = board.stage
        let stageID = try stage.requireID()
        let rows = checked.ready
        let students = board.students.merging(
            board.participants.map { ($0.$student.id, $0.student) }, uniquingKeysWith: { first, _ in first })
        let invitations = Dictionary(board.invited.map { ($0.studentID, $0) }, uniquingKeysWith: { first, _ in first })
        try await req.application.writeTransaction { db in
            for ready in rows {
                let participant = ready.existing ?? OlympiadParticipant()
                let before = ready.existing.map(OlympiadStageController.audit)
                if let existing = ready.existing {
                    guard
                        try await RegistrySupport.claimVersion(
                            table: OlympiadParticipant.schema, id: try existing.requireID(),
                            expected: existing.version, on: db)
                    else { throw AppError.conflict(RegistryWords.conflict) }
                    participant.version = existing.version + 1
                } else {
                    guard let student = students[ready.studentID] else { throw AppError.notFound() }
                    participant.$stage.id = stageID
                    participant.$municipality.id = stage.$municipality.id
                    participant.$school.id = student.$school.id
                    participant.$student.id = ready.studentID
                    participant.$student.value = student
                    participant.gradeStudied = student.grade
                    participant.invitedAs = (invitations[ready.studentID]?.reasons ?? []).map(\.rawValue)
                        .joined(separator: ",")
                    participant.sortKey = student.sortKey
                    participant.version = 1
                }
                participant.code = ready.row.code
                participant.gradeCompeted = ready.row.grade
                participant.taskScores = OlympiadScores.stored(ready.row.scores)
                participant.total = OlympiadScores.total(ready.row.scores)
                try await participant.save(on: db)
                var after = OlympiadStageController.audit(participant)
                after[OlympiadWords.Import.fileField] = fileName
                try await Audit.record(
                    on: db, req: req, action: ready.existing == nil ? .create : .update, entityType: "olympiad_stage",
                    entityID: stageID, title: board.title, municipalityID: stage.$municipality.id,
                    organizationID: participant.$school.id, before: before, after: after)
            }
        }
        return rows.count
    }
}
