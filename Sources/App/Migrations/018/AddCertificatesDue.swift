import Fluent
import SQLKit

/// Each group's count of students waiting for a certificate (issue 20: computed on every view of the groups list and
/// the start pages, it summed the attendance of every finished group's students at each request), kept from now on by
/// the writes that change it (`CertificateService.refreshDue`), and counted here once for the groups there are.
struct AddCertificatesDue: AsyncMigration {
    var name: String { "018_AddCertificatesDue" }

    func prepare(on db: any Database) async throws {
        try await db.schema("study_groups").field("certificates_due", .int).update()
        try await CertificateService.refreshAllDue(on: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("study_groups").deleteField("certificates_due").update()
    }
}
