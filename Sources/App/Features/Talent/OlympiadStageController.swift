import Documents
import Domain
import Fluent
import Vapor
import Views

/// The work of a municipal stage (issue 21, item 3): passing scores and papers per grade, the invited, the rating
/// with its protocol (page and XLSX) and the decision on a tie; results and appeals are in `+Results`. Those who run
/// the stage change it; a school reads its own students' lines; every change is audited on the stage.
struct OlympiadStageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let stage = routes.grouped("olympiad-stages", ":id")
        stage.get("grades", use: gradesForm)
        stage.post("grades", use: saveGrades)
        stage.post("tie", use: decideTie)
        stage.get("invited", use: invited)
        stage.get("rating", use: rating)
        stage.get("protocol.xlsx", use: protocolXLSX)
        stage.get("participants", "new", use: newParticipant)
        stage.post("participants", "new", use: createParticipant)
        stage.get("participants", ":participant", use: editParticipant)
        stage.post("participants", ":participant", use: updateParticipant)
        stage.get("participants", ":participant", "appeal", use: appealForm)
        stage.post("participants", ":participant", "appeal", use: recordAppeal)
        stage.get("publish", use: publishConfirm)
        stage.post("publish", use: publish)
        // The published protocol is public.
        stage.get("public", use: publicProtocol)
    }

    /// The stage, authorised for `action` (404 unknown, 403 not the user's); archived stages are read-only.
    static func stage(_ req: Request, _ action: Domain.Action) async throws -> OlympiadStage {
        guard let record = try await OlympiadStage.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(OlympiadWords.stageNoun))
        }
        try req.authorize(action, try await OlympiadStagesSection().resource(record, on: req.db))
        if action != .read, record.status != RecordStatus.active.rawValue {
            throw AppError.conflict(RegistryWords.notEditable)
        }
        return record
    }

    /// The schools whose participants the user sees (nil: all).
    static func visibleSchools(_ req: Request, _ stage: OlympiadStage) throws -> Set<UUID>? {
        try RegistrySupport.visibleOrganizations(req, municipalityID: stage.$municipality.id) {
            .olympiadParticipant(school: $0)
        }
    }

    func context(_ req: Request) async -> PageContext { await req.pageContext(active: .registry(.olympiadStages)) }

    func gradesForm(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .update)
        let grades = try await OlympiadStageGrade.query(on: req.db).filter(\.$stage.$id == record.requireID()).all()
        var values: [String: String] = [:]
        for grade in grades {
            values["tasks\(grade.grade)"] = OlympiadWords.numbers(grade.maxima)
            values["passing\(grade.grade)"] = grade.passingScore.map(TalentWords.scoreText) ?? ""
        }
        let page = OlympiadGradesPage(
            stageID: try record.requireID(), stageTitle: OlympiadStagesSection.title(record),
            values: FormValues(single: values))
        return req.render(page.render(await context(req)))
    }

    func saveGrades(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .update)
        let stageID = try record.requireID()
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        var wanted: [Int: (maxima: [Double], passing: Double?)] = [:]
        for grade in OlympiadWords.grades {
            let tasksText = (form["tasks\(grade)"] ?? "").trimmingCharacters(in: .whitespaces)
            let passingText = (form["passing\(grade)"] ?? "").trimmingCharacters(in: .whitespaces)
            var maxima: [Double] = []
            if !tasksText.isEmpty {
                switch OlympiadScores.maxima(tasksText) {
                case .success(let numbers): maxima = numbers
                case .failure: errors.add("tasks\(grade)", OlympiadWords.Check.tasks)
                }
            }
            var passing: Double?
            if !passingText.isEmpty {
                let value = Double(passingText.replacingOccurrences(of: ",", with: "."))
                if maxima.isEmpty, errors["tasks\(grade)"] == nil {
                    errors.add("passing\(grade)", OlympiadWords.Check.passingNeedsTasks)
                } else if let value, value.isFinite, value >= 0, value <= OlympiadScores.total(maxima) + 1e-9 {
                    passing = value
                } else if !maxima.isEmpty {
                    errors.add("passing\(grade)", OlympiadWords.Check.passing(maximum: OlympiadScores.total(maxima)))
                }
            }
            wanted[grade] = (maxima, passing)
        }
        guard errors.isEmpty else {
            let page = OlympiadGradesPage(
                stageID: stageID, stageTitle: OlympiadStagesSection.title(record), values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
        let existing = try await OlympiadStageGrade.query(on: req.db).filter(\.$stage.$id == stageID).all()
        let before = Self.gradesAudit(existing.map { ($0.grade, $0.maxima, $0.passingScore) })
        let after = Self.gradesAudit(wanted.map { ($0.key, $0.value.maxima, $0.value.passing) })
        let title = OlympiadStagesSection.title(record)
        let settings = wanted
        try await req.application.writeTransaction { db in
            for grade in OlympiadWords.grades {
                let row = existing.first { $0.grade == grade } ?? OlympiadStageGrade()
                row.$stage.id = stageID
                row.grade = grade
                row.taskMaxima = OlympiadScores.stored(settings[grade]?.maxima ?? [])
                row.passingScore = settings[grade]?.passing
                try await row.save(on: db)
            }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "olympiad_stage", entityID: stageID, title: title,
                municipalityID: record.$municipality.id, organizationID: nil, before: before, after: after)
        }
        return req.redirect(to: OlympiadPaths.stage(stageID), flash: OlympiadWords.gradesSaved)
    }

    /// «7 класс» → «задания 7; 7; 7, проходной 25».
    static func gradesAudit(_ grades: [(Int, [Double], Double?)]) -> [String: String] {
        var audit: [String: String] = [:]
        for (grade, maxima, passing) in grades where !maxima.isEmpty || passing != nil {
            audit[OlympiadWords.grade(grade)] =
                "\(OlympiadWords.Field.tasks): \(OlympiadWords.numbers(maxima)); "
                + "\(OlympiadWords.Field.passing): \(passing.map(TalentWords.scoreText) ?? "—")"
        }
        return audit
    }

    func invited(req: Request) async throws -> Response {
        let record = try await Self.stage(req, .read)
        let board = try await OlympiadBoard.load(record, on: req.db)
        let visible = try Self.visibleSchools(req, record)
        let shown = { (id: UUID) in
            visible == nil || board.students[id].map { visible!.contains($0.$school.id) } == true
        }
        let entered = Dictionary(
            board.participants.map { ($0.$student.id, $0) }, uniquingKeysWith: { first, _ in first })
        let page = OlympiadInvitedPage(
            stageID: try record.requireID(), stageTitle: board.title,
            rows: board.invited.filter { shown($0.studentID) }.compactMap { invited in
                guard let student = board.students[invited.studentID] else { return nil }
                return .init(
                    studentID: invited.studentID, name: student.fullName, school: student.school.shortName,
                    grade: invited.grade, schoolScore: invited.schoolScore, reasons: invited.reasons,
                    total: entered[invited.studentID]?.total, participantID: entered[invited.studentID]?.id)
            },
            withoutConsent: board.withoutConsent.filter(shown).compactMap { id in
                board.students[id].map { "\($0.fullName) (\($0.school.shortName))" }
            }.sorted(),
            canEnter: record.status == RecordStatus.active.rawValue
                && req.can(.update, .olympiadStage(municipalityID: record.$municipality.id)))
        return req.render(page.render(await context(req)))
    }
}
