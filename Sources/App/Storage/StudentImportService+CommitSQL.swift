import Domain
import Foundation

/// The statements of the import's commit (`StudentImportService.Commit`), the same on both databases.
extension StudentImportService {
    /// The batch taken out of preview, so that a second commit of it finds nothing to do.
    static let claimBatchSQL = "UPDATE student_import_batches SET state = ? WHERE id = ? AND state = ? RETURNING 1"
    static func claimBatchBinds(_ batchID: UUID) -> [DBValue] {
        [
            .text(StudentImportBatch.State.committed.rawValue), .uuid(batchID),
            .text(StudentImportBatch.State.preview.rawValue),
        ]
    }

    /// A registered child merged with its row, only if nobody changed it since it was read (its version).
    static let mergeSQL = """
        UPDATE students SET grade = ?, letter = ?, sex = ?, special_needs = ?, consent_on = ?,
          consent_by = ?, status = ?, version = ?
        WHERE id = ? AND version = ? RETURNING 1
        """
    static func mergeBinds(_ merged: Registered, into child: Registered) -> [DBValue] {
        [
            .int(merged.grade), .text(merged.letter), .text(merged.sex), .bool(merged.specialNeeds),
            .date(merged.consentOn), .text(merged.consentBy),
            .text(merged.status), .int(merged.version), .uuid(child.id), .int(child.version),
        ]
    }

    /// What the batch keeps once committed: its counts and the merged children's earlier values (for the revert).
    static let finishBatchSQL = """
        UPDATE student_import_batches SET content = NULL, created_count = ?, merged_count = ?, skipped_count = ?,
          merges = ?, committed_at = ?
        WHERE id = ?
        """
    static func finishBatchBinds(
        _ batchID: UUID, created: Int, merged: Int, skipped: Int, merges: String, now: Date
    ) -> [DBValue] {
        [.int(created), .int(merged), .int(skipped), .text(merges), .date(now), .uuid(batchID)]
    }

    /// The registry's children with these identity keys, in the commit's transaction: on PostgreSQL the keys as one
    /// array (as the preview reads them), on SQLite's writer 900-key `IN` lists.
    static func registered(_ keys: [String], municipalityID: UUID, on db: some WriteConnection) async throws
        -> [Registered]
    {
        if let fluent = db as? FluentWriteConnection {
            return try await registered(keys, municipalityID: municipalityID, on: fluent.db)
        }
        var out: [Registered] = []
        for start in stride(from: 0, to: keys.count, by: 900) {
            let chunk = padded(keys[start..<min(start + 900, keys.count)].map { DBValue.text($0) })
            try await db.each(
                registeredSelect + " IN (\(sqlPlaceholders(chunk.count)))", [.uuid(municipalityID)] + chunk
            ) { row in
                if let child = registeredChild(row) { out.append(child) }
            }
        }
        return out
    }

    /// The guardians the merged children already have (`StudentImport.guardianKey`), so that none is added twice.
    static func guardianKeys(of studentIDs: [UUID], on db: some WriteConnection) async throws -> Set<String> {
        var keys = Set<String>()
        for start in stride(from: 0, to: studentIDs.count, by: 900) {
            let chunk = padded(studentIDs[start..<min(start + 900, studentIDs.count)].map { DBValue.uuid($0) })
            try await db.each(
                "SELECT student_id, full_name FROM guardians WHERE student_id IN (\(sqlPlaceholders(chunk.count)))",
                chunk
            ) { row in
                if let id = row.uuid("student_id") { keys.insert(StudentImport.guardianKey(id, row.text("full_name"))) }
            }
        }
        return keys
    }

    /// An `IN` list lengthened to 8, 64 or 900 values by repeating its first: the SQLite writer keeps every statement it
    /// prepared, and a statement for every length of a last chunk would pile up (a repeated value changes no `IN`).
    static func padded(_ values: [DBValue]) -> [DBValue] {
        guard let first = values.first, let size = [8, 64, 900].first(where: { $0 >= values.count }) else {
            return values
        }
        return values + Array(repeating: first, count: size - values.count)
    }
}
