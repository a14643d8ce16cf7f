import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// Who teaches what: outside trainers and the teachers a programme names.
extension World {
    /// An outside trainer «<surname> Тест Тестович» working at `organizationID` (a partner's organisation).
    func outsideTrainer(_ surname: String, at organizationID: UUID) async throws -> StaffMember {
        let trainer = try await staff(surname, at: [organizationID])
        trainer.isOutsideTrainer = true
        trainer.position = "педагог-тренер"
        try await trainer.save(on: app.db)
        return trainer
    }

    /// Names `teacher` among the teachers of `program` (as the programme form does).
    func attach(_ teacher: StaffMember, to program: UUID) async throws {
        let link = ProgramTeacher()
        link.$program.id = program
        link.$staff.id = try teacher.requireID()
        try await link.create(on: app.db)
    }
}
