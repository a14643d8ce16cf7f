import Documents
import Domain
import Fluent
import Vapor
import Views

/// The databank and the achievements as workbooks for the regional registry (issue 21, item 8; the layout in
/// `docs/EXPORTS.md`): the list's filters and the reader's rights, every row rather than a page.
struct RegistryExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("gifted.xlsx", use: gifted)
        routes.get("achievements.xlsx", use: achievements)
    }

    /// The list's query with every row on one page.
    static func everything(_ query: ListQuery) -> ListQuery {
        var all = query
        all.page = 1
        all.per = 1_000_000
        return all
    }

    func gifted(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.everything(GiftedController.listQuery(req))
        let (students, _, basis) = try await GiftedBank.page(query, municipalityID: municipalityID, req: req)
        let ids = students.compactMap(\.id)
        let achievements = try await GiftedBank.achievements(of: ids, on: req.db)
        let support = try await SupportBoard.measures(of: ids, on: req.db)
        let zone = try await RegistrySupport.zone(req)
        let rows: [[String]] = students.map { student in
            [
                student.surname, student.givenName, student.patronymic ?? "",
                RuDate.format(student.birthDate, timeZone: zone), student.sex.flatMap(Sex.init(rawValue:))?.title ?? "",
                student.school.shortName, String(student.grade),
                GiftedBasis.allCases.filter { basis[student.id!]?.contains($0) == true }.map(\.title).joined(
                    separator: ", "),
                (achievements[student.id!] ?? []).map(GiftedBank.line).joined(separator: "; "),
                (support[student.id!] ?? []).filter(\.isAwarded).map { SupportBoard.line($0).mark }.joined(
                    separator: "; "),
                student.consentOn.map { RuDate.format($0, timeZone: zone) } ?? "",
            ]
        }
        let data = try XLSXWriter.workbook(
            sheetName: RegistryExportWords.giftedSheet, header: RegistryExportWords.giftedColumns, rows: rows)
        return Response.download(data, name: "bank-odarennyh.xlsx", type: .xlsx)
    }

    func achievements(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.everything(AchievementsSection.listQuery(req))
        let (records, _) = try await AchievementsSection.query(query, municipalityID: municipalityID, req: req)
        try await AchievementPreparers.load(into: records, on: req.db)
        let zone = try await RegistrySupport.zone(req)
        let rows: [[String]] = records.map { record in
            [
                record.student.surname, record.student.givenName, record.student.patronymic ?? "",
                RuDate.format(record.student.birthDate, timeZone: zone), record.school.shortName,
                String(record.gradeStudied), String(record.gradeCompeted), record.edition.contest.title,
                record.edition.contestLevel.title, record.edition.academicYear.title,
                AchievementsSection.subjectText(record), record.achievementResult.title,
                record.score.map(TalentWords.scoreText) ?? "", record.place.map(String.init) ?? "",
                record.achievedOn.map { RuDate.format($0, timeZone: zone) } ?? "", record.documentNumber ?? "",
                (record.$preparers.value ?? []).isEmpty && record.preparedBy == nil
                    ? "" : AchievementPreparers.line(record),
            ]
        }
        let data = try XLSXWriter.workbook(
            sheetName: RegistryExportWords.achievementsSheet, header: RegistryExportWords.achievementsColumns,
            rows: rows)
        return Response.download(data, name: "dostizheniya.xlsx", type: .xlsx)
    }
}
