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
        let name = "dostizhenie-\(try record.requireID().uuidString.prefix(8).lowercased()).\(kind.fileExtension)"
        let type = HTTPMediaType(
            type: String(kind.contentType.split(separator: "/")[0]),
            subType: String(kind.contentType.split(separator: "/")[1]))
        var content = document.content
        if document.storage == AchievementDocument.inFolder {
            // A scan kept in the folder is read from there whatever the folder is now set to be: a missing file (the
            // folder moved or lost) is reported, never served empty.
            guard let directory = req.application.setkaConfig.filesDirectory,
                let bytes = FileStore(directory).read(
                    kind: AchievementDocument.folderKind, id: try document.requireID())
            else { throw AppError.notFound(TalentWords.Document.missingFile) }
            content = bytes
        }
        return Response.download(content, name: name, type: type)
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
        guard let file = (try? req.content.decode(Upload.self))?.file, !file.filename.isEmpty else {
            return try await render(req, record, problem: TalentWords.Document.chooseFile, status: .unprocessableEntity)
        }
        let data = Data(buffer: file.data)
        if let problem = DocumentScan.problem(data) {
            return try await render(req, record, problem: problem, status: .unprocessableEntity)
        }
        let kind = DocumentScan.kind(of: data)!
        let id = try record.requireID()
        let user = try req.requireUser()
        let name = DocumentScan.displayName(file.filename)
        let before = try await Self.facts(of: id, on: req.db)
        let title = AchievementsSection().title(record)
        let document = AchievementDocument()
        document.id = UUID()
        document.$achievement.id = id
        document.fileName = name
        document.kind = kind.rawValue
        document.size = data.count
        document.content = data
        document.storage = AchievementDocument.inDatabase
        document.uploadedAt = Date()
        document.uploadedBy = user.username
        let store = req.application.setkaConfig.filesDirectory.map(FileStore.init)
        if let store {
            // The file first, then the row that names it; a failed write of the row takes the file away again.
            try store.write(data, kind: AchievementDocument.folderKind, id: try document.requireID())
            document.content = Data()
            document.storage = AchievementDocument.inFolder
        }
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
            store?.remove(kind: AchievementDocument.folderKind, id: try document.requireID())
            throw error
        }
        for old in replaced { Self.removeFile(of: old, req: req) }
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
        for old in removed { Self.removeFile(of: old, req: req) }
        return req.redirect(to: SiteURL.record(.achievements, id).path, flash: TalentWords.Document.deleted)
    }

    /// After the row is gone: the file of a scan kept in the folder.
    static func removeFile(of document: AchievementDocument, req: Request) {
        guard document.storage == AchievementDocument.inFolder, let id = document.id,
            let directory = req.application.setkaConfig.filesDirectory
        else { return }
        FileStore(directory).remove(kind: AchievementDocument.folderKind, id: id)
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
