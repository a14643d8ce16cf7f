import Domain
import Fluent
import Vapor
import Views

/// An achievement's scan (issue 21, item 2): uploaded by whoever may edit the achievement, checked by size and by
/// content, kept in the database or — with `SETKA_FILES_DIR` — in that folder under the document's id, served as an
/// attachment under a name Setka makes, removed after confirmation — each change audited on the achievement.
struct AchievementDocumentController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let document = routes.grouped("achievements", ":id", "document")
        document.get(use: download)
        document.get("new", use: form)
        document.on(.POST, body: .collect(maxSize: ByteCount(value: DocumentScan.maxBytes + 65_536)), use: upload)
        document.get("delete", use: deleteConfirm)
        document.post("delete", use: delete)
    }

    /// The achievement, authorised for `action` (404 unknown, 403 not the user's).
    func achievement(_ req: Request, _ action: Domain.Action) async throws -> Achievement {
        guard let record = try await Achievement.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(TalentWords.achievementNoun))
        }
        try req.authorize(action, try await AchievementsSection().resource(record, on: req.db))
        return record
    }

    /// The scan's facts without its bytes.
    static func facts(of achievementID: UUID, on db: any Database) async throws -> AchievementDocument? {
        try await AchievementDocument.query(on: db).filter(\.$achievement.$id == achievementID).field(\.$id)
            .field(\.$achievement.$id).field(\.$fileName).field(\.$kind).field(\.$size).field(\.$uploadedAt)
            .field(\.$uploadedBy).field(\.$storage).first()
    }

    func download(req: Request) async throws -> Response {
        let record = try await achievement(req, .read)
        guard
            let document = try await AchievementDocument.query(on: req.db)
                .filter(\.$achievement.$id == record.requireID()).first(),
            let kind = DocumentScan(rawValue: document.kind)
        else { throw AppError.notFound(TalentWords.Document.none) }
        let name = "dostizhenie-\(try record.requireID().uuidString.prefix(8).lowercased())"
        return ScanStore.download(
            try ScanStore.bytes(document, req: req, missing: TalentWords.Document.missingFile), kind: kind, name: name)
    }

    func form(req: Request) async throws -> Response {
        let record = try await achievement(req, .update)
        return try await render(req, record, problem: nil, status: .ok)
    }

    func render(_ req: Request, _ record: Achievement, problem: String?, status: HTTPResponseStatus) async throws
        -> Response
    {
        let current = try await Self.facts(of: try record.requireID(), on: req.db)
        let page = AchievementDocumentPage(
            achievementID: try record.requireID(), title: AchievementsSection().title(record),
            current: current.map { AchievementDocumentPage.describe(name: $0.fileName, size: $0.size) },
            problem: problem)
        return req.render(page.render(await req.pageContext(active: .registry(.achievements))), status: status)
    }

    struct Upload: Content {
        var file: File?
    }

    func upload(req: Request) async throws -> Response {
        let record = try await achievement(req, .update)
        let upload: ScanStore.Upload
        switch ScanStore.upload((try? req.content.decode(Upload.self))?.file, choose: TalentWords.Document.chooseFile) {
        case .success(let checked): upload = checked
        case .failure(let problem):
            return try await render(req, record, problem: problem.message, status: .unprocessableEntity)
        }
        let id = try record.requireID()
        let user = try req.requireUser()
        let name = upload.name
        let before = try await Self.facts(of: id, on: req.db)
        let title = AchievementsSection().title(record)
        let document = AchievementDocument()
        document.id = UUID()
        document.$achievement.id = id
        document.fileName = name
        document.kind = upload.kind.rawValue
        document.size = upload.data.count
        document.uploadedAt = Date()
        document.uploadedBy = user.username
        // The file first, then the row that names it; a failed write of the row takes the file away again.
        try ScanStore.place(document, upload.data, req: req)
        let replaced: [AchievementDocument]
        do {
            replaced = try await req.application.writeTransaction { db in
                let replaced = try await Self.deleteAll(of: id, on: db)
                try await document.create(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "achievement", entityID: id, title: title,
                    municipalityID: record.$municipality.id, organizationID: record.$school.id,
                    before: [TalentWords.Document.field: before.map { $0.fileName } ?? ""],
                    after: [TalentWords.Document.field: name])
                return replaced
            }
        } catch {
            ScanStore.removeFile(of: document, req: req)
            throw error
        }
        for old in replaced { ScanStore.removeFile(of: old, req: req) }
        return req.redirect(to: SiteURL.record(.achievements, id).path, flash: TalentWords.Document.uploaded)
    }

    func deleteConfirm(req: Request) async throws -> Response {
        let record = try await achievement(req, .update)
        let id = try record.requireID()
        guard let current = try await Self.facts(of: id, on: req.db) else {
            throw AppError.notFound(TalentWords.Document.none)
        }
        let page = ConfirmPage(
            title: TalentWords.Document.deleteTitle, question: TalentWords.Document.deleteQuestion(current.fileName),
            consequence: TalentWords.Document.deleteConsequence,
            action: AchievementDocumentPage.path(id) + "/delete", button: TalentWords.Document.deleteButton,
            cancelURL: SiteURL.record(.achievements, id).path,
            crumbs: [Crumb(MenuArea.registry(.achievements).title, SiteURL.list(.achievements).path)])
        return req.render(page.render(await req.pageContext(active: .registry(.achievements))))
    }

    func delete(req: Request) async throws -> Response {
        let record = try await achievement(req, .update)
        let id = try record.requireID()
        guard let current = try await Self.facts(of: id, on: req.db) else {
            throw AppError.notFound(TalentWords.Document.none)
        }
        let title = AchievementsSection().title(record)
        let removed = try await req.application.writeTransaction { db in
            let removed = try await Self.deleteAll(of: id, on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "achievement", entityID: id, title: title,
                municipalityID: record.$municipality.id, organizationID: record.$school.id,
                before: [TalentWords.Document.field: current.fileName], after: [TalentWords.Document.field: ""])
            return removed
        }
        for old in removed { ScanStore.removeFile(of: old, req: req) }
        return req.redirect(to: SiteURL.record(.achievements, id).path, flash: TalentWords.Document.deleted)
    }

    /// Inside a write: the achievement's scans removed, returned (id and storage) so that their files go after commit —
    /// exactly the rows this write removed, whatever another upload did meanwhile.
    static func deleteAll(of achievementID: UUID, on db: any Database) async throws -> [AchievementDocument] {
        let rows = try await AchievementDocument.query(on: db).filter(\.$achievement.$id == achievementID)
            .field(\.$id).field(\.$storage).all()
        try await AchievementDocument.query(on: db).filter(\.$id ~~ rows.compactMap(\.id)).delete()
        return rows
    }
}
