import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Undoing a committed import (issue 3, «merges are audited and reversible»).
extension StudentImportService {
    /// Undoes a committed import: removes the children it added and restores the merged ones, unless any of them
    /// has been enrolled, linked to a guardian's account or changed since (then nothing is undone and they are named).
    static func revert(batchID: UUID, req: Request) async throws {
        _ = try req.requireUser()
        try await req.application.writeTransaction { db in
            let sql = try db.sql()
            let claimed = try await sql.update(StudentImportBatch.schema).set(
                "state", to: StudentImportBatch.State.reverted.rawValue
            )
            .set("reverted_at", to: Date())
            .where("id", .equal, batchID).where("state", .equal, StudentImportBatch.State.committed.rawValue).returning(
                "id"
            ).all()
            guard !claimed.isEmpty, let batch = try await StudentImportBatch.find(batchID, on: db) else {
                throw AppError.conflict(StudentImportWords.Service.revertOnce)
            }
            let created = try await Student.query(on: db).filter(\.$importBatchID == batchID).all()
            let createdIDs = created.compactMap(\.id)
            var blocked: [String] = []
            for start in stride(from: 0, to: createdIDs.count, by: 900) {
                let chunk = Array(createdIDs[start..<min(start + 900, createdIDs.count)])
                // Anything that refers to a child of the import since it was made keeps the import from being undone.
                var used = Set(
                    try await Enrollment.query(on: db).filter(\.$student.$id ~~ chunk).all().map { $0.$student.id })
                used.formUnion(
                    try await EnrollmentListItem.query(on: db).filter(\.$student.$id ~~ chunk).all().map {
                        $0.$student.id
                    })
                used.formUnion(
                    try await CourseApplication.query(on: db).filter(\.$student.$id ~~ chunk).all().map {
                        $0.$student.id
                    })
                used.formUnion(
                    try await Guardian.query(on: db).filter(\.$student.$id ~~ chunk).all()
                        .filter { $0.$user.id != nil || $0.importBatchID != batchID }.map { $0.$student.id })
                used.formUnion(
                    try await Student.query(on: db).filter(\.$id ~~ chunk).filter(\.$user.$id != nil).all().compactMap(
                        \.id))
                // The talent registry's records of a child (issue 21) keep the import too.
                used.formUnion(try await Achievement.query(on: db).filter(\.$student.$id ~~ chunk).all(\.$student.$id))
                used.formUnion(
                    try await OlympiadParticipant.query(on: db).filter(\.$student.$id ~~ chunk).all(\.$student.$id))
                used.formUnion(
                    try await GiftedDecision.query(on: db).filter(\.$student.$id ~~ chunk).all(\.$student.$id))
                used.formUnion(
                    try await SupportMeasure.query(on: db).filter(\.$student.$id ~~ chunk).all(\.$student.$id))
                used.formUnion(
                    try await IndividualRoute.query(on: db).filter(\.$student.$id ~~ chunk).all(\.$student.$id))
                blocked += try created.filter {
                    try chunk.contains($0.requireID()) && ($0.version != 1 || used.contains($0.requireID()))
                }.map(
                    \.fullName)
            }
            // A guardian the import added to an existing child, who has since signed up, is not removed either.
            let linkedGuardians = try await Guardian.query(on: db).filter(\.$importBatchID == batchID).filter(
                \.$user.$id != nil
            ).with(\.$student).all()
            blocked += linkedGuardians.map {
                StudentImportWords.Service.guardianSignedUp(student: $0.student.fullName, guardian: $0.fullName)
            }
            let guardiansRemoved = try await Guardian.query(on: db).filter(\.$importBatchID == batchID).count()
            let merges = Snapshot.all(batch)
            for merge in merges {
                guard let student = try await Student.find(merge.id, on: db) else { continue }
                if student.version != merge.version { blocked.append(student.fullName) }
            }
            guard blocked.isEmpty else {
                throw AppError.conflict(StudentImportWords.Service.revertBlocked(blocked))
            }
            try await sql.delete(from: Guardian.schema).where("import_batch_id", .equal, batchID).run()
            try await sql.delete(from: Student.schema).where("import_batch_id", .equal, batchID).run()
            for merge in merges {
                try await sql.update(Student.schema)
                    .set("grade", to: merge.grade).set("letter", to: merge.letter).set("sex", to: merge.sex).set(
                        "special_needs", to: merge.specialNeeds
                    )
                    .set("consent_on", to: merge.consentOn).set("consent_by", to: merge.consentBy).set(
                        "status", to: merge.status
                    )
                    .set("version", to: merge.version + 1)
                    .where("id", .equal, merge.id).run()
            }
            try await Audit.record(
                on: db, req: req, action: .revert,
                entityType: "student_import", entityID: batchID,
                title: StudentImportWords.Service.auditTitle(batch.fileName),
                municipalityID: batch.$municipality.id, organizationID: batch.$school.id,
                after: StudentImportWords.Service.reverted(
                    created: created.count, merged: merges.count, guardians: guardiansRemoved))
        }
    }
}
