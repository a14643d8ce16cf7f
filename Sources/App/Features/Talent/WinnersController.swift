import Domain
import Fluent
import Vapor
import Views

/// The public «Наши победители» (issue 21, item 7): winners and prize-winners of students with both consents in
/// force — to processing and to publication — and active; a withdrawn consent removes the child at once, since the
/// page reads the consents on every request.
struct WinnersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("winners", use: winners)
    }

    func winners(req: Request) async throws -> Response {
        let query = RegistrySupport.listQuery(req, filters: ["year"], sorts: ["year"], defaultSort: "year")
        guard let municipality = try await Municipality.query(on: req.db).sort(\.$createdAt).first(),
            let municipalityID = municipality.id
        else {
            return req.render(
                WinnersPage(query: query, years: [], rows: [], total: 0).render(await req.pageContext(active: nil)))
        }
        var builder = Achievement.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue)
            .filter(\.$result ~~ [AchievementResult.winner.rawValue, AchievementResult.prizeWinner.rawValue])
            .join(Student.self, on: \Achievement.$student.$id == \Student.$id)
            .filter(Student.self, \.$status == RecordStatus.active.rawValue)
            .filter(Student.self, \.$consentOn != nil).filter(Student.self, \.$consentWithdrawnAt == nil)
            .filter(Student.self, \.$publicationConsentOn != nil)
            .join(ContestEdition.self, on: \Achievement.$edition.$id == \ContestEdition.$id)
            .join(AcademicYear.self, on: \ContestEdition.$academicYear.$id == \AcademicYear.$id)
        if let year = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            builder = builder.filter(ContestEdition.self, \.$academicYear.$id == year)
        }
        let (rows, total) = try await builder.sort(AcademicYear.self, \.$startsOn, .descending)
            .sort(ContestEdition.self, \.$sortKey).sort(\.$sortKey).sort(\.$id)
            .with(\.$student).with(\.$school).with(\.$subject).with(\.$edition) {
                $0.with(\.$contest).with(\.$academicYear)
            }
            .paged(query)
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let published = try await OlympiadStage.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$publishedAt != nil).filter(\.$status == RecordStatus.active.rawValue)
            .with(\.$subject).with(\.$academicYear).sort(\.$sortKey).all()
        let page = WinnersPage(
            query: query, years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            rows: rows.map {
                .init(
                    name: "\($0.student.surname) \($0.student.givenName)", school: $0.school.shortName,
                    grade: $0.gradeStudied, edition: ContestEditionsSection.title($0.edition),
                    subject: AchievementsSection.subjectText($0),
                    result: TalentWords.result($0.achievementResult, place: $0.place, score: nil))
            }, total: total,
            protocols: try published.map {
                (OlympiadStagesSection.title($0), OlympiadPaths.publicProtocol(try $0.requireID()))
            })
        return req.render(page.render(await req.pageContext(active: nil)))
    }
}
