import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// A group's create and edit handlers (the form, its checks and writes are in `+Edit`).
extension GroupsController {
    func create(req: Request) async throws -> Response {
        try req.authorize(.create, .group(try RegistrySupport.creatableOrganization(req) { .group($0) }))
        let form = RegistrySupport.form(req)
        let group = StudyGroup()
        group.enrolledCount = 0
        group.waitlistSeq = 0
        group.status = RecordStatus.active.rawValue
        group.version = 1
        var errors = FieldErrors()
        guard try await apply(form, to: group, isNew: true, req: req, errors: &errors) else {
            let page = try await formPage(req, group: nil, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let fields = try await Self.auditFields(group, on: req.db)
        try await req.db.transaction { db in
            try await group.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "group", entityID: group.id, title: group.name,
                municipalityID: req.currentUser?.municipalityIDs.first, organizationID: group.$organization.id,
                before: nil,
                after: fields)
        }
        return req.redirect(
            to: SiteURL.record(area, try group.requireID()).path, flash: EnrollmentWords.Groups.opened(group.name))
    }

    func editForm(req: Request) async throws -> Response {
        let (group, _) = try await find(req, .update)
        let zone = try await RegistrySupport.zone(req)
        let values = FormValues(single: [
            "program": group.$program.id.uuidString.lowercased(), "name": group.name,
            "capacity": String(group.capacity),
            "plannedHours": String(group.plannedHours),
            "teacher": group.$teacher.id?.uuidString.lowercased() ?? "",
            "room": group.$room.id?.uuidString.lowercased() ?? "",
            "startsOn": RegistrySupport.date(group.startsOn, zone), "endsOn": RegistrySupport.date(group.endsOn, zone),
            "open": group.isOpen ? "yes" : "",
        ])
        let page = try await formPage(req, group: group, values: values)
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func update(req: Request) async throws -> Response {
        let (group, center) = try await find(req, .update)
        let form = RegistrySupport.form(req)
        let expected = Int(form["version"] ?? "") ?? -1
        let before = try await Self.auditFields(group, on: req.db)
        var errors = FieldErrors()
        guard try await apply(form, to: group, isNew: false, req: req, errors: &errors) else {
            let page = try await formPage(req, group: group, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let after = try await Self.auditFields(group, on: req.db)
        let capacity = group.capacity
        let zone = try await RegistrySupport.zone(req)
        let today = CivilDay(Date(), timeZone: zone)
        let first = group.startsOn.map { CivilDay($0, timeZone: zone) }
        let last = group.endsOn.map { CivilDay($0, timeZone: zone) }
        let outcome: String?
        do {
            outcome = try await req.application.writeTransaction { db -> String? in
                guard
                    try await RegistrySupport.claimVersion(
                        table: StudyGroup.schema, id: group.requireID(), expected: expected, on: db)
                else {
                    return RegistrySupport.conflictMessage
                }
                // Capacity never below the number enrolled, even if someone was enrolled a moment ago.
                let ok = try await db.sql().update(StudyGroup.schema).set("capacity", to: capacity)
                    .where("id", .equal, group.requireID()).where("enrolled_count", .lessThanOrEqual, capacity)
                    .returning(
                        "id"
                    ).all()
                guard !ok.isEmpty else {
                    throw AppError.conflict(EnrollmentWords.Groups.capacityBelowEnrolled(capacity))
                }
                guard let current = try await StudyGroup.find(group.requireID(), on: db) else {
                    throw AppError.notFound()
                }
                // The timetable follows the group: no lessons outside its dates, and the new teacher takes the future
                // lessons.
                if let problem = try await TimetableService.outsideDates(
                    groupID: try current.requireID(), first: first, last: last, on: db)
                {
                    var fieldErrors = FieldErrors()
                    fieldErrors.add(first != nil ? "startsOn" : "endsOn", problem)
                    throw AppError.validation(ValidationFailure(fields: fieldErrors))
                }
                let facts = try TimetableService.facts(current, center: center, zone: zone)
                _ = try await TimetableService.reassign(
                    group: facts, from: current.$teacher.id, to: group.$teacher.id, today: today,
                    reveal: { _, _ in true }, on: db)
                current.name = group.name
                current.plannedHours = group.plannedHours
                current.$teacher.id = group.$teacher.id
                current.$room.id = group.$room.id
                current.startsOn = group.startsOn
                current.endsOn = group.endsOn
                current.isOpen = group.isOpen
                current.$program.id = group.$program.id
                try await current.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "group", entityID: current.id, title: current.name,
                    municipalityID: req.currentUser?.municipalityIDs.first, organizationID: current.$organization.id,
                    before: before, after: after)
                return nil
            }
        } catch let error as AppError where error.code == "validation" {
            var errors = FieldErrors()
            for (field, message) in error.fields { errors.add(field, message) }
            let page = try await formPage(req, group: group, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        } catch let refusal as TimetableRefusal {
            let page = try await formPage(
                req, group: group, values: form, errors: FieldErrors(),
                conflict: EnrollmentWords.Groups.teacherBusy(refusal.clashes))
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        if let conflict = outcome {
            let (current, _) = try await find(req, .update)
            let page = try await formPage(req, group: current, values: form, errors: FieldErrors(), conflict: conflict)
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(to: SiteURL.record(area, try group.requireID()).path, flash: EnrollmentWords.Groups.saved)
    }
}
