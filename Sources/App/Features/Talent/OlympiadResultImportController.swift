import Documents
import Domain
import Fluent
import Vapor
import Views

/// A stage's results from a file (issue 21, item 3): the layout and upload form, the template, the check and the
/// commit — all or nothing, by those who run the stage.
struct OlympiadResultImportController: RouteCollection {
    static let maxBytes = 2 * 1_048_576

    func boot(routes: any RoutesBuilder) throws {
        let imports = routes.grouped("olympiad-stages", ":id", "import")
        imports.get(use: start)
        imports.get("template.csv", use: template)
        imports.get("template.xlsx", use: templateXLSX)
        let body = ByteCount(value: 4 * Self.maxBytes)
        imports.on(.POST, body: .collect(maxSize: body), use: upload)
        imports.on(.POST, "commit", body: .collect(maxSize: body), use: commit)
    }

    func start(req: Request) async throws -> Response {
        let stage = try await OlympiadStageController.stage(req, .update)
        return try await render(
            req,
            OlympiadResultImportPage(stageID: try stage.requireID(), stageTitle: OlympiadStagesSection.title(stage)))
    }

    func template(req: Request) async throws -> Response {
        _ = try await OlympiadStageController.stage(req, .update)
        return Response.download(
            CSVTable.write([OlympiadResultImport.header, OlympiadResultImport.exampleRow]),
            name: "rezultaty-etapa-shablon.csv",
            type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]))
    }

    func templateXLSX(req: Request) async throws -> Response {
        _ = try await OlympiadStageController.stage(req, .update)
        let data = try XLSXWriter.workbook(
            sheetName: OlympiadResultImportPage.sheetName, header: OlympiadResultImport.header,
            rows: [OlympiadResultImport.exampleRow])
        return Response.download(data, name: "rezultaty-etapa-shablon.xlsx", type: .xlsx)
    }

    struct UploadForm: Content {
        var file: File?
    }

    func upload(req: Request) async throws -> Response {
        let stage = try await OlympiadStageController.stage(req, .update)
        guard let file = (try? req.content.decode(UploadForm.self))?.file, !file.filename.isEmpty else {
            return try await render(
                req,
                OlympiadResultImportPage(
                    stageID: try stage.requireID(), stageTitle: OlympiadStagesSection.title(stage),
                    fileProblem: OlympiadWords.Import.chooseFile), status: .unprocessableEntity)
        }
        return try await check(
            req, stage, data: Data(buffer: file.data), fileName: String(file.filename.prefix(200)), write: false)
    }

    struct CommitForm: Content {
        var fileName: String?
        var payload: String?
    }

    func commit(req: Request) async throws -> Response {
        let stage = try await OlympiadStageController.stage(req, .update)
        let form = try? req.content.decode(CommitForm.self)
        let data = form?.payload.flatMap { Data(base64Encoded: $0) } ?? Data()
        return try await check(
            req, stage, data: data, fileName: String((form?.fileName ?? "").prefix(200)), write: true)
    }

    /// Reads and checks the file; shows its errors, or what it holds, or (when `write` and clean) writes it.
    func check(_ req: Request, _ stage: OlympiadStage, data: Data, fileName: String, write: Bool) async throws
        -> Response
    {
        let zone = try await RegistrySupport.zone(req)
        let stageID = try stage.requireID()
        let title = OlympiadStagesSection.title(stage)
        let table: TableFile
        do {
            guard !data.isEmpty else { throw TableReadError(OlympiadWords.Import.emptyFile(fileName)) }
            table = try TableReader.read(
                data, fileName: fileName,
                limits: TableLimits(maxBytes: Self.maxBytes, maxRows: OlympiadResultImport.maxRows + 1))
        } catch let error as TableReadError {
            return try await render(
                req, OlympiadResultImportPage(stageID: stageID, stageTitle: title, fileProblem: error.message),
                status: .unprocessableEntity)
        }
        let plan = OlympiadResultImport.plan(table.rows, timeZone: zone)
        let board = try await OlympiadBoard.load(stage, on: req.db)
        let checked =
            plan.fileErrors.isEmpty
            ? OlympiadResultImportService.check(plan, board: board, zone: zone) : OlympiadResultImportService.Checked()
        let errors = plan.errors + checked.errors
        let clean = plan.fileErrors.isEmpty && errors.isEmpty && !checked.ready.isEmpty
        if write && clean {
            let count = try await OlympiadResultImportService.commit(
                checked, board: board, fileName: fileName, req: req)
            return req.redirect(to: OlympiadPaths.rating(stageID), flash: OlympiadWords.Import.loaded(count))
        }
        let preview = OlympiadResultImportPage.Preview(
            fileName: fileName, added: checked.ready.count - checked.updated, corrected: checked.updated,
            fileErrors: plan.fileErrors, errors: errors.sorted { $0.line < $1.line },
            payload: clean ? data.base64EncodedString() : "")
        return try await render(
            req, OlympiadResultImportPage(stageID: stageID, stageTitle: title, preview: preview),
            status: clean ? .ok : .unprocessableEntity)
    }

    func render(_ req: Request, _ page: OlympiadResultImportPage, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        req.render(page.render(await req.pageContext(active: .registry(.olympiadStages))), status: status)
    }
}
