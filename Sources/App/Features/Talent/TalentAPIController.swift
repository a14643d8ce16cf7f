import Domain
import Fluent
import Vapor
import Views

/// The talent registry as JSON (issue 21, item 9): contests with their editions, achievements — the same access rules
/// and queries as the pages; a school enters its students' achievements with `POST /achievements`.
struct TalentAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("contests", use: contests)
        routes.get("contests", ":id", use: contest)
        routes.get("achievements", use: achievements)
        routes.get("achievements", ":id", use: achievement)
        routes.post("achievements", use: addAchievement)
    }

    func contests(req: Request) async throws -> PageDTO<ContestDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = ContestsSection.listQuery(req)
        try RegistrySupport.checkChoices(req, ContestsSection.choices)
        let (rows, total) = try await ContestsSection.query(query, municipalityID: municipalityID, req: req)
        return PageDTO(
            items: try rows.map { try ContestDTO($0, editions: nil, zone: .gmt) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func contest(req: Request) async throws -> ContestDTO {
        let record = try await RegistryAPIController().one(ContestsSection(), req)
        let editions = try await ContestEdition.query(on: req.db).filter(\.$contest.$id == record.requireID())
            .filter(\.$status == RecordStatus.active.rawValue).with(\.$contest).with(\.$academicYear).sort(\.$sortKey)
            .all()
        return try ContestDTO(record, editions: editions, zone: try await RegistrySupport.zone(req))
    }

    func achievements(req: Request) async throws -> PageDTO<AchievementDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = AchievementsSection.listQuery(req)
        try RegistrySupport.checkChoices(req, AchievementsSection.choices)
        if let year = query.filters["year"], UUID(uuidString: year) == nil {
            throw AppError.badParameters(["year": TalentWords.Check.chooseYear])
        }
        let (rows, total) = try await AchievementsSection.query(query, municipalityID: municipalityID, req: req)
        try await AchievementPreparers.load(into: rows, on: req.db)
        let zone = try await RegistrySupport.zone(req)
        return PageDTO(
            items: try rows.map { try AchievementDTO($0, zone: zone) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func achievement(req: Request) async throws -> AchievementDTO {
        let record = try await RegistryAPIController().one(AchievementsSection(), req)
        try await record.$preparers.load(on: req.db)
        return try AchievementDTO(record, zone: try await RegistrySupport.zone(req))
    }

    /// The page form's checks and write: 422 naming each field, 403 for another school's student.
    func addAchievement(req: Request) async throws -> Response {
        let input = try req.content.decode(AchievementInput.self)
        var form = FormValues(single: [
            "student": input.studentId?.uuidString ?? "", "edition": input.editionId?.uuidString ?? "",
            "subject": input.subjectId?.uuidString ?? "", "nomination": input.nomination ?? "",
            "result": input.result ?? "", "score": input.score.map { String($0) } ?? "",
            "place": input.place.map(String.init) ?? "", "gradeStudied": input.gradeStudied.map(String.init) ?? "",
            "gradeCompeted": input.gradeCompeted.map(String.init) ?? "", "achievedOn": input.achievedOn ?? "",
            "preparedBy": input.preparedBy ?? "", "documentNumber": input.documentNumber ?? "",
        ])
        form.values["preparers"] = (input.preparerIds ?? []).map { $0.uuidString }
        let (record, errors) = try await RegistryController(section: AchievementsSection()).insert(form, req: req)
        guard let record else { throw AppError.validation(ValidationFailure(fields: errors)) }
        let response = Response(status: .created)
        try response.content.encode(try AchievementDTO(record, zone: try await RegistrySupport.zone(req)))
        return response
    }
}
