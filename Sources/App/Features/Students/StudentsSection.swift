import Domain
import Fluent
import Vapor
import Views

/// Students of each school (personal data of minors): the school keeps its own, the КМЦ sees all of the municipality.
/// Duplicates (same surname, name, patronymic and birth date, ignoring case and ё/е) are refused; a match in
/// another school is reported without revealing that child (issue 3).
struct StudentsSection: RegistrySection {
    typealias Record = Student
    let area = Registry.students
    let entityType = "student"
    let noun = StudentsWords.noun
    let newTitle = StudentsWords.newTitle
    let archiveConsequence = StudentsWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.listQuery(req)
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .student(school: $0)
        }
        let zone = try await RegistrySupport.zone(req)
        let schools = try await RegistrySupport.organizationOptions(municipalityID, kinds: [.school], on: req.db)
            .filter { visible?.contains(UUID(uuidString: $0.value)!) ?? true }
        return StudentListPage(
            query: query, schools: schools,
            rows: try rows.map { s in
                .init(
                    id: try s.requireID(), name: s.fullName, birth: RuDate.format(s.birthDate, timeZone: zone),
                    school: s.school.shortName, grade: "\(s.grade)\(s.letter ?? "")",
                    consentOn: s.consentOn.map { RuDate.format($0, timeZone: zone) },
                    consentWithdrawn: s.consentWithdrawnAt != nil)
            },
            total: total, canCreate: req.can(.create, try newResource(req)), importURL: StudentImportStartPage.path
        ).list
    }

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["status", "school", "grade", "consent"], sorts: ["name", "grade"], defaultSort: "name")
    }

    /// Students the user may see (their schools, or all for the КМЦ), filtered and paged in the database; shared with
    /// the API.
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> ([Student], Int) {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .student(school: $0)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var b = Student.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        if let visible { b = b.filter(\.$school.$id ~~ Array(visible)) }
        if let school = query.filters["school"].flatMap(UUID.init(uuidString:)) {
            b = b.filter(\.$school.$id == school)
        }
        if let grade = query.filters["grade"].flatMap(Int.init) { b = b.filter(\.$grade == grade) }
        if query.filters["consent"] == "no" {
            b = b.group(.or) { $0.filter(\.$consentOn == nil).filter(\.$consentWithdrawnAt != nil) }
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        b = query.sort == "grade" ? b.sort(\.$grade, dir).sort(\.$sortKey) : b.sort(\.$sortKey, dir)
        return try await b.sort(\.$id).with(\.$school).paged(query)
    }

    func resource(_ record: Student, on db: any Database) async throws -> Resource {
        if record.$school.value == nil, let school = try await Organization.find(record.$school.id, on: db) {
            record.$school.value = school
        }
        guard let school = record.$school.value else { throw AppError.notFound() }
        return .student(school: school.ref)
    }
    func newResource(_ req: Request) throws -> Resource {
        .student(school: try RegistrySupport.creatableOrganization(req) { .student(school: $0) })
    }
    func title(_ record: Student) -> String { record.fullName }
    func scope(_ record: Student) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$school.id)
    }

    func card(_ record: Student, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let enrollments = try await Enrollment.query(on: req.db).filter(try \.$student.$id == record.requireID()).with(
            \.$group
        ) {
            $0.with(\.$organization)
        }.all()
        let page = StudentCardPage(
            name: record.fullName, birth: RuDate.format(record.birthDate, timeZone: zone),
            sex: record.sex.flatMap(Sex.init(rawValue:)), school: record.$school.value?.shortName ?? "",
            grade: "\(record.grade)\(record.letter ?? "")", specialNeeds: record.specialNeeds,
            consentOn: record.consentOn.map { RuDate.format($0, timeZone: zone) }, consentBy: record.consentBy,
            consentText: GuardiansController.consentText(record, zone: zone),
            consentWithdrawn: record.consentWithdrawnAt != nil,
            courses: try enrollments.map { e in
                .init(
                    groupID: try e.group.requireID(), group: e.group.name, center: e.group.organization.shortName,
                    status: EnrollmentStatus(rawValue: e.status), rawStatus: e.status)
            },
            guardians: try await GuardiansController.guardians(record, req: req, zone: zone))
        return (page.facts, page.sections, page.warnings)
    }

    func fields(_ req: Request, record: Student?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let schools = try await RegistrySupport.writableOrganizations(
            req, municipalityID: municipalityID, kinds: [.school]
        ) {
            .student(school: $0)
        }
        return StudentFormPage(schools: schools).fields
    }

    func values(_ r: Student, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        return FormValues(single: [
            "school": r.$school.id.uuidString.lowercased(), "surname": r.surname, "givenName": r.givenName,
            "patronymic": r.patronymic ?? "",
            "birthDate": RuDate.format(r.birthDate, timeZone: zone), "sex": r.sex ?? "", "grade": String(r.grade),
            "letter": r.letter ?? "",
            "specialNeeds": r.specialNeeds ? "yes" : "", "consentOn": RegistrySupport.date(r.consentOn, zone),
            "consentBy": r.consentBy ?? "",
        ])
    }

    func apply(_ form: FormValues, to r: Student, isNew: Bool, req: Request, errors: inout FieldErrors) async throws
        -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : r.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        let school = try await RegistrySupport.organization(
            form["school"], field: "school", municipalityID: municipalityID, errors: &errors, on: req.db)
        if let school, school.orgKind != .school || !req.can(isNew ? .create : .update, .student(school: school.ref)) {
            errors.add("school", StudentsWords.Check.notYourSchool)
        }
        let surname = errors.personName("surname", form["surname"], required: true) ?? ""
        let given = errors.personName("givenName", form["givenName"], required: true) ?? ""
        let patronymic = errors.personName("patronymic", form["patronymic"], required: false)
        let birth = errors.date("birthDate", form["birthDate"], timeZone: zone, required: true)
        if let birth, birth > Date() { errors.add("birthDate", StudentsWords.Check.birthInFuture) }
        var sex: Sex?
        if let raw = form["sex"], !raw.isEmpty { sex = errors.choice("sex", raw, as: Sex.self) }
        let grade = errors.integer("grade", form["grade"], range: 1...11, required: true)
        let letter = errors.optional("letter", form["letter"], max: 3).map(ClassLetter.normalized)
        if let letter, !ClassLetter.isValid(letter) { errors.add("letter", ClassLetter.message) }
        let consentOn = errors.date("consentOn", form["consentOn"], timeZone: zone, required: false)
        let consentBy = errors.optional("consentBy", form["consentBy"], max: 200)
        if consentOn != nil && consentBy == nil { errors.add("consentBy", StudentsWords.Check.consentByMissing) }
        var key = ""
        if let birth, !surname.isEmpty, !given.isEmpty {
            key = StudentIdentity.key(
                surname: surname, givenName: given, patronymic: patronymic, birthDate: birth, timeZone: zone)
            if let twin = try await Student.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                \.$identityKey == key
            ).first(), twin.id != r.id {
                if twin.$school.id == school?.id
                    || req.can(.read, .student(school: OrgRef(id: twin.$school.id, municipalityID: municipalityID)))
                {
                    errors.add(
                        "surname",
                        StudentsWords.Check.duplicate(
                            name: twin.fullName, birth: RuDate.format(twin.birthDate, timeZone: zone)))
                } else {
                    // Another school's child: say so without revealing who or where.
                    errors.add("surname", StudentsWords.Check.duplicateElsewhere)
                }
            }
        }
        if let c = consentOn, c > Date() { errors.add("consentOn", StudentsWords.Check.consentInFuture) }
        // A new consent dated on or after the withdrawal means the school has received a new consent.
        var clearWithdrawal = false
        if let withdrawn = r.consentWithdrawnAt, let c = consentOn, c != r.consentOn {
            let day = Calendar(identifier: .gregorian).startOfDay(for: withdrawn).addingTimeInterval(-86_400)
            if c < day {
                errors.add(
                    "consentOn",
                    StudentsWords.Check.consentBeforeWithdrawal(RuDate.format(withdrawn, timeZone: zone)))
            } else {
                clearWithdrawal = true
            }
        }
        guard errors.isEmpty, let school, let birth, let grade else { return nil }
        r.$municipality.id = municipalityID
        r.$school.id = try school.requireID()
        r.$school.value = school
        r.surname = surname
        r.givenName = given
        r.patronymic = patronymic
        r.birthDate = birth
        r.sex = sex?.rawValue
        r.grade = grade
        r.letter = letter
        r.specialNeeds = form.all("specialNeeds").contains("yes")
        if clearWithdrawal {
            r.consentWithdrawnAt = nil
            r.consentWithdrawnBy = nil
        }
        r.consentOn = consentOn
        r.consentBy = consentBy
        r.identityKey = key
        r.searchKey = TextKey.search(surname, given, patronymic)
        r.sortKey = TextKey.sort([surname, given, patronymic ?? ""].joined(separator: " "))
        return { _ in }
    }

    func extraActions(_ record: Student, req: Request) async throws -> [RegistryCard.Action] {
        guard record.status == RecordStatus.active.rawValue, req.can(.update, try await resource(record, on: req.db))
        else { return [] }
        return [
            .link(
                StudentsWords.addGuardian,
                SiteURL.record(area, try record.requireID()).path + "/guardians/new",
                primary: false)
        ]
    }

    /// An import is audited once per batch, so a child's own history gets its lines from the batches: added by an
    /// import, merged with a row of one (the values before, and after while nobody has changed the record since), and
    /// the undoing of such an import.
    func extraHistory(_ r: Student, req: Request) async throws -> [(at: Date, line: HistoryLine)] {
        let zone = try await RegistrySupport.zone(req)
        let id = try r.requireID()
        var out: [(at: Date, line: HistoryLine)] = []
        func at(_ d: Date) -> String { RuDate.formatDateTime(d, timeZone: zone) }
        if let b = r.importBatchID, let batch = try await StudentImportBatch.find(b, on: req.db),
            let done = batch.committedAt
        {
            out.append(
                (
                    done,
                    HistoryLine(
                        at: at(done), who: batch.createdByName,
                        action: StudentsWords.History.imported(batch.fileName), changes: [])
                ))
        }
        let batches = try await StudentImportBatch.query(on: req.db).filter(\.$municipality.$id == r.$municipality.id)
            .filter(\.$merges, .custom("LIKE"), "%\(id.uuidString)%").all()
        func consent(_ on: Date?, _ by: String?) -> String {
            RegistrySupport.date(on, zone) + (by.map { " — \($0)" } ?? "")
        }
        for batch in batches {
            guard let done = batch.committedAt,
                let m = StudentImportService.Snapshot.all(batch).first(where: { $0.id == id })
            else { continue }
            let unchangedSince = m.version == r.version && batch.revertedAt == nil
            let fields: [(String, String, String)] = [
                (StudentsWords.History.grade, "\(m.grade)\(m.letter ?? "")", "\(r.grade)\(r.letter ?? "")"),
                (
                    StudentsWords.History.sex, m.sex.flatMap(Sex.init(rawValue:))?.title ?? "",
                    r.sex.flatMap(Sex.init(rawValue:))?.title ?? ""
                ),
                (
                    StudentsWords.History.specialNeeds, StudentsWords.yesNo(m.specialNeeds),
                    StudentsWords.yesNo(r.specialNeeds)
                ),
                (StudentsWords.History.consent, consent(m.consentOn, m.consentBy), consent(r.consentOn, r.consentBy)),
            ]
            let changes =
                unchangedSince
                ? fields.filter { $0.1 != $0.2 }.map {
                    (field: $0.0, before: $0.1.ifBlank("—"), after: $0.2.ifBlank("—"))
                }
                : fields.map { (field: $0.0, before: $0.1.ifBlank("—"), after: StudentsWords.History.byFile) }
            out.append(
                (
                    done,
                    HistoryLine(
                        at: at(done), who: batch.createdByName,
                        action: StudentsWords.History.merged(batch.fileName), changes: changes)
                ))
            if let undone = batch.revertedAt {
                let by = try await AuditEntry.query(on: req.db).filter(try \.$entityID == batch.requireID()).filter(
                    \.$action == Audit.Action.revert.rawValue
                ).first()?.username
                out.append(
                    (
                        undone,
                        HistoryLine(
                            at: at(undone), who: by ?? "—",
                            action: StudentsWords.History.reverted(batch.fileName), changes: [])
                    ))
            }
        }
        return out
    }

    func auditFields(_ r: Student, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(r.$municipality.id, on: db)
        return StudentsWords.audit(
            name: r.fullName, birth: RuDate.format(r.birthDate, timeZone: zone),
            school: r.$school.value?.shortName ?? "",
            grade: "\(r.grade)\(r.letter ?? "")", sex: r.sex.flatMap(Sex.init(rawValue:)), specialNeeds: r.specialNeeds,
            withdrawnOn: r.consentWithdrawnAt.map { RuDate.format($0, timeZone: zone) },
            withdrawnBy: r.consentWithdrawnBy,
            consentOn: RegistrySupport.date(r.consentOn, zone), consentBy: r.consentBy)
    }
}
