import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Opening and editing groups: a centre's head opens groups of its agreed programmes (issue 3).
extension GroupsController {
    func bootEditing(_ g: any RoutesBuilder) {
        g.get("new", use: newForm)
        g.post("new", use: create)
        g.get(":id", "edit", use: editForm)
        g.post(":id", "edit", use: update)
    }

    func formPage(
        _ req: Request, group: StudyGroup?, values: FormValues, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil
    ) async throws -> RegistryForm {
        let centerID = group?.$organization.id
        let municipalityID = try RegistrySupport.municipality(req)
        let programs = try await NetworkProgram.query(on: req.db).join(
            Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id
        )
        .filter(Organization.self, \.$municipality.$id == municipalityID).filter(
            \.$approval == ProgramApproval.agreed.rawValue
        )
        .filter(\.$status == RecordStatus.active.rawValue).with(\.$organization).with(\.$academicYear).sort(\.$sortKey)
        .all()
        .filter {
            req.can(.create, .group($0.organization.ref)) && (centerID == nil || $0.$organization.id == centerID)
        }
        .sorted { ($0.academicYear?.startsOn ?? .distantPast) > ($1.academicYear?.startsOn ?? .distantPast) }
        let staff = try await StaffMember.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$sortKey).all()
        let centers = Set(programs.map { $0.$organization.id })
        let rooms = try await Room.query(on: req.db).filter(\.$organization.$id ~~ Array(centers)).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .with(\.$organization).sort(\.$sortKey).all()
        return GroupFormPage(
            group: try group.map { GroupFormPage.Group(id: try $0.requireID(), name: $0.name, version: $0.version) },
            programs: try programs.map {
                GroupFormPage.Program(
                    id: try $0.requireID(), title: $0.title, center: $0.organization.shortName,
                    year: $0.academicYear?.title)
            },
            teachers: try staff.map { (try $0.requireID().uuidString.lowercased(), $0.fullName) },
            rooms: try rooms.map {
                GroupFormPage.Room(id: try $0.requireID(), name: $0.name, center: $0.organization.shortName)
            },
            values: values, errors: errors, conflict: conflict
        ).form
    }

    func newForm(req: Request) async throws -> Response {
        try req.authorize(.create, .group(try RegistrySupport.creatableOrganization(req) { .group($0) }))
        let page = try await formPage(req, group: nil, values: FormValues(single: ["open": "yes"]))
        return req.render(page.render(await req.pageContext(active: active)))
    }

    /// Validates the form into the group; the programme decides the centre and the year.
    func apply(_ form: FormValues, to g: StudyGroup, isNew: Bool, req: Request, errors: inout FieldErrors) async throws
        -> Bool
    {
        let municipalityID = try RegistrySupport.municipality(req)
        let zone = try await RegistrySupport.zone(req)
        var program: NetworkProgram?
        if let id = form["program"].flatMap(UUID.init(uuidString:)) {
            program = try await NetworkProgram.query(on: req.db).filter(\.$id == id).with(\.$organization).first()
        }
        if program == nil || program?.organization.$municipality.id != municipalityID {
            errors.add("program", EnrollmentWords.Groups.Errors.chooseProgram)
            program = nil
        }
        if let p = program, p.approval != ProgramApproval.agreed.rawValue {
            errors.add("program", EnrollmentWords.Groups.Errors.programNotAgreed)
        }
        if let p = program, !req.can(isNew ? .create : .update, .group(p.organization.ref)) {
            errors.add("program", EnrollmentWords.Groups.Errors.notYourCenter)
        }
        if let p = program, !isNew, p.$organization.id != g.$organization.id {
            errors.add("program", EnrollmentWords.Groups.Errors.otherCenter)
        }
        let name = errors.required("name", form["name"], max: 100)
        let capacity = errors.integer("capacity", form["capacity"], range: 1...500, required: true)
        if !isNew { GroupRules.validateCapacity(capacity, enrolled: g.enrolledCount, errors: &errors) }
        let planned = errors.integer("plannedHours", form["plannedHours"], range: 1...1000, required: false)
        var teacherID: UUID?
        if let raw = form["teacher"], !raw.isEmpty {
            let t = try await UUID(uuidString: raw).asyncFlatMap { try await StaffMember.find($0, on: req.db) }
            if t == nil || t?.$municipality.id != municipalityID {
                errors.add("teacher", EnrollmentWords.Groups.Errors.chooseTeacher)
            } else {
                teacherID = t?.id
            }
        }
        var roomID: UUID?
        if let raw = form["room"], !raw.isEmpty {
            let r = try await UUID(uuidString: raw).asyncFlatMap { try await Room.find($0, on: req.db) }
            if r == nil || r?.$organization.id != program?.$organization.id {
                errors.add("room", EnrollmentWords.Groups.Errors.chooseRoom)
            } else {
                roomID = r?.id
            }
        }
        let start = errors.date("startsOn", form["startsOn"], timeZone: zone, required: false)
        let end = errors.date("endsOn", form["endsOn"], timeZone: zone, required: false)
        if let start, let end, end < start { errors.add("endsOn", EnrollmentWords.Groups.Errors.endBeforeStart) }
        var yearID: UUID?
        if let p = program {
            yearID = p.$academicYear.id
            if yearID == nil {
                yearID = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                    \.$isCurrent == true
                ).first()?.id
            }
            if let y = try await yearID.asyncFlatMap({ try await AcademicYear.find($0, on: req.db) }) {
                if let start, start < y.startsOn || start > y.endsOn {
                    errors.add("startsOn", EnrollmentWords.Groups.Errors.outsideYear(y.title))
                }
                if let end, end < y.startsOn || end > y.endsOn {
                    errors.add("endsOn", EnrollmentWords.Groups.Errors.outsideYear(y.title))
                }
            }
        }
        guard errors.isEmpty, let p = program, let capacity, let yearID else { return false }
        g.$program.id = try p.requireID()
        g.$organization.id = p.$organization.id
        g.$academicYear.id = yearID
        g.name = name
        g.capacity = capacity
        g.plannedHours = planned ?? p.hours
        g.$teacher.id = teacherID
        g.$room.id = roomID
        g.startsOn = start
        g.endsOn = end
        g.isOpen = form.all("open").contains("yes")
        return true
    }

    func auditFields(_ g: StudyGroup) -> [String: String] {
        EnrollmentWords.Groups.auditFields(
            name: g.name, capacity: g.capacity, plannedHours: g.plannedHours, isOpen: g.isOpen)
    }

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
