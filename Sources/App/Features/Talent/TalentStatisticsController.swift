import Documents
import Domain
import Fluent
import Vapor
import Views

/// The olympiads' and contests' statistics (issue 21, item 8): `/talent-statistics` and its workbook. The municipality's
/// roles count the results of students with consent to processing in force (without it an achievement does not leave
/// the school); a school counts its own. One read of the results (`TalentStatisticsSQL`: eight columns by name) and one
/// of their preparers, the year's filter applied in Swift so that the trend over years comes from the same rows.
struct TalentStatisticsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("talent-statistics", use: page)
        routes.get("talent-statistics.xlsx", use: workbook)
    }

    func build(_ req: Request) async throws -> TalentStatisticsPage {
        let municipalityID = try RegistrySupport.municipality(req)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .achievement(school: $0, shared: true)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let rawYear = try? req.query.get(String.self, at: "year")
        let rawLevel = try? req.query.get(String.self, at: "level")
        // No `year` at all: the current one; present but empty («Все годы»): every year.
        let year =
            rawYear == nil
            ? (years.first(where: \.isCurrent) ?? years.first)
            : rawYear.flatMap(UUID.init(uuidString:)).flatMap { id in years.first { $0.id == id } }
        let level = rawLevel.flatMap(ContestLevel.init(rawValue:))
        if let rawYear, !rawYear.isEmpty, year == nil { throw AppError.badRequest(OlympiadWords.Check.chooseYear) }
        if let rawLevel, !rawLevel.isEmpty, level == nil { throw AppError.badRequest(TalentStatisticsWords.badLevel) }
        let rows = try await TalentStatisticsSQL.results(
            municipalityID: municipalityID, schools: visible.map(Array.init), level: level, on: req.db)
        var preparers: [UUID: [String]] = [:]
        for link in try await TalentStatisticsSQL.preparers(municipalityID: municipalityID, on: req.db) {
            preparers[link.achievement, default: []].append(link.name)
        }
        let subjects = try await OlympiadSubject.query(on: req.db).filter(\.$municipality.$id == municipalityID).all()
        let subjectNames = Dictionary(subjects.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let schools = try await Organization.query(on: req.db).filter(\.$municipality.$id == municipalityID).all()
        let schoolNames = Dictionary(schools.map { ($0.id!, $0.shortName) }, uniquingKeysWith: { a, _ in a })
        let yearTitles = Dictionary(years.map { ($0.id!, $0.title) }, uniquingKeysWith: { a, _ in a })
        let all = rows.map { row in
            (
                yearID: row.year,
                entry: TalentStatistics.Entry(
                    student: row.student, subject: row.subject.flatMap { subjectNames[$0] }, grade: row.grade,
                    result: row.result, level: row.level, year: yearTitles[row.year] ?? "",
                    school: schoolNames[row.school] ?? "", sex: row.sex, preparers: preparers[row.id] ?? [])
            )
        }
        let chosen = all.filter { year == nil || $0.yearID == year?.id }.map(\.entry)
        // The trend: the five latest years up to the chosen one, oldest first.
        let trendYears = years.sorted { $0.startsOn < $1.startsOn }.filter {
            year == nil || $0.startsOn <= year!.startsOn
        }.suffix(5).map(\.title)
        return TalentStatisticsPage(
            years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) },
            year: year?.id?.uuidString.lowercased(), level: level?.rawValue, yearTitle: year?.title,
            bySubject: TalentStatistics.bySubjectAndGrade(chosen), bySchool: TalentStatistics.bySchool(chosen),
            byLevel: TalentStatistics.byLevelAndYear(all.map(\.entry), years: trendYears),
            bySex: TalentStatistics.bySex(chosen), byPreparer: TalentStatistics.byPreparer(chosen),
            scope: visible == nil ? TalentStatisticsPage.scopeMunicipality : TalentStatisticsPage.scopeSchool)
    }

    func page(req: Request) async throws -> Response {
        let page = try await build(req)
        return req.render(page.render(await req.pageContext(active: .registry(.talentStatistics))))
    }

    func workbook(req: Request) async throws -> Response {
        let page = try await build(req)
        let data = try XLSXWriter.workbook(
            sheetName: TalentStatisticsPage.sheet, header: TalentStatisticsPage.xlsxColumns, rows: page.workbookRows)
        return Response.download(data, name: "statistika-olimpiad.xlsx", type: .xlsx)
    }
}
