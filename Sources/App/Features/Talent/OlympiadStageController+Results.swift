import Domain
import Fluent
import Vapor
import Views

/// A participant's result — only for an invited student, one per student and code, scores within each task's
/// maximum — and the appeal commission's decisions, old and new scores kept; every change audited on the stage.
extension OlympiadStageController {
    /// A result checked against the stage: what to write, or the errors of the fields.
    struct ResultInput {
        var studentID: UUID
        var code: String
        var grade: Int
        var scores: [Double]
    }

    static func check(
        _ form: FormValues, board: OlympiadBoard, participant: OlympiadParticipant?, errors: inout FieldErrors
    ) -> ResultInput? {
        var studentID = participant?.$student.id
        if participant == nil {
            studentID = form["student"].flatMap(UUID.init(uuidString:))
            if studentID == nil {
                errors.add("student", OlympiadWords.Check.chooseStudent)
            } else if board.invitation(of: studentID!) == nil {
                errors.add("student", OlympiadWords.Check.notInvited)
            } else if board.participants.contains(where: { $0.$student.id == studentID }) {
                errors.add("student", OlympiadWords.Check.alreadyEntered)
            }
        }
        let code = (form["code"] ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty || code.count > 20 || FieldErrors.hasHiddenControls(code) {
            errors.add("code", OlympiadWords.Check.code)
        } else if board.participants.contains(where: {
            $0.code.lowercased() == code.lowercased() && $0.id != participant?.id
        }) {
            errors.add("code", OlympiadWords.Check.duplicateCode)
        }
        let studied = participant?.gradeStudied ?? studentID.flatMap { board.students[$0]?.grade } ?? 7
        let grade = Int(form["gradeCompeted"] ?? "")
        var maxima: [Double] = []
        if let grade, OlympiadWords.grades.contains(grade), grade >= studied {
            maxima = board.grades[grade]?.maxima ?? []
            if maxima.isEmpty { errors.add("gradeCompeted", OlympiadWords.Check.noTasks) }
        } else {
            errors.add("gradeCompeted", OlympiadWords.Check.gradeCompeted)
        }
        var scores: [Double] = []
        if !maxima.isEmpty {
            switch OlympiadScores.scores(form["scores"] ?? "", maxima: maxima) {
            case .success(let numbers): scores = numbers
            case .failure(let problem): errors.add("scores", OlympiadWords.Check.scores(problem))
            }
        }
        guard errors.isEmpty, let studentID, let grade else { return nil }
        return ResultInput(studentID: studentID, code: code, grade: grade, scores: scores)
    }

    func participantPage(
        _ req: Request, _ board: OlympiadBoard, participant: OlympiadParticipant?, values: FormValues,
        errors: FieldErrors
    ) throws -> OlympiadParticipantFormPage {
        let entered = Set(board.participants.map { $0.$student.id })
        return OlympiadParticipantFormPage(
            stageID: try board.stage.requireID(), stageTitle: board.title, participantID: participant?.id,
            students: board.invited.filter { !entered.contains($0.studentID) }.compactMap { invited in
                board.students[invited.studentID].map {
                    (
                        invited.studentID.uuidString.lowercased(),
                        "\($0.fullName), \(OlympiadWords.grade($0.grade)), \($0.school.shortName)"
                    )
                }
            }.sorted { $0.1 < $1.1 },
            participantName: participant.map { "\($0.student.fullName), \($0.school.shortName)" },
            papers: OlympiadWords.grades.compactMap { grade in
                board.grades[grade].flatMap {
                    $0.maxima.isEmpty ? nil : OlympiadParticipantFormPage.paper(grade: grade, maxima: $0.maxima)
                }
            }, values: values, errors: errors)
    }

    func newParticipant(req: Request) async throws -> Response {
        let board = try await OlympiadBoard.load(try await Self.stage(req, .update), on: req.db)
        var values = ["student": (try? req.query.get(String.self, at: "student")) ?? ""]
        if let id = UUID(uuidString: values["student"]!), let invited = board.invitation(of: id) {
            values["gradeCompeted"] = String(invited.grade)
        }
        let page = try participantPage(
            req, board, participant: nil, values: FormValues(single: values), errors: .init())
        return req.render(page.render(await context(req)))
    }

    func createParticipant(req: Request) async throws -> Response {
        try await saveParticipant(req, participantID: nil)
    }

    func editParticipant(req: Request) async throws -> Response {
        let board = try await OlympiadBoard.load(try await Self.stage(req, .update), on: req.db)
        let participant = try Self.participant(req, board)
        let values = FormValues(single: [
            "code": participant.code, "gradeCompeted": String(participant.gradeCompeted),
            "scores": OlympiadWords.numbers(OlympiadScores.read(participant.taskScores)),
        ])
        let page = try participantPage(req, board, participant: participant, values: values, errors: .init())
        return req.render(page.render(await context(req)))
    }

    func updateParticipant(req: Request) async throws -> Response {
        try await saveParticipant(req, participantID: try req.idParameter("participant"))
    }

    /// The participant of the path within the stage (404 otherwise).
    static func participant(_ req: Request, _ board: OlympiadBoard) throws -> OlympiadParticipant {
        let id = try req.idParameter("participant")
        guard let participant = board.participants.first(where: { $0.id == id }) else { throw AppError.notFound() }
        return participant
    }

    func saveParticipant(_ req: Request, participantID: UUID?) async throws -> Response {
        let record = try await Self.stage(req, .update)
        let board = try await OlympiadBoard.load(record, on: req.db)
        let existing = try participantID.map { _ in try Self.participant(req, board) }
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        guard let input = Self.check(form, board: board, participant: existing, errors: &errors) else {
            let page = try participantPage(req, board, participant: existing, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let participant = existing ?? OlympiadParticipant()
        let before = existing.map(Self.audit)
        if existing == nil {
            guard let student = board.students[input.studentID] else { throw AppError.notFound() }
            participant.$stage.id = try record.requireID()
            participant.$municipality.id = record.$municipality.id
            participant.$school.id = student.$school.id
            participant.$student.id = input.studentID
            participant.$student.value = student
            participant.gradeStudied = student.grade
            participant.invitedAs = (board.invitation(of: input.studentID)?.reasons ?? []).map(\.rawValue)
                .joined(separator: ",")
            participant.sortKey = student.sortKey
            participant.version = 1
        } else {
            participant.version = existing!.version + 1
        }
        let expected = existing.map { $0.version - 1 }
        participant.code = input.code
        participant.gradeCompeted = input.grade
        participant.taskScores = OlympiadScores.stored(input.scores)
        participant.total = OlympiadScores.total(input.scores)
        do {
            let saved = try await req.application.writeTransaction { db -> Bool in
                if let expected, let id = participant.id {
                    // A correction made from a stale page loses nobody's write.
                    guard
                        try await RegistrySupport.claimVersion(
                            table: OlympiadParticipant.schema, id: id, expected: expected, on: db)
                    else { return false }
                }
                try await participant.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: existing == nil ? .create : .update, entityType: "olympiad_stage",
                    entityID: record.id, title: board.title, municipalityID: record.$municipality.id,
                    organizationID: participant.$school.id, before: before, after: Self.audit(participant))
                return true
            }
            guard saved else { throw AppError.conflict(RegistryWords.conflict) }
        } catch  where EnrollmentService.isUniqueViolation(error) {
            // Someone entered this student or this code a moment ago.
            errors.add(existing == nil ? "student" : "code", OlympiadWords.Check.concurrent)
            let page = try participantPage(req, board, participant: existing, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        return req.redirect(to: OlympiadPaths.rating(try record.requireID()), flash: OlympiadWords.resultSaved)
    }

    /// A participant's line in the audit (student loaded).
    static func audit(_ participant: OlympiadParticipant) -> [String: String] {
        [
            OlympiadWords.Field.student: participant.$student.value?.fullName ?? "",
            OlympiadWords.Field.code: participant.code,
            OlympiadWords.Field.gradeCompeted: String(participant.gradeCompeted),
            OlympiadWords.Field.scores: OlympiadWords.numbers(OlympiadScores.read(participant.taskScores)),
            OlympiadWords.Field.total: TalentWords.scoreText(participant.total),
        ]
    }
}
