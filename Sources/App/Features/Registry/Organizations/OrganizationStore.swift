import Domain
import Fluent
import SQLKit
import Vapor

/// Writes of organisations: create, update with a version check, archive and restore, each audited.
enum OrganizationStore {
    static func create(_ input: OrganizationInput, municipalityID: UUID, on db: any Database, req: Request?)
        async throws -> Organization
    {
        let org = Organization()
        org.$municipality.id = municipalityID
        org.apply(input)
        org.status = RecordStatus.active.rawValue
        org.version = 1
        try await org.create(on: db)
        try await Audit.record(
            on: db, req: req, action: .create, entityType: "organization", entityID: org.id,
            title: org.shortName, municipalityID: municipalityID, organizationID: org.id,
            before: nil, after: org.auditFields)
        return org
    }

    /// Saves only if nobody saved since `expectedVersion` was read; otherwise nil (the caller shows the current
    /// values).
    static func update(
        _ org: Organization, with input: OrganizationInput, expectedVersion: Int, on db: any Database, req: Request
    ) async throws -> Bool {
        guard (0..<Int(Int32.max)).contains(expectedVersion) else { return false }
        let before = org.auditFields
        org.apply(input)
        return try await db.transaction { tx in
            // Conditional update: the version check and the write are one statement, so two saves cannot both win.
            let rows = try await tx.sql().update("organizations")
                .set("kind", to: org.kind).set("full_name", to: org.fullName).set("short_name", to: org.shortName)
                .set("address", to: org.address).set("phone", to: org.phone).set("email", to: org.email)
                .set("website", to: org.website).set("head_name", to: org.headName)
                .set("search_key", to: org.searchKey).set("sort_key", to: org.sortKey)
                .set("version", to: expectedVersion + 1).set("updated_at", to: Date())
                .where("id", .equal, org.id).where("version", .equal, expectedVersion)
                .returning("id").all()
            guard !rows.isEmpty else { return false }
            try await Audit.record(
                on: tx, req: req, action: .update, entityType: "organization", entityID: org.id,
                title: org.shortName, municipalityID: org.$municipality.id, organizationID: org.id,
                before: before, after: org.auditFields)
            return true
        }
    }

    static func setStatus(_ org: Organization, _ status: RecordStatus, on db: any Database, req: Request) async throws {
        let before = org.auditFields
        let expected = org.version
        org.status = status.rawValue
        org.version = expected + 1
        try await db.transaction { tx in
            guard
                try await RegistrySupport.claimVersion(
                    table: Organization.schema, id: org.requireID(), expected: expected, on: tx)
            else {
                throw AppError.conflict(RegistrySupport.conflictMessage)
            }
            try await org.save(on: tx)
            try await Audit.record(
                on: tx, req: req, action: status == .archived ? .archive : .restore, entityType: "organization",
                entityID: org.id, title: org.shortName, municipalityID: org.$municipality.id,
                organizationID: org.id, before: before, after: org.auditFields)
        }
    }
}
