import Fluent
import Foundation

/// One uploaded file of students: kept from the preview to the commit (the file itself, re-checked on commit),
/// and after it, so that the import can be undone.
final class StudentImportBatch: Model, @unchecked Sendable {
    static let schema = "student_import_batches"
    enum State: String { case preview, committed, reverted }

    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: Organization
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: String
    /// The uploaded file; dropped once the batch is committed or abandoned.
    @OptionalField(key: "content") var content: Data?
    @Field(key: "state") var state: String
    @Field(key: "row_count") var rowCount: Int
    @Field(key: "created_count") var createdCount: Int
    @Field(key: "merged_count") var mergedCount: Int
    @Field(key: "skipped_count") var skippedCount: Int
    /// JSON: for every merged record, its values before the merge (to undo it).
    @OptionalField(key: "merges") var merges: String?
    @OptionalField(key: "committed_at") var committedAt: Date?
    @OptionalField(key: "reverted_at") var revertedAt: Date?
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _school, _createdBy, _createdByName, _createdAt, _fileName, _format, _content, _state,
            _rowCount, _createdCount, _mergedCount, _skippedCount, _merges, _committedAt, _revertedAt,
        ]
    }
}
