import Domain
import Fluent
import Foundation

/// The scan of an achievement's supporting document (issue 21, item 2).
final class AchievementDocument: Model, StoredScan, @unchecked Sendable {
    static let schema = "achievement_documents"
    @ID(key: .id) var id: UUID?
    @Parent(key: "achievement_id") var achievement: Achievement
    /// The name it was uploaded under, cleaned (`DocumentScan.displayName`): shown, never used to serve it.
    @Field(key: "file_name") var fileName: String
    /// `DocumentScan`, read from the content.
    @Field(key: "kind") var kind: String
    @Field(key: "size") var size: Int
    /// The bytes when `storage` is `database`; empty when they are in the files' folder.
    @Field(key: "content") var content: Data
    /// `database` or `folder` (`SETKA_FILES_DIR`).
    @Field(key: "storage") var storage: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    @Field(key: "uploaded_by") var uploadedBy: String

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _achievement, _fileName, _kind, _size, _content, _storage, _uploadedAt, _uploadedBy]
    }

    static let inDatabase = ScanStore.inDatabase
    static let inFolder = ScanStore.inFolder
    /// The files' folder's subfolder of scans.
    static let folderKind = "achievement-documents"
}
