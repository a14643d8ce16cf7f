import Domain
import Fluent
import Vapor
import Views

/// Staff: teachers and other staff of each organisation; one person may work in several, and outside trainers
/// (`000_5375b2a087477e6d.txt` §4.3) need not have an account.
struct StaffSection: RegistrySection {
    typealias Record = StaffMember
    let area = Registry.staff
    let entityType = "staff"
    let noun = StaffWords.noun
    let newTitle = StaffWords.newTitle
    let archiveConsequence = StaffWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "organization", "subject", "trainer"], sorts: ["name", "position"],
            defaultSort: "name")
        let (rows, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .staff(orgs: [$0], municipalityID: municipalityID)
        }
        let orgOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            visible?.contains(UUID(uuidString: $0.value)!) ?? true
        }
        return StaffListPage(
            query: query, organizations: orgOptions,
            subjects: try await RegistrySupport.subjectOptions(municipalityID, on: req.db),
            rows: try rows.map { staff in
                .init(
                    id: try staff.requireID(), name: staff.fullName, isOutsideTrainer: staff.isOutsideTrainer,
                    position: staff.position,
                    organizations: staff.organizations.sorted { $0.sortKey < $1.sortKey }.map(\.shortName),
                    subjects: staff.subjects.sorted { $0.sortKey < $1.sortKey }.map(\.name),
                    category: QualificationCategory(rawValue: staff.category))
            },
            total: total, canCreate: try newResourceAllowed(req)
        ).list
    }

    func newResourceAllowed(_ req: Request) throws -> Bool { req.can(.create, try newResource(req)) }

    /// Staff the user may see, filtered and paged in the database (shared with the API).
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> ([StaffMember], Int) {
        let visible = try RegistrySupport.visibleOrganizations(req, municipalityID: municipalityID) {
            .staff(orgs: [$0], municipalityID: municipalityID)
        }
        if let visible, visible.isEmpty { throw AppError.forbidden }
        var builder = StaffMember.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        var orgFilter: [UUID]? = visible.map(Array.init)
        if let org = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            orgFilter = (orgFilter ?? [org]).filter { $0 == org }
        }
        if let orgFilter {
            let ids = try await StaffOrganization.query(on: req.db).filter(\.$organization.$id ~~ orgFilter).all().map {
                $0.$staff.id
            }
            builder = builder.filter(\.$id ~~ ids)
        }
        if let subject = query.filters["subject"].flatMap(UUID.init(uuidString:)) {
            let ids = try await StaffSubject.query(on: req.db).filter(\.$subject.$id == subject).all().map {
                $0.$staff.id
            }
            builder = builder.filter(\.$id ~~ ids)
        }
        if let trainer = query.filters["trainer"], trainer == "yes" || trainer == "no" {
            builder = builder.filter(\.$isOutsideTrainer == (trainer == "yes"))
        }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        builder =
            query.sort == "position" ? builder.sort(\.$position, dir).sort(\.$sortKey) : builder.sort(\.$sortKey, dir)
        return try await builder.with(\.$organizations).with(\.$subjects).paged(query)
    }

    func resource(_ record: StaffMember, on db: any Database) async throws -> Resource {
        let orgs = record.id == nil ? (record.$organizations.value ?? []) : try await record.$organizations.get(on: db)
        // The person reads their own card (and the API's teacher) too.
        return .staffMember(orgs: orgs.map(\.ref), userID: record.$user.id, municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        let municipalityID = try RegistrySupport.municipality(req)
        return .staff(
            orgs: [
                try RegistrySupport.creatableOrganization(req) { .staff(orgs: [$0], municipalityID: municipalityID) }
            ],
            municipalityID: municipalityID)
    }
    func title(_ record: StaffMember) -> String { record.fullName }
    func scope(_ record: StaffMember) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, record.$organizations.value?.first?.id)
    }

    func card(_ record: StaffMember, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let orgs = try await record.$organizations.get(on: req.db)
        let subjects = try await record.$subjects.get(on: req.db)
        let work = try await TeacherWork.load(record, req: req)
        let development = try await TeacherWork.development(record, req: req)
        let page = StaffCardPage(
            name: record.fullName, position: record.position,
            category: QualificationCategory(rawValue: record.category), isOutsideTrainer: record.isOutsideTrainer,
            subjects: subjects.map(\.name).sorted(), phone: record.phone, email: record.email,
            places: try orgs.map { .init(id: try $0.requireID(), name: $0.shortName, kind: $0.orgKind) },
            work: work.card, development: development)
        return (page.facts, page.sections, [])
    }

    func extraActions(_ record: StaffMember, req: Request) async throws -> [RegistryCard.Action] {
        let resource = try await DevelopmentScope.resource(of: record, on: req.db)
        guard record.status == RecordStatus.active.rawValue, req.can(.create, resource) else { return [] }
        return [
            .link(
                StaffWords.addCourse,
                SiteURL.new(.development).with([("teacher", try record.requireID().uuidString.lowercased())]),
                primary: false)
        ]
    }

    func fields(_ req: Request, record: StaffMember?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        return StaffFormPage(
            organizations: try await RegistrySupport.writableOrganizations(req, municipalityID: municipalityID) {
                .staff(orgs: [$0], municipalityID: municipalityID)
            },
            subjects: try await RegistrySupport.subjectOptions(municipalityID, on: req.db)
        ).fields
    }

    func values(_ record: StaffMember, req: Request) async throws -> FormValues {
        let orgs = try await record.$organizations.get(on: req.db)
        let subjects = try await record.$subjects.get(on: req.db)
        return FormValues([
            "surname": [record.surname], "givenName": [record.givenName], "patronymic": [record.patronymic ?? ""],
            "position": [record.position], "category": [record.category],
            "organizations": try orgs.map { try $0.requireID().uuidString.lowercased() },
            "trainer": record.isOutsideTrainer ? ["yes"] : [],
            "subjects": try subjects.map { try $0.requireID().uuidString.lowercased() }, "phone": [record.phone ?? ""],
            "email": [record.email ?? ""],
        ])
    }

    func apply(_ form: FormValues, to record: StaffMember, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let surname = errors.personName("surname", form["surname"], required: true) ?? ""
        let given = errors.personName("givenName", form["givenName"], required: true) ?? ""
        let patronymic = errors.personName("patronymic", form["patronymic"], required: false)
        let position = errors.required("position", form["position"], max: 200)
        let category = QualificationCategory(rawValue: form["category"] ?? "none")
        if category == nil { errors.add("category", StaffWords.categoryFromList) }
        let phone = errors.phone("phone", form["phone"])
        let email = errors.email("email", form["email"])
        let subjects = try await RegistrySupport.subjects(
            Array(Set(form.all("subjects"))), field: "subjects", municipalityID: municipalityID, required: false,
            errors: &errors,
            on: req.db)
        // Places of work: what the user chose among organisations they may edit, plus those they may not touch.
        var chosen: [Organization] = []
        for raw in Array(Set(form.all("organizations"))).sorted() {
            if let org = try await RegistrySupport.organization(
                raw, field: "organizations", municipalityID: municipalityID, errors: &errors, on: req.db)
            {
                if req.can(.update, .staff(orgs: [org.ref], municipalityID: municipalityID)) {
                    chosen.append(org)
                } else {
                    errors.add("organizations", StaffWords.notYourOrganization(org.shortName))
                }
            }
        }
        let existing = isNew ? [] : try await record.$organizations.get(on: req.db)
        let kept = existing.filter { !req.can(.update, .staff(orgs: [$0.ref], municipalityID: municipalityID)) }
        let orgs = kept + chosen
        let trainer = form.all("trainer").contains("yes")
        if orgs.isEmpty && !trainer {
            errors.add("organizations", StaffWords.placeOrTrainer)
        }
        guard errors.isEmpty, let category else { return nil }
        record.$municipality.id = municipalityID
        record.surname = surname
        record.givenName = given
        record.patronymic = patronymic
        record.position = position
        record.category = category.rawValue
        record.isOutsideTrainer = trainer
        record.phone = phone
        record.email = email
        record.searchKey = TextKey.search(surname, given, patronymic, position)
        record.sortKey = TextKey.sort([surname, given, patronymic ?? ""].joined(separator: " "))
        record.$organizations.value = orgs
        let orgIDs = orgs.compactMap(\.id)
        let subjectIDs = subjects.compactMap(\.id)
        return { db in
            let id = try record.requireID()
            try await StaffOrganization.query(on: db).filter(\.$staff.$id == id).delete()
            try await StaffSubject.query(on: db).filter(\.$staff.$id == id).delete()
            for organizationID in orgIDs {
                let link = StaffOrganization()
                link.$staff.id = id
                link.$organization.id = organizationID
                try await link.create(on: db)
            }
            for subjectID in subjectIDs {
                let link = StaffSubject()
                link.$staff.id = id
                link.$subject.id = subjectID
                try await link.create(on: db)
            }
        }
    }

    func auditFields(_ record: StaffMember, on db: any Database) async throws -> [String: String] {
        let orgs = try await StaffOrganization.query(on: db).filter(\.$staff.$id == record.id ?? UUID()).with(
            \.$organization
        ).all()
        let subjects = try await StaffSubject.query(on: db).filter(\.$staff.$id == record.id ?? UUID()).with(\.$subject)
            .all()
        return StaffWords.audit(
            name: record.fullName, position: record.position,
            category: QualificationCategory(rawValue: record.category), isOutsideTrainer: record.isOutsideTrainer,
            organizations: orgs.map(\.organization.shortName).sorted(), subjects: subjects.map(\.subject.name).sorted(),
            phone: record.phone, email: record.email)
    }
}
