import Fluent
import Foundation
import SQLKit
import Views

/// Hands out students' registry numbers: the municipality's counter is raised by the number of new students in the
/// caller's write transaction, so two registrations never get the same number (the unique index
/// `students_registry_number` stands behind it), and a number once given is never given again.
enum StudentRegistryNumbers {
    static let claimSQL =
        "UPDATE municipalities SET last_student_number = last_student_number + ? WHERE id = ? "
        + "RETURNING last_student_number"

    /// The first of `count` new numbers of the municipality, through Fluent's connection (PostgreSQL, or SQLite's pool).
    static func claim(_ count: Int, municipalityID: UUID, on db: any Database) async throws -> Int {
        try await claim(count, municipalityID: municipalityID, on: FluentWriteConnection(db: db))
    }

    /// The same on a write connection (the import's commit).
    static func claim(_ count: Int, municipalityID: UUID, on db: some WriteConnection) async throws -> Int {
        guard let last = try await db.int(claimSQL, [.int(count), .uuid(municipalityID)]) else {
            throw AppError.notFound(StudentsWords.municipalityNotFound)
        }
        return last - count + 1
    }
}

/// Gives a student created through Fluent (the registry form, the demo, fixtures) the next registry number of the
/// municipality, on the same connection and transaction as the insert; the import's bulk paths claim theirs in one
/// step (`StudentImportService`).
struct StudentRegistryNumberMiddleware: AsyncModelMiddleware {
    func create(model: Student, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        if model.registryNumber == nil {
            model.registryNumber = try await StudentRegistryNumbers.claim(
                1, municipalityID: model.$municipality.id, on: db)
        }
        try await next.create(model, on: db)
    }
}
