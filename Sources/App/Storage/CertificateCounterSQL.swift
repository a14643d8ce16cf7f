import Fluent
import Foundation
import SQLKit

/// The municipality's counter of certificate numbers for a year (`CertificateCounter`): created on first use, locked
/// by the issue before it looks at who is eligible, then raised by the number of certificates issued — all in the
/// issue's write transaction, so two issues never share a number.
enum CertificateCounterSQL {
    static let createSQL = """
        INSERT INTO certificate_counters (id, municipality_id, year, last_sequence) VALUES (?, ?, ?, 0)
          ON CONFLICT (municipality_id, year) DO NOTHING
        """
    static let lockSQL = """
        UPDATE certificate_counters SET last_sequence = last_sequence WHERE municipality_id = ? AND year = ?
          RETURNING last_sequence
        """
    static let raiseSQL = """
        UPDATE certificate_counters SET last_sequence = last_sequence + ? WHERE municipality_id = ? AND year = ?
          RETURNING last_sequence
        """

    /// Creates the year's counter if need be and holds its row until the transaction ends.
    static func lock(municipalityID: UUID, year: Int, on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.run(createSQL, [.uuid(UUID()), .uuid(municipalityID), .int(year)])
        _ = try await sql.int(lockSQL, [.uuid(municipalityID), .int(year)])
    }

    /// Raises the counter by `count` and answers with its new value (the last number handed out), nil without a counter.
    static func raise(by count: Int, municipalityID: UUID, year: Int, on db: any Database) async throws -> Int? {
        try await db.sql().int(raiseSQL, [.int(count), .uuid(municipalityID), .int(year)])
    }
}
