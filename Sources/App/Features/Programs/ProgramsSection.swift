import Domain
import Fluent
import Vapor
import Views

/// Network programmes: a resource centre drafts them, the КМЦ agrees or returns them (`000_5375b2a087477e6d.txt` §4.2).
/// Editing is possible only while the programme is the centre's draft; every submitted version is kept.
struct ProgramsSection: RegistrySection {
    typealias Record = NetworkProgram
    let area = Registry.programs
    let entityType = "program"
    let noun = ProgramsWords.noun
    let newTitle = ProgramsWords.newTitle
    let archiveConsequence = ProgramsWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .program(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "approval", "organization", "kind"], sorts: ["title", "center"],
            defaultSort: "title")
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, on: req.db)
        let centers = try await OrganizationQueries.currentCenterIDs(municipalityIDs: [municipalityID], on: req.db)
        let centerOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            centers.contains(UUID(uuidString: $0.value)!)
        }
        let waiting = try await NetworkProgram.query(on: req.db).join(
            Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id
        )
        .filter(Organization.self, \.$municipality.$id == municipalityID).filter(
            \.$approval == ProgramApproval.submitted.rawValue
        ).count()
        return ProgramListPage(
            query: query, centers: centerOptions,
            rows: try rows.map { p in
                .init(
                    id: try p.requireID(), title: p.title, kind: ProgramKind(rawValue: p.kind),
                    center: p.organization.shortName, gradeFrom: p.gradeFrom, gradeTo: p.gradeTo, hours: p.hours,
                    approval: ProgramApproval(rawValue: p.approval) ?? .draft)
            },
            total: total, canCreate: req.can(.create, try newResource(req)),
            waiting: req.can(.approve, .program(OrgRef(id: UUID(), municipalityID: municipalityID))) ? waiting : 0
        ).list
    }

    /// Programmes of the municipality, filtered and paged in the database (shared with the API and the catalogue).
    static func query(_ query: ListQuery, municipalityID: UUID, on db: any Database) async throws -> (
        [NetworkProgram], Int
    ) {
        var b = NetworkProgram.query(on: db).join(
            Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id
        )
        .filter(Organization.self, \.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let a = query.filters["approval"] { b = b.filter(\.$approval == a) }
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            b = b.filter(\.$organization.$id == org)
        }
        if let kind = query.filters["kind"] { b = b.filter(\.$kind == kind) }
        if let year = query.filters["year"].flatMap(UUID.init(uuidString:)) {
            b = b.filter(\.$academicYear.$id == year)
        }
        if let profile = query.filters["profile"] { b = b.filter(\.$profile == profile) }
        if let form = query.filters["form"] { b = b.filter(\.$form == form) }
        if let grade = query.filters["grade"].flatMap(Int.init) {
            b = b.filter(\.$gradeFrom <= grade).filter(\.$gradeTo >= grade)
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        b =
            query.sort == "center"
            ? b.sort(Organization.self, \.$sortKey, dir).sort(\.$sortKey) : b.sort(\.$sortKey, dir)
        return try await b.sort(\.$id).with(\.$organization).with(\.$subject).paged(query)
    }

    func resource(_ record: NetworkProgram, on db: any Database) async throws -> Resource {
        if record.$organization.value == nil, let org = try await Organization.find(record.$organization.id, on: db) {
            record.$organization.value = org
        }
        guard let org = record.$organization.value else { throw AppError.notFound() }
        return .program(org.ref)
    }
    func newResource(_ req: Request) throws -> Resource {
        .program(try RegistrySupport.creatableOrganization(req) { .program($0) })
    }
    func title(_ record: NetworkProgram) -> String { record.title }
    func scope(_ record: NetworkProgram) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$organization.value?.$municipality.id, record.$organization.id)
    }

    func card(_ record: NetworkProgram, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let teachers = try await record.$teachers.get(on: req.db)
        let subject = try await record.$subject.get(on: req.db)
        let zone = try await RegistrySupport.zone(req)
        let approval = ProgramApproval(rawValue: record.approval) ?? .draft
        let versions = try await ProgramVersion.query(on: req.db).filter(try \.$program.$id == record.requireID()).sort(
            \.$number, .descending
        ).all()
        let page = ProgramCardPage(
            title: record.title, center: record.$organization.value?.shortName ?? "",
            kind: ProgramKind(rawValue: record.kind), subject: subject?.name,
            profile: record.profile.flatMap(StudyProfile.init(rawValue:)), target: record.target,
            gradeFrom: record.gradeFrom, gradeTo: record.gradeTo, hours: record.hours,
            form: StudyForm(rawValue: record.form), teachers: teachers.map(\.fullName).sorted(),
            modules: record.modules, summary: record.summary, results: record.results, approval: approval,
            reviewComment: record.reviewComment,
            versions: versions.map { v in
                .init(
                    number: v.number, submitted: RuDate.formatDateTime(v.submittedAt, timeZone: zone),
                    by: v.submittedBy,
                    decision: v.decision.flatMap(ProgramApproval.init(rawValue:)), comment: v.comment)
            })
        return (page.facts, page.sections, page.warnings)
    }

    /// A new programme starts at 64 hours a year (`000_…` §4.1), full-time, in the user's centre when there is one.
    func newValues(_ req: Request) async throws -> FormValues {
        let centers = try await centerOptions(req)
        var v = FormValues(single: ["hours": "64", "form": StudyForm.allCases[0].rawValue])
        if centers.count == 1 { v["organization"] = centers[0].value }
        return v
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
            for t in ids {
                let l = ProgramTeacher()
                l.$program.id = id
                l.$staff.id = t
                try await l.create(on: db)
            }
        }
    }

    func auditFields(_ record: NetworkProgram, on db: any Database) async throws -> [String: String] {
        let teachers = try await ProgramTeacher.query(on: db).filter(\.$program.$id == record.id ?? UUID()).with(
            \.$staff
        ).all()
        return ProgramsWords.audit(
            title: record.title, kind: ProgramKind(rawValue: record.kind), gradeFrom: record.gradeFrom,
            gradeTo: record.gradeTo, hours: record.hours, form: StudyForm(rawValue: record.form),
            modules: record.modules, target: record.target, teachers: teachers.map(\.staff.fullName).sorted(),
            approval: ProgramApproval(rawValue: record.approval))
    }
}

extension ProgramsSection {
    func isEditable(_ record: NetworkProgram) -> Bool {
        (ProgramApproval(rawValue: record.approval) ?? .draft).isEditable
    }

    func extraActions(_ record: NetworkProgram, req: Request) async throws -> [RegistryCard.Action] {
        let resource = try await self.resource(record, on: req.db)
        let approval = ProgramApproval(rawValue: record.approval) ?? .draft
        var actions: [RegistryCard.Action] = []
        if approval.canSubmit && req.can(.update, resource) && record.status == RecordStatus.active.rawValue {
            actions.append(
                .post(ProgramsWords.submit, SiteURL.record(area, try record.requireID()).path + "/submit"))
        }
        if approval.canReview && req.can(.approve, resource) {
            actions.append(
                .link(
                    ProgramsWords.review, SiteURL.record(area, try record.requireID()).path + "/review", primary: true))
        }
        return actions
    }
}
