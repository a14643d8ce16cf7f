import Domain
import Fluent
import Foundation
import Vapor

/// An uploaded scan kept as a row (`AchievementDocument`, `PlanItemFile`): its bytes in the row, or — with
/// `SETKA_FILES_DIR` — in that folder under the row's id, the row then holding none.
protocol StoredScan: Model, Sendable where IDValue == UUID {
    var content: Data { get set }
    var storage: String { get set }
    /// The files' folder's subfolder for this kind of scan.
    static var folderKind: String { get }
}

/// Where a scan's bytes go and come from: the one place both uploads read and write them.
enum ScanStore {
    static let inDatabase = "database"
    static let inFolder = "folder"

    /// Before the row is written: the bytes to the folder when one is set (the row then keeps none), else in the row.
    static func place<S: StoredScan>(_ scan: S, _ data: Data, req: Request) throws {
        guard let directory = req.application.setkaConfig.filesDirectory else {
            scan.content = data
            scan.storage = inDatabase
            return
        }
        try FileStore(directory).write(data, kind: S.folderKind, id: try scan.requireID())
        scan.content = Data()
        scan.storage = inFolder
    }

    /// The scan's bytes: a scan kept in the folder is read from there whatever the folder is now set to be; a missing
    /// file (the folder moved or lost) is reported as `missing`, never served empty.
    static func bytes<S: StoredScan>(_ scan: S, req: Request, missing: String) throws -> Data {
        guard scan.storage == inFolder else { return scan.content }
        guard let directory = req.application.setkaConfig.filesDirectory,
            let bytes = FileStore(directory).read(kind: S.folderKind, id: try scan.requireID())
        else { throw AppError.notFound(missing) }
        return bytes
    }

    /// After the row is gone (or its write failed): the file of a scan kept in the folder.
    static func removeFile<S: StoredScan>(of scan: S, req: Request) {
        guard scan.storage == inFolder, let id = scan.id, let directory = req.application.setkaConfig.filesDirectory
        else { return }
        FileStore(directory).remove(kind: S.folderKind, id: id)
    }

    /// An upload's bytes, checked by size and by content, with their kind and the name shown.
    struct Upload {
        var data: Data
        var kind: DocumentScan
        var name: String
    }

    /// The upload, or the problem with it in Russian (`choose` when no file was sent).
    static func upload(_ file: File?, choose: String) -> Result<Upload, UploadProblem> {
        guard let file, !file.filename.isEmpty else { return .failure(UploadProblem(message: choose)) }
        let data = Data(buffer: file.data)
        if let problem = DocumentScan.problem(data) { return .failure(UploadProblem(message: problem)) }
        guard let kind = DocumentScan.kind(of: data) else { return .failure(UploadProblem(message: choose)) }
        return .success(Upload(data: data, kind: kind, name: DocumentScan.displayName(file.filename)))
    }

    struct UploadProblem: Error {
        var message: String
    }

    /// A scan served as an attachment under a name Setka makes.
    static func download(_ data: Data, kind: DocumentScan, name: String) -> Response {
        let parts = kind.contentType.split(separator: "/")
        return Response.download(
            data, name: "\(name).\(kind.fileExtension)",
            type: HTTPMediaType(type: String(parts[0]), subType: String(parts[1])))
    }
}
