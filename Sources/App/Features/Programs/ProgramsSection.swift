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
    let noun = "Программа"
    let newTitle = "Новая программа"
    let archiveConsequence =
        "Программа пропадёт из каталога и из выбора при открытии групп; группы и история сохранятся."

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
        return RegistryList(
            title: "Сетевые программы", area: area, query: query,
            filters: [
                CommonFilters.search,
                FieldSpec(
                    "approval", "Согласование",
                    .select(ProgramApproval.allCases.map { ($0.rawValue, $0.title) }, empty: "Любое")),
                FieldSpec("organization", "Ресурсный центр", .select(centerOptions, empty: "Все центры")),
                FieldSpec(
                    "kind", "Вид", .select(ProgramKind.allCases.map { ($0.rawValue, $0.title) }, empty: "Все виды")),
                CommonFilters.status,
            ],
            columns: [
                Column("Программа", sort: "title"), Column("Вид"), Column("Ресурсный центр", sort: "center"),
                Column("Классы"),
                Column("Часов"), Column("Согласование"),
            ],
            rows: try rows.map { p in
                let a = ProgramApproval(rawValue: p.approval) ?? .draft
                return [
                    .link(p.title, SiteURL.record(area, try p.requireID()).path),
                    .text(ProgramKind(rawValue: p.kind)?.title ?? ""),
                    .text(p.organization.shortName), .text("\(p.gradeFrom)–\(p.gradeTo)"), .text(String(p.hours)),
                    .tag(
                        a.title,
                        a == .agreed ? "signed" : a == .returned ? "terminated" : a == .submitted ? "expiring" : "draft"
                    ),
                ]
            },
            total: total, noun: ("программа", "программы", "программ"),
            createTitle: req.can(.create, try newResource(req)) ? "Новая программа" : nil,
            warnings: waiting > 0 && req.can(.approve, .program(OrgRef(id: UUID(), municipalityID: municipalityID)))
                ? ["Ждут согласования КМЦ: " + RussianPlural.count(waiting, "программа", "программы", "программ") + "."]
                : [],
            emptyText: "Программ пока нет.")
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
        var warnings: [String] = []
        if approval == .returned, let c = record.reviewComment {
            warnings.append("КМЦ вернул программу на доработку: «\(c)»")
        }
        if approval == .submitted {
            warnings.append("Программа на согласовании в КМЦ: изменить её можно после решения.")
        }
        return (
            [
                ("Ресурсный центр", record.$organization.value?.shortName ?? ""),
                ("Вид", ProgramKind(rawValue: record.kind)?.title ?? ""),
                ("Предмет", subject?.name ?? ""),
                ("Профиль", record.profile.flatMap(StudyProfile.init(rawValue:))?.title ?? ""),
                ("Целевая направленность", record.target ?? ""), ("Классы", "\(record.gradeFrom)–\(record.gradeTo)"),
                ("Объём", RussianPlural.count(record.hours, "час", "часа", "часов")),
                ("Форма", StudyForm(rawValue: record.form)?.title ?? ""),
                ("Педагоги", teachers.map(\.fullName).sorted().joined(separator: ", ")),
                ("Модули", record.modules ?? ""),
                ("Описание", record.summary ?? ""), ("Ожидаемые результаты", record.results ?? ""),
                ("Согласование", approval.title),
            ],
            [
                RegistryCard.Section(
                    title: "Версии, отправленные в КМЦ", columns: ["№", "Отправлена", "Кем", "Решение", "Комментарий"],
                    rows: versions.map { v in
                        [
                            .text(String(v.number)), .text(RuDate.formatDateTime(v.submittedAt, timeZone: zone)),
                            .text(v.submittedBy),
                            .text(v.decision.flatMap(ProgramApproval.init(rawValue:))?.title ?? "ждёт решения"),
                            .text(v.comment ?? ""),
                        ]
                    }, emptyText: "Программа ещё не отправлялась на согласование.")
            ], warnings
        )
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
        return [
            FieldSpec(
                "organization", "Ресурсный центр", .select(try await centerOptions(req), empty: "— выберите —"),
                required: true),
            FieldSpec("title", "Название программы", required: true),
            FieldSpec(
                "kind", "Вид программы",
                .select(ProgramKind.allCases.map { ($0.rawValue, $0.title) }, empty: "— выберите —"), required: true),
            FieldSpec(
                "subject", "Предмет",
                .select(try await RegistrySupport.subjectOptions(municipalityID, on: req.db), empty: "— не указан —")),
            FieldSpec(
                "profile", "Профиль",
                .select(StudyProfile.allCases.map { ($0.rawValue, $0.title) }, empty: "— не указан —")),
            FieldSpec(
                "target", "Целевая направленность", hint: "Например: подготовка к региональному этапу олимпиады."),
            FieldSpec("gradeFrom", "С класса", .number, required: true),
            FieldSpec("gradeTo", "По класс", .number, required: true),
            FieldSpec(
                "hours", "Объём, учебных часов", .number, required: true, hint: "Обычно 64 часа в год на группу."),
            FieldSpec(
                "form", "Форма обучения", .select(StudyForm.allCases.map { ($0.rawValue, $0.title) }, empty: nil),
                required: true),
            FieldSpec(
                "modules", "Модули", .textarea,
                hint: "По одному в строке: «Название — 16». Сумма часов равна объёму программы."),
            FieldSpec(
                "teachers", "Педагоги",
                .checkboxes(
                    try staff.map {
                        (
                            try $0.requireID().uuidString.lowercased(),
                            $0.fullName + ($0.isOutsideTrainer ? " (внешний тренер)" : "")
                        )
                    }),
                hint: "Сотрудники центра, педагоги других организаций и внешние тренеры из реестра сотрудников."),
            FieldSpec("description", "Описание", .textarea),
            FieldSpec("results", "Ожидаемые результаты", .textarea),
        ]
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
            throw AppError.conflict("Программа на согласовании или уже согласована: изменить её нельзя.")
        }
        let org = try await RegistrySupport.organization(
            form["organization"], field: "organization", municipalityID: municipalityID, errors: &errors, on: req.db)
        if let org, !req.can(isNew ? .create : .update, .program(org.ref)) {
            errors.add("organization", "Вы не можете вести программы этого центра.")
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
        if teachers.count != form.all("teachers").count { errors.add("teachers", "Выберите педагогов из списка.") }
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
        return [
            "Название": record.title, "Вид": ProgramKind(rawValue: record.kind)?.title ?? "",
            "Классы": "\(record.gradeFrom)–\(record.gradeTo)",
            "Часов": String(record.hours), "Форма": StudyForm(rawValue: record.form)?.title ?? "",
            "Модули": record.modules ?? "",
            "Целевая направленность": record.target ?? "",
            "Педагоги": teachers.map(\.staff.fullName).sorted().joined(separator: ", "),
            "Согласование": ProgramApproval(rawValue: record.approval)?.title ?? "",
        ]
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
                .post("Отправить на согласование в КМЦ", SiteURL.record(area, try record.requireID()).path + "/submit"))
        }
        if approval.canReview && req.can(.approve, resource) {
            actions.append(
                .link("Рассмотреть", SiteURL.record(area, try record.requireID()).path + "/review", primary: true))
        }
        return actions
    }
}
