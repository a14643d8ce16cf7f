import Documents
import Domain
import Fluent
import Vapor
import Views

/// The achievements import's pages (issue 21, item 2): the layout and upload form, the template, the check of a file
/// and its commit — all or nothing, by a school administrator for the school's own students.
struct AchievementImportController: RouteCollection {
    /// A school's file of results is small; its content rides in the confirmation form.
    static let maxBytes = 2 * 1_048_576

    func boot(routes: any RoutesBuilder) throws {
        let achievements = routes.grouped("achievements")
        achievements.get("import", use: start)
        achievements.get("import", "template.csv", use: template)
        achievements.get("import", "template.xlsx", use: templateXLSX)
        let body = ByteCount(value: 4 * Self.maxBytes)
        achievements.on(.POST, "import", body: .collect(maxSize: body), use: upload)
        achievements.on(.POST, "import", "commit", body: .collect(maxSize: body), use: commit)
    }

    /// The one school whose results the user enters (a school administrator's), or 403.
    static func school(_ req: Request) async throws -> (municipalityID: UUID, school: Organization) {
        let municipalityID = try RegistrySupport.municipality(req)
        let probe = OrgRef(id: UUID(), municipalityID: municipalityID)
        // A file is one school's: a role that would enter results in any school has no school to load it into.
        guard !req.can(.create, .achievement(school: probe, shared: false)) else { throw AppError.forbidden }
        let schools = try await RegistrySupport.writableOrganizations(
            req, municipalityID: municipalityID, kinds: [.school]
        ) {
            .achievement(school: $0, shared: false)
        }
        guard let first = schools.first.flatMap({ UUID(uuidString: $0.value) }),
            let school = try await Organization.find(first, on: req.db)
        else { throw AppError.forbidden }
        return (municipalityID, school)
    }

    func start(req: Request) async throws -> Response {
        let (_, school) = try await Self.school(req)
        return try await render(req, AchievementImportPage(school: school.shortName))
    }

    func template(req: Request) async throws -> Response {
        _ = try await Self.school(req)
        return Response.download(
            CSVTable.write([AchievementImport.header, AchievementImport.exampleRow]), name: "dostizheniya-shablon.csv",
            type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]))
    }

    func templateXLSX(req: Request) async throws -> Response {
        _ = try await Self.school(req)
        let data = try XLSXWriter.workbook(
            sheetName: AchievementImportPage.sheetName, header: AchievementImport.header,
            rows: [AchievementImport.exampleRow])
        return Response.download(data, name: "dostizheniya-shablon.xlsx", type: .xlsx)
    }

    struct UploadForm: Content {
        var file: File?
    }

    func upload(req: Request) async throws -> Response {
        let (municipalityID, school) = try await Self.school(req)
        guard let file = (try? req.content.decode(UploadForm.self))?.file, !file.filename.isEmpty else {
            return try await render(
                req, AchievementImportPage(school: school.shortName, fileProblem: TalentWords.Import.chooseFile),
                status: .unprocessableEntity)
        }
        return try await check(
            req, data: Data(buffer: file.data), fileName: String(file.filename.prefix(200)), school: school,
            municipalityID: municipalityID, write: false)
    }

    struct CommitForm: Content {
        var fileName: String?
        var payload: String?
    }

    func commit(req: Request) async throws -> Response {
        let (municipalityID, school) = try await Self.school(req)
        let form = try? req.content.decode(CommitForm.self)
        let data = form?.payload.flatMap { Data(base64Encoded: $0) } ?? Data()
        return try await check(
            req, data: data, fileName: String((form?.fileName ?? "").prefix(200)), school: school,
            municipalityID: municipalityID, write: true)
    }

    /// Reads and checks the file; shows its errors, or what it holds, or (when `write` and clean) writes it.
    func check(
        _ req: Request, data: Data, fileName: String, school: Organization, municipalityID: UUID, write: Bool
    ) async throws -> Response {
        let zone = try await RegistrySupport.zone(req)
        let table: TableFile
        do {
            guard !data.isEmpty else { throw TableReadError(TalentWords.Import.emptyFile(fileName)) }
            table = try TableReader.read(
                data, fileName: fileName,
                limits: TableLimits(maxBytes: Self.maxBytes, maxRows: AchievementImport.maxRows + 1))
        } catch let error as TableReadError {
            return try await render(
                req, AchievementImportPage(school: school.shortName, fileProblem: error.message),
                status: .unprocessableEntity)
        }
        let plan = AchievementImport.plan(table.rows, timeZone: zone)
        let checked =
            plan.fileErrors.isEmpty
            ? try await AchievementImportService.check(
                plan, school: try school.requireID(), municipalityID: municipalityID, zone: zone, on: req.db)
            : AchievementImportService.Checked()
        let clean = plan.fileErrors.isEmpty && checked.errors.isEmpty && !checked.ready.isEmpty
        if write && clean {
            let count = try await AchievementImportService.commit(
                checked, school: school, fileName: fileName, municipalityID: municipalityID, zone: zone, req: req)
            return req.redirect(to: SiteURL.list(.achievements).path, flash: TalentWords.Import.loaded(count))
        }
        let preview = AchievementImportPage.Preview(
            fileName: fileName, ready: checked.ready.count, fileErrors: plan.fileErrors, errors: checked.errors,
            newEditions: checked.newEditions, payload: clean ? data.base64EncodedString() : "")
        return try await render(
            req, AchievementImportPage(school: school.shortName, preview: preview),
            status: clean ? .ok : .unprocessableEntity)
    }

    func render(_ req: Request, _ page: AchievementImportPage, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        req.render(page.render(await req.pageContext(active: .registry(.achievements))), status: status)
    }
}
