import Domain
import Fluent
import Vapor
import Views

/// A plan item's evidence file (issue 22, item 2): attached by whoever marks the item, checked by size and by content,
/// kept as an achievement's scan is (`ScanStore`), served as an attachment under a name Setka makes, removed after
/// confirmation — each change in the item's history. The only evidence of a done item that needs it stays.
struct PlanEvidenceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let evidence = routes.grouped("plan-items", ":id", "evidence")
        evidence.get(use: download)
        evidence.get("new", use: form)
        evidence.on(.POST, body: .collect(maxSize: ByteCount(value: DocumentScan.maxBytes + 65_536)), use: upload)
        evidence.get("delete", use: deleteConfirm)
        evidence.post("delete", use: delete)
    }

    /// The file's facts without its bytes.
    static func facts(of itemID: UUID, on db: any Database) async throws -> PlanItemFile? {
        try await PlanItemFile.query(on: db).filter(\.$item.$id == itemID).field(\.$id).field(\.$item.$id)
            .field(\.$fileName).field(\.$kind).field(\.$size).field(\.$uploadedAt).field(\.$uploadedBy)
            .field(\.$storage).first()
    }

    func download(req: Request) async throws -> Response {
        let item = try await PlanBoard.item(req, .read)
        guard let file = try await PlanItemFile.query(on: req.db).filter(\.$item.$id == item.requireID()).first(),
            let kind = DocumentScan(rawValue: file.kind)
        else { throw AppError.notFound(PlanWords.Evidence.none) }
        return ScanStore.download(
            try ScanStore.bytes(file, req: req, missing: PlanWords.Evidence.missingFile), kind: kind,
            name: "podtverzhdenie-\(try item.requireID().uuidString.prefix(8).lowercased())")
    }

    func render(_ req: Request, _ item: PlanItem, problem: String?, status: HTTPResponseStatus) async throws
        -> Response
    {
        let current = try await Self.facts(of: try item.requireID(), on: req.db)
        let page = PlanEvidencePage(
            itemID: try item.requireID(), planID: item.$plan.id, planTitle: PlanBoard.title(item.plan),
            measure: item.measure,
            current: current.map { AchievementDocumentPage.describe(name: $0.fileName, size: $0.size) },
            problem: problem)
        return req.render(page.render(await req.pageContext(active: .plans)), status: status)
    }

    func form(req: Request) async throws -> Response {
        try await render(req, try await PlanBoard.item(req, .update), problem: nil, status: .ok)
    }

    struct Upload: Content {
        var file: File?
    }

    func upload(req: Request) async throws -> Response {
        let item = try await PlanBoard.item(req, .update)
        let upload: ScanStore.Upload
        switch ScanStore.upload((try? req.content.decode(Upload.self))?.file, choose: PlanWords.Evidence.chooseFile) {
        case .success(let checked): upload = checked
        case .failure(let problem):
            return try await render(req, item, problem: problem.message, status: .unprocessableEntity)
        }
        let id = try item.requireID()
        let before = try await Self.facts(of: id, on: req.db)
        let file = PlanItemFile()
        file.id = UUID()
        file.$item.id = id
        file.fileName = upload.name
        file.kind = upload.kind.rawValue
        file.size = upload.data.count
        file.uploadedAt = Date()
        file.uploadedBy = try req.requireUser().username
        // The file first, then the row that names it; a failed write of the row takes the file away again.
        try ScanStore.place(file, upload.data, req: req)
        let replaced: [PlanItemFile]
        do {
            replaced = try await req.application.writeTransaction { db in
                let replaced = try await Self.deleteAll(of: id, on: db)
                try await file.create(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "plan_item", entityID: id, title: item.measure,
                    municipalityID: item.$municipality.id, organizationID: item.$organization.id,
                    before: [PlanWords.Evidence.field: before?.fileName ?? ""],
                    after: [PlanWords.Evidence.field: upload.name])
                return replaced
            }
        } catch {
            ScanStore.removeFile(of: file, req: req)
            throw error
        }
        for old in replaced { ScanStore.removeFile(of: old, req: req) }
        return req.redirect(to: SiteURL.planItem(id).path, flash: PlanWords.Evidence.uploaded)
    }

    /// A done item that needs evidence keeps its only one.
    static func isLastEvidence(_ item: PlanItem) -> Bool {
        item.evidenceRequired && item.itemStatus == .done && item.evidenceNote == nil && item.evidenceLink == nil
    }

    func deleteConfirm(req: Request) async throws -> Response {
        let item = try await PlanBoard.item(req, .update)
        let id = try item.requireID()
        guard let current = try await Self.facts(of: id, on: req.db) else {
            throw AppError.notFound(PlanWords.Evidence.none)
        }
        if Self.isLastEvidence(item) { throw AppError.conflict(PlanWords.Evidence.lastEvidence) }
        let page = ConfirmPage(
            title: PlanWords.Evidence.deleteTitle, question: PlanWords.Evidence.deleteQuestion(current.fileName),
            consequence: PlanWords.Evidence.deleteConsequence, action: PlanItemPage.evidencePath(id) + "/delete",
            button: PlanWords.Evidence.deleteButton, cancelURL: SiteURL.planItem(id).path,
            crumbs: [
                Crumb(PlanWords.title, SiteURL.plans.path),
                Crumb(PlanBoard.title(item.plan), SiteURL.plan(item.$plan.id).path),
            ])
        return req.render(page.render(await req.pageContext(active: .plans)))
    }

    func delete(req: Request) async throws -> Response {
        let item = try await PlanBoard.item(req, .update)
        let id = try item.requireID()
        guard let current = try await Self.facts(of: id, on: req.db) else {
            throw AppError.notFound(PlanWords.Evidence.none)
        }
        if Self.isLastEvidence(item) { throw AppError.conflict(PlanWords.Evidence.lastEvidence) }
        let removed = try await req.application.writeTransaction { db in
            let removed = try await Self.deleteAll(of: id, on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "plan_item", entityID: id, title: item.measure,
                municipalityID: item.$municipality.id, organizationID: item.$organization.id,
                before: [PlanWords.Evidence.field: current.fileName], after: [PlanWords.Evidence.field: ""])
            return removed
        }
        for old in removed { ScanStore.removeFile(of: old, req: req) }
        return req.redirect(to: SiteURL.planItem(id).path, flash: PlanWords.Evidence.deleted)
    }

    /// Inside a write: the item's files removed, returned (id and storage) so that their files go after commit.
    static func deleteAll(of itemID: UUID, on db: any Database) async throws -> [PlanItemFile] {
        let rows = try await PlanItemFile.query(on: db).filter(\.$item.$id == itemID).field(\.$id).field(\.$storage)
            .all()
        try await PlanItemFile.query(on: db).filter(\.$id ~~ rows.compactMap(\.id)).delete()
        return rows
    }
}
