import Domain
import Fluent
import Vapor
import Views

/// `PUT /api/v1/groups/{id}/teacher` with `{"teacherId", "version"}`: the group's teacher, asked `GroupTeachers` as the
/// form is; the future lessons the old teacher was to give pass to the new one (refused whole if they are busy then).
/// `teacherId` null leaves the group without a teacher; `version`, when given, must be the group's.
extension GroupAPIController {
    struct TeacherInput: Content {
        var teacherId: UUID?
        var version: Int?
    }

    func setTeacher(req: Request) async throws -> GroupDTO {
        let (group, center) = try await find(req)
        try req.authorize(.update, .group(center.ref))
        let input = try req.content.decode(TeacherInput.self)
        let groupID = try group.requireID()
        if let teacherID = input.teacherId, teacherID != group.$teacher.id,
            let refusal = try await GroupTeachers.refusal(
                teacherID, at: GroupTeachers.Place(programID: group.$program.id, centerID: try center.requireID()),
                municipalityID: center.$municipality.id, on: req.db)
        {
            var errors = FieldErrors()
            errors.add("teacherId", refusal.reason)
            throw AppError.validation(ValidationFailure(fields: errors))
        }
        let zone = try await MunicipalClock.zone(center.$municipality.id, on: req.db)
        let today = CivilDay(Date(), timeZone: zone)
        let expected = input.version ?? group.version
        let before = try await GroupsController.auditFields(group, on: req.db)
        do {
            try await req.application.writeTransaction { db in
                guard
                    try await RegistrySupport.claimVersion(
                        table: StudyGroup.schema, id: groupID, expected: expected, on: db),
                    let current = try await StudyGroup.find(groupID, on: db)
                else { throw AppError.conflict(RegistrySupport.conflictMessage) }
                _ = try await TimetableService.reassign(
                    group: try TimetableService.facts(current, center: center, zone: zone),
                    from: current.$teacher.id, to: input.teacherId, today: today, reveal: { _, _ in true }, on: db)
                current.$teacher.id = input.teacherId
                try await current.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "group", entityID: groupID, title: current.name,
                    municipalityID: center.$municipality.id, organizationID: center.id, before: before,
                    after: try await GroupsController.auditFields(current, on: db))
            }
        } catch let refusal as TimetableRefusal {
            throw AppError.conflict(EnrollmentWords.Groups.teacherBusy(refusal.clashes))
        }
        guard let saved = try await StudyGroup.find(groupID, on: req.db) else {
            throw AppError.notFound(EnrollmentWords.Groups.notFound)
        }
        return try Self.dto(
            saved, waiting: try await GroupRowsSQL.waiting(groups: [groupID], on: req.db)[groupID] ?? 0)
    }
}
