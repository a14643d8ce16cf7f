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
        let g = StudyGroup()
        g.enrolledCount = 0
        g.waitlistSeq = 0
        g.status = RecordStatus.active.rawValue
        g.version = 1
        var errors = FieldErrors()
        guard try await apply(form, to: g, isNew: true, req: req, errors: &errors) else {
            let page = try await formPage(req, group: nil, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let fields = auditFields(g)
        try await req.db.transaction { db in
            try await g.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "group", entityID: g.id, title: g.name,
                municipalityID: req.currentUser?.municipalityIDs.first, organizationID: g.$organization.id, before: nil,
                after: fields)
        }
        return req.redirect(
            to: SiteURL.record(area, try g.requireID()).path, flash: EnrollmentWords.Groups.opened(g.name))
    }

    func editForm(req: Request) async throws -> Response {
        let (g, _) = try await find(req, .update)
        let zone = try await RegistrySupport.zone(req)
        let values = FormValues(single: [
            "program": g.$program.id.uuidString.lowercased(), "name": g.name, "capacity": String(g.capacity),
            "plannedHours": String(g.plannedHours),
            "teacher": g.$teacher.id?.uuidString.lowercased() ?? "", "room": g.$room.id?.uuidString.lowercased() ?? "",
            "startsOn": RegistrySupport.date(g.startsOn, zone), "endsOn": RegistrySupport.date(g.endsOn, zone),
            "open": g.isOpen ? "yes" : "",
        ])
        let page = try await formPage(req, group: g, values: values)
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func update(req: Request) async throws -> Response {
        let (g, center) = try await find(req, .update)
        let form = RegistrySupport.form(req)
        let expected = Int(form["version"] ?? "") ?? -1
        let before = auditFields(g)
        var errors = FieldErrors()
        guard try await apply(form, to: g, isNew: false, req: req, errors: &errors) else {
            let page = try await formPage(req, group: g, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let after = auditFields(g)
        let capacity = g.capacity
        let zone = try await RegistrySupport.zone(req)
        let today = CivilDay(Date(), timeZone: zone)
        let first = g.startsOn.map { CivilDay($0, timeZone: zone) }
        let last = g.endsOn.map { CivilDay($0, timeZone: zone) }
        let outcome: String?
        do {
            outcome = try await req.application.writeTransaction { db -> String? in
                guard
                    try await RegistrySupport.claimVersion(
                        table: StudyGroup.schema, id: g.requireID(), expected: expected, on: db)
                else {
                    return RegistrySupport.conflictMessage
                }
                // Capacity never below the number enrolled, even if someone was enrolled a moment ago.
                let ok = try await db.sql().update(StudyGroup.schema).set("capacity", to: capacity)
                    .where("id", .equal, g.requireID()).where("enrolled_count", .lessThanOrEqual, capacity).returning(
                        "id"
                    ).all()
                guard !ok.isEmpty else {
                    throw AppError.conflict(EnrollmentWords.Groups.capacityBelowEnrolled(capacity))
                }
                guard let current = try await StudyGroup.find(g.requireID(), on: db) else { throw AppError.notFound() }
                // The timetable follows the group: no lessons outside its dates, and the new teacher takes the future
                // lessons.
                if let problem = try await TimetableService.outsideDates(
                    groupID: try current.requireID(), first: first, last: last, on: db)
                {
                    var e = FieldErrors()
                    e.add(first != nil ? "startsOn" : "endsOn", problem)
                    throw AppError.validation(ValidationFailure(fields: e))
                }
                let facts = try TimetableService.facts(current, center: center, zone: zone)
                _ = try await TimetableService.reassign(
                    group: facts, from: current.$teacher.id, to: g.$teacher.id, today: today,
                    reveal: { _, _ in true }, on: db)
                current.name = g.name
                current.plannedHours = g.plannedHours
                current.$teacher.id = g.$teacher.id
                current.$room.id = g.$room.id
                current.startsOn = g.startsOn
                current.endsOn = g.endsOn
                current.isOpen = g.isOpen
                current.$program.id = g.$program.id
                try await current.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "group", entityID: current.id, title: current.name,
                    municipalityID: req.currentUser?.municipalityIDs.first, organizationID: current.$organization.id,
                    before: before, after: after)
                return nil
            }
        } catch let e as AppError where e.code == "validation" {
            var errors = FieldErrors()
            for (k, v) in e.fields { errors.add(k, v) }
            let page = try await formPage(req, group: g, values: form, errors: errors)
            return req.render(page.render(await req.pageContext(active: active)), status: .unprocessableEntity)
        } catch let refusal as TimetableRefusal {
            let page = try await formPage(
                req, group: g, values: form, errors: FieldErrors(),
                conflict: EnrollmentWords.Groups.teacherBusy(refusal.clashes))
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        if let conflict = outcome {
            let (current, _) = try await find(req, .update)
            let page = try await formPage(req, group: current, values: form, errors: FieldErrors(), conflict: conflict)
            return req.render(page.render(await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(to: SiteURL.record(area, try g.requireID()).path, flash: EnrollmentWords.Groups.saved)
    }
}
