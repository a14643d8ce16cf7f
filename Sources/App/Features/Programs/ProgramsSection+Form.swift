import Domain
import Fluent
import Vapor
import Views

/// The programme form: its fields and options, the record's values in it, and the checks and writes of a save.
extension ProgramsSection {
    /// A new programme starts at 64 hours a year (`000_…` §4.1), full-time, in the user's centre when there is one.
    func newValues(_ req: Request) async throws -> FormValues {
        let centers = try await centerOptions(req)
        var values = FormValues(single: ["hours": "64", "form": StudyForm.allCases[0].rawValue])
        if centers.count == 1 { values["organization"] = centers[0].value }
        return values
    }

    /// This year's resource centres the user may write programmes for.
    func centerOptions(_ req: Request) async throws -> [(value: String, title: String)] {
        let municipalityID = try RegistrySupport.municipality(req)
        let current = try await OrganizationQueries.currentCenterIDs(municipalityIDs: [municipalityID], on: req.db)
        return try await RegistrySupport.writableOrganizations(req, municipalityID: municipalityID) { .program($0) }
            .filter {
                current.contains(UUID(uuidString: $0.value)!)
            }
    }

    func fields(_ req: Request, record: NetworkProgram?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let staff = try await StaffMember.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .sort(\.$sortKey).all()
        return ProgramFormPage(
            centers: try await centerOptions(req),
            subjects: try await RegistrySupport.subjectOptions(municipalityID, on: req.db),
            teachers: try staff.map {
                .init(
                    id: try $0.requireID().uuidString.lowercased(), name: $0.fullName,
                    isOutsideTrainer: $0.isOutsideTrainer)
            }
        ).fields
    }

    func values(_ record: NetworkProgram, req: Request) async throws -> FormValues {
        let teachers = try await record.$teachers.get(on: req.db)
        return FormValues([
            "organization": [record.$organization.id.uuidString.lowercased()], "title": [record.title],
            "kind": [record.kind],
            "subject": [record.$subject.id?.uuidString.lowercased() ?? ""], "profile": [record.profile ?? ""],
            "target": [record.target ?? ""],
            "gradeFrom": [String(record.gradeFrom)], "gradeTo": [String(record.gradeTo)],
            "hours": [String(record.hours)], "form": [record.form],
            "modules": [record.modules ?? ""],
            "teachers": try teachers.map { try $0.requireID().uuidString.lowercased() },
            "description": [record.summary ?? ""], "results": [record.results ?? ""],
        ])
    }

    func apply(_ form: FormValues, to record: NetworkProgram, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = try RegistrySupport.municipality(req)
        if !isNew, !(ProgramApproval(rawValue: record.approval) ?? .draft).isEditable {
            throw AppError.conflict(ProgramsWords.notEditable)
        }
        let org = try await RegistrySupport.organization(
            form["organization"], field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)
        if let org, !req.can(isNew ? .create : .update, .program(org.ref)) {
            errors.add("organization", ProgramsWords.notYourCenter)
        }
        let title = errors.required("title", form["title"], max: 200)
        let kind = errors.choice("kind", form["kind"], as: ProgramKind.self)
        var subjectID: UUID?
        if let raw = form["subject"], !raw.isEmpty {
            subjectID = try await RegistrySupport.subjects(
                [raw], field: "subject", municipalityID: municipalityID, required: false, errors: &errors, on: req.db
            ).first?.id
        }
        var profile: StudyProfile?
        if let raw = form["profile"], !raw.isEmpty { profile = errors.choice("profile", raw, as: StudyProfile.self) }
        let target = errors.optional("target", form["target"], max: 300)
        let gradeFrom = errors.integer("gradeFrom", form["gradeFrom"], range: 1...11, required: true)
        let gradeTo = errors.integer("gradeTo", form["gradeTo"], range: 1...11, required: true)
        ProgramRules.validateGrades(from: gradeFrom, to: gradeTo, errors: &errors)
        let hours = errors.integer("hours", form["hours"], range: 1...1000, required: true)
        let studyForm = errors.choice("form", form["form"], as: StudyForm.self)
        let modules = ProgramRules.parseModules(form["modules"], totalHours: hours, errors: &errors)
        let teacherIDs = Array(Set(form.all("teachers").compactMap(UUID.init(uuidString:))))
        let teachers =
            teacherIDs.isEmpty
            ? []
            : try await StaffMember.query(on: req.db).filter(\.$id ~~ teacherIDs).filter(
                \.$municipality.$id == municipalityID
            )
            .all()
        if teachers.count != form.all("teachers").count { errors.add("teachers", ProgramsWords.teachersFromList) }
        let summary = errors.optional("description", form["description"], max: 5000)
        let results = errors.optional("results", form["results"], max: 5000)
        guard errors.isEmpty, let org, let kind, let gradeFrom, let gradeTo, let hours, let studyForm else {
            return nil
        }
        record.$organization.id = try org.requireID()
        record.$organization.value = org
        if isNew {
            record.approval = ProgramApproval.draft.rawValue
            record.$academicYear.id = try await AcademicYear.query(on: req.db).filter(
                \.$municipality.$id == municipalityID
            )
            .filter(\.$isCurrent == true).first()?.id
        }
        record.title = title
        record.kind = kind.rawValue
        record.$subject.id = subjectID
        record.profile = profile?.rawValue
        record.target = target
        record.gradeFrom = gradeFrom
        record.gradeTo = gradeTo
        record.hours = hours
        record.form = studyForm.rawValue
        record.modules = modules.isEmpty ? nil : ProgramRules.formatModules(modules)
        record.summary = summary
        record.results = results
        record.searchKey = TextKey.search(title, org.shortName, target)
        record.sortKey = TextKey.sort(title)
        let ids = teachers.compactMap(\.id)
        return { db in
            let id = try record.requireID()
            try await ProgramTeacher.query(on: db).filter(\.$program.$id == id).delete()
            for teacherID in ids {
                let link = ProgramTeacher()
                link.$program.id = id
                link.$staff.id = teacherID
                try await link.create(on: db)
            }
        }
    }
}
