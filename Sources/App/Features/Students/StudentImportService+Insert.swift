import Domain
import Fluent
import Vapor

/// Writing an import's rows, many rows at a time, converted without `Encodable` (issue 3's benchmark): by COPY on
/// PostgreSQL, multi-row INSERTs on the SQLite writer's own connection (`WriteConnection.insert`).
extension StudentImportService {
    static let studentColumns = [
        "id", "municipality_id", "school_id", "surname", "given_name", "patronymic", "birth_date", "grade", "letter",
        "sex",
        "special_needs", "consent_on", "consent_by", "identity_key", "search_key", "sort_key", "status", "version",
        "import_batch_id", "registry_number",
    ]
    static let guardianColumns = [
        "id", "municipality_id", "student_id", "full_name", "relation", "phone", "email", "import_batch_id", "status",
        "version", "created_at",
    ]

    /// Where the rows go: the batch's municipality, school and id, and the first registry number of the new children
    /// (`StudentRegistryNumbers`: the n-th new row gets `firstNumber + n`).
    struct Target: Sendable {
        var municipalityID: UUID
        var schoolID: UUID
        var batchID: UUID
        var firstNumber = 0
        init(_ batch: StudentImportBatch) throws {
            municipalityID = batch.$municipality.id
            schoolID = batch.$school.id
            batchID = try batch.requireID()
        }
    }

    static func studentValues(_ id: UUID, _ row: StudentImport.Row, _ target: Target, index: Int) -> [DBValue] {
        [
            .uuid(id), .uuid(target.municipalityID), .uuid(target.schoolID), .text(row.surname), .text(row.givenName),
            .text(row.patronymic), .date(row.birthDate),
            .int(row.grade), .text(row.letter), .text(row.sex), .bool(row.specialNeeds), .date(row.consentOn),
            .text(row.consentBy),
            .text(row.identityKey),
            .text(row.searchKey),
            .text(TextKey.sort([row.surname, row.givenName, row.patronymic ?? ""].joined(separator: " "))),
            .text(RecordStatus.active.rawValue), .int(1), .uuid(target.batchID), .int(target.firstNumber + index),
        ]
    }

    static func guardianValues(_ studentID: UUID, _ row: StudentImport.Row, _ target: Target, now: Date) -> [DBValue] {
        [
            .uuid(UUID()), .uuid(target.municipalityID), .uuid(studentID), .text(row.guardianName),
            .text(row.guardianRelation),
            .text(row.guardianPhone),
            .text(row.guardianEmail), .uuid(target.batchID), .text(RecordStatus.active.rawValue), .int(1), .date(now),
        ]
    }

    /// The new children, with registry numbers claimed in the commit's transaction.
    static func insertStudents(_ rows: [(UUID, StudentImport.Row)], target: Target, on db: some WriteConnection)
        async throws
    {
        guard !rows.isEmpty else { return }
        var withNumbers = target
        withNumbers.firstNumber = try await StudentRegistryNumbers.claim(
            rows.count, municipalityID: withNumbers.municipalityID, on: db)
        let numbered = withNumbers
        try await db.insert(into: Student.schema, columns: studentColumns, count: rows.count) {
            studentValues(rows[$0].0, rows[$0].1, numbered, index: $0)
        }
    }

    static func insertGuardians(
        _ rows: [(UUID, StudentImport.Row)], target: Target, now: Date, on db: some WriteConnection
    ) async throws {
        guard !rows.isEmpty else { return }
        try await db.insert(into: Guardian.schema, columns: guardianColumns, count: rows.count) {
            guardianValues(rows[$0].0, rows[$0].1, target, now: now)
        }
    }
}
