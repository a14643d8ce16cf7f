import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// Opening and editing groups: a centre's head opens groups of its agreed programmes (issue 3).
extension GroupsController {
    func bootEditing(_ routes: any RoutesBuilder) {
        routes.get("new", use: newForm)
        routes.post("new", use: create)
        routes.get(":id", "edit", use: editForm)
        routes.post(":id", "edit", use: update)
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
        let staff = try await GroupTeachers.eligible(
            at: try programs.map { GroupTeachers.Place(programID: try $0.requireID(), centerID: $0.$organization.id) },
            keeping: group?.$teacher.id, municipalityID: municipalityID, on: req.db)
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
            teachers: try GroupTeachers.options(staff),
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
    func apply(_ form: FormValues, to group: StudyGroup, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws
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
        if let program, program.approval != ProgramApproval.agreed.rawValue {
            errors.add("program", EnrollmentWords.Groups.Errors.programNotAgreed)
        }
        if let program, !req.can(isNew ? .create : .update, .group(program.organization.ref)) {
            errors.add("program", EnrollmentWords.Groups.Errors.notYourCenter)
        }
        if let program, !isNew, program.$organization.id != group.$organization.id {
            errors.add("program", EnrollmentWords.Groups.Errors.otherCenter)
        }
        let name = errors.required("name", form["name"], max: 100)
        let capacity = errors.integer("capacity", form["capacity"], range: 1...500, required: true)
        if !isNew { GroupRules.validateCapacity(capacity, enrolled: group.enrolledCount, errors: &errors) }
        let planned = errors.integer("plannedHours", form["plannedHours"], range: 1...1000, required: false)
        var teacherID: UUID?
        if let raw = form["teacher"], !raw.isEmpty {
            teacherID = UUID(uuidString: raw)
            // A teacher kept as they were is not asked again (someone who has since left the centre keeps the group
            // until replaced); a new teacher, or the same one under another programme, is.
            let unchanged = !isNew && teacherID == group.$teacher.id && program?.id == group.$program.id
            if let program, !unchanged {
                let place = GroupTeachers.Place(programID: try program.requireID(), centerID: program.$organization.id)
                var refusal = GroupTeacherRule.Refusal.unknown as GroupTeacherRule.Refusal?
                if let teacherID {
                    refusal = try await GroupTeachers.refusal(
                        teacherID, at: place, municipalityID: municipalityID, on: req.db)
                }
                if let refusal { errors.add("teacher", refusal.reason) }
            }
        }
        var roomID: UUID?
        if let raw = form["room"], !raw.isEmpty {
            let room = try await UUID(uuidString: raw).asyncFlatMap { try await Room.find($0, on: req.db) }
            if room == nil || room?.$organization.id != program?.$organization.id {
                errors.add("room", EnrollmentWords.Groups.Errors.chooseRoom)
            } else {
                roomID = room?.id
            }
        }
        let start = errors.date("startsOn", form["startsOn"], timeZone: zone, required: false)
        let end = errors.date("endsOn", form["endsOn"], timeZone: zone, required: false)
        if let start, let end, end < start { errors.add("endsOn", EnrollmentWords.Groups.Errors.endBeforeStart) }
        var yearID: UUID?
        if let program {
            yearID = program.$academicYear.id
            if yearID == nil {
                yearID = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                    \.$isCurrent == true
                ).first()?.id
            }
            if let year = try await yearID.asyncFlatMap({ try await AcademicYear.find($0, on: req.db) }) {
                if let start, start < year.startsOn || start > year.endsOn {
                    errors.add("startsOn", EnrollmentWords.Groups.Errors.outsideYear(year.title))
                }
                if let end, end < year.startsOn || end > year.endsOn {
                    errors.add("endsOn", EnrollmentWords.Groups.Errors.outsideYear(year.title))
                }
            }
        }
        guard errors.isEmpty, let chosen = program, let capacity, let yearID else { return false }
        group.$program.id = try chosen.requireID()
        group.$organization.id = chosen.$organization.id
        group.$academicYear.id = yearID
        group.name = name
        group.capacity = capacity
        group.plannedHours = planned ?? chosen.hours
        group.$teacher.id = teacherID
        group.$room.id = roomID
        group.startsOn = start
        group.endsOn = end
        group.isOpen = form.all("open").contains("yes")
        return true
    }

    /// A group's facts as the audit log keeps them (the teacher by name: who was given the group's journal).
    static func auditFields(_ group: StudyGroup, on db: any Database) async throws -> [String: String] {
        let teacher = try await group.$teacher.id.asyncFlatMap { try await StaffMember.find($0, on: db) }
        return EnrollmentWords.Groups.auditFields(
            name: group.name, capacity: group.capacity, plannedHours: group.plannedHours, isOpen: group.isOpen,
            teacher: teacher?.fullName)
    }

}
