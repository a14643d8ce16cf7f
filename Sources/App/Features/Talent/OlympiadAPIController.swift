import Domain
import Fluent
import Vapor
import Views

/// The municipal stages as JSON (issue 21, item 9): `GET /olympiad-stages`, one stage with its grades, and its
/// results — the rating's places and statuses, and the regional stage's results of those who went on to it; a
/// school's reader getting its own students' lines only.
struct OlympiadAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("olympiad-stages", use: stages)
        routes.get("olympiad-stages", ":id", use: stage)
        routes.get("olympiad-stages", ":id", "results", use: results)
    }

    struct GradeDTO: Content {
        var grade: Int
        var passingScore: Double?
        var taskMaxima: [Double]
        var maximum: Double
    }

    struct StageDTO: Content {
        var id: UUID
        var title: String
        var subjectId: UUID
        var subject: String
        var academicYearId: UUID
        var academicYear: String
        var editionId: UUID
        var quotaPercent: Int
        var winnerMinPercent: Int
        var prizeMinPercent: Int
        var grades: [GradeDTO]?
        var status: String
        var version: Int

        init(_ stage: OlympiadStage, grades: [OlympiadStageGrade]?) throws {
            id = try stage.requireID()
            title = OlympiadStagesSection.title(stage)
            subjectId = stage.$subject.id
            subject = stage.subject.name
            academicYearId = stage.$academicYear.id
            academicYear = stage.academicYear.title
            editionId = stage.$edition.id
            quotaPercent = stage.quotaPercent
            winnerMinPercent = stage.winnerMinPercent
            prizeMinPercent = stage.prizeMinPercent
            self.grades = grades?.sorted { $0.grade < $1.grade }.map {
                GradeDTO(grade: $0.grade, passingScore: $0.passingScore, taskMaxima: $0.maxima, maximum: $0.maximum)
            }
            status = stage.status
            version = stage.version
        }
    }

    struct ResultDTO: Content {
        var participantId: UUID
        var studentId: UUID
        var student: String
        var schoolId: UUID
        var school: String
        var code: String
        var gradeStudied: Int
        var gradeCompeted: Int
        var taskScores: [Double]
        var total: Double
        var place: String
        /// `winner`, `prizeWinner`, `participant` or `tieUndecided`.
        var status: String
        /// Taking part in the regional stage, and its result from the student's achievements.
        var regional: Bool
        var regionalResult: String?
        var regionalScore: Double?
    }

    func stages(req: Request) async throws -> PageDTO<StageDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = OlympiadStagesSection.listQuery(req)
        try RegistrySupport.checkChoices(req, ["status": RegistrySupport.statusChoices])
        if let year = query.filters["year"], UUID(uuidString: year) == nil {
            throw AppError.badParameters(["year": OlympiadWords.Check.chooseYear])
        }
        let (rows, total) = try await OlympiadStagesSection.query(query, municipalityID: municipalityID, req: req)
        return PageDTO(
            items: try rows.map { try StageDTO($0, grades: nil) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func stage(req: Request) async throws -> StageDTO {
        let record = try await RegistryAPIController().one(OlympiadStagesSection(), req)
        let grades = try await OlympiadStageGrade.query(on: req.db).filter(\.$stage.$id == record.requireID()).all()
        return try StageDTO(record, grades: grades)
    }

    func results(req: Request) async throws -> PageDTO<ResultDTO> {
        let record = try await RegistryAPIController().one(OlympiadStagesSection(), req)
        let board = try await OlympiadBoard.load(record, on: req.db)
        let visible = try OlympiadStageController.visibleSchools(req, record)
        let byID = Dictionary(board.participants.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let tables = board.tables()
        let regional = try await OlympiadRegionalController.regionalResults(
            record,
            students: board.participants.filter { $0.regionalAt != nil && (visible?.contains($0.$school.id) ?? true) }
                .map(\.$student.id), on: req.db)
        let rows: [ResultDTO] = tables.keys.sorted().flatMap { grade in
            (tables[grade]?.rows ?? []).compactMap { row -> ResultDTO? in
                guard let participant = byID[row.entry.id], visible?.contains(participant.$school.id) ?? true else {
                    return nil
                }
                return ResultDTO(
                    participantId: row.entry.id, studentId: participant.$student.id,
                    student: participant.student.fullName, schoolId: participant.$school.id,
                    school: participant.school.shortName, code: participant.code,
                    gradeStudied: participant.gradeStudied, gradeCompeted: participant.gradeCompeted,
                    taskScores: OlympiadScores.read(participant.taskScores), total: participant.total, place: row.place,
                    status: row.status.rawValue, regional: participant.regionalAt != nil,
                    regionalResult: participant.student.hasConsent
                        ? regional.byStudent[participant.$student.id]?.result : nil,
                    regionalScore: participant.student.hasConsent
                        ? regional.byStudent[participant.$student.id]?.score : nil)
            }
        }
        let query = RegistrySupport.listQuery(req, filters: [], sorts: ["place"], defaultSort: "place", search: false)
        let page = rows.dropFirst((query.page - 1) * query.per).prefix(query.per)
        return PageDTO(items: Array(page), metadata: .init(page: query.page, per: query.per, total: rows.count))
    }
}
