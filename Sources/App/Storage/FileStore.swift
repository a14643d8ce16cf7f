import Foundation

/// Uploaded files kept in a folder (`SETKA_FILES_DIR`) instead of the database: each under a name Setka makes — the
/// record's UUID in a folder per kind — written to a temporary name and renamed, so a reader never sees half a file.
/// The user's file name is never part of the path.
struct FileStore: Sendable {
    let root: URL

    init(_ path: String) { root = URL(fileURLWithPath: path, isDirectory: true) }

    /// Creates the folder when missing and checks that Setka may write there; a Russian problem, or nil.
    static func prepare(_ path: String) -> String? {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            return "не удалось создать папку «\(path)»: \(error.localizedDescription)"
        }
        return manager.isWritableFile(atPath: path) ? nil : "в папку «\(path)» нельзя записывать"
    }

    func url(_ kind: String, _ id: UUID) -> URL {
        root.appendingPathComponent(kind, isDirectory: true).appendingPathComponent(id.uuidString.lowercased())
    }

    func write(_ data: Data, kind: String, id: UUID) throws {
        let target = url(kind, id)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
        try data.write(to: temporary)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.moveItem(at: temporary, to: target)
    }

    /// The file's bytes, or nil when it is not there.
    func read(kind: String, id: UUID) -> Data? { try? Data(contentsOf: url(kind, id)) }

    /// Removes the file if it is there.
    func remove(kind: String, id: UUID) { try? FileManager.default.removeItem(at: url(kind, id)) }
}
