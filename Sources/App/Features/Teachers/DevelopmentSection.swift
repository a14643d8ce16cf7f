import Domain
import Fluent
import Vapor
import Views

/// Teachers' professional development — the plan-schedule (issue 23, item 2; `004_5209da8e0aa92458.txt`, second
/// year §3; the methodological service «обеспечивает повышение квалификации педагогов», `001_4390f67d15d9225c.txt`
/// §2.5.3): courses by year, state, trip and place of work; a card; kept by those who run the municipality for
/// anyone, by a centre's head or a school's administration for their own people; a teacher reads their own.
/// Archiving cancels a course.
struct DevelopmentSection: RegistrySection {
    typealias Record = DevelopmentCourse
    let area = Registry.development
    let entityType = "professional_development"
    let noun = DevelopmentWords.noun
    let newTitle = DevelopmentWords.newTitle
    let archiveConsequence = DevelopmentWords.archiveConsequence
    /// The card says the course's state («Запланировано», «Пройдено», «Отменено») among its facts.
    let showsStatus = false

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["year", "state", "trip", "organization"], sorts: ["date", "teacher"], defaultSort: "date",
            search: true)
    }

    static let choices: [String: [String]] = [
        "state": DevelopmentStatus.allCases.map(\.rawValue), "trip": DevelopmentTrip.allCases.map(\.rawValue),
    ]

    /// The years a list offers: three back, one ahead.
    static func years(today: CivilDay) -> [Int] { Array((today.ymd.year - 3)...(today.ymd.year + 1)) }

    /// A year filter's value: 400 on the API for anything but a year.
    static func year(_ query: ListQuery, req: Request) throws -> Int? {
        guard let raw = query.filters["year"] else { return nil }
        guard let year = Int(raw), (2000...2100).contains(year) else {
            if req.isAPI { throw AppError.badRequest(DevelopmentWords.yearShape) }
            return nil
        }
        return year
    }

    /// The courses of the list's filters the user sees, a page of them with their teachers (shared with the API).
    static func query(
        _ query: ListQuery, municipalityID: UUID, today: CivilDay, scope: DevelopmentScope, req: Request
    ) async throws -> ([DevelopmentCourse], Int) {
        var builder = DevelopmentCourse.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        var staffIDs = scope.staffIDs
        if let raw = query.filters["organization"], UUID(uuidString: raw) == nil, req.isAPI {
            throw AppError.badRequest(RegistryWords.badOrganization)
        }
        if let organization = query.filters["organization"].flatMap(UUID.init(uuidString:)) {
            let there = Set(
                try await StaffOrganization.query(on: req.db).filter(\.$organization.$id == organization).all()
                    .map { $0.$staff.id })
            staffIDs = staffIDs.map { $0.intersection(there) } ?? there
        }
        if let staffIDs { builder = builder.filter(\.$staff.$id ~~ Array(staffIDs)) }
        if let year = try Self.year(query, req: req),
            let first = CivilDay(year: year, month: 1, day: 1), let last = CivilDay(year: year, month: 12, day: 31)
        {
            builder = builder.filter(\.$startsOn >= first.number).filter(\.$startsOn <= last.number)
        }
        let active = RecordStatus.active.rawValue
        switch query.filters["state"].flatMap(DevelopmentStatus.init(rawValue:)) {
        case .cancelled: builder = builder.filter(\.$status != active)
        case .done: builder = builder.filter(\.$status == active).filter(\.$isCompleted == true)
        case .underway:
            builder = builder.filter(\.$status == active).filter(\.$isCompleted == false)
                .filter(\.$startsOn <= today.number).filter(\.$endsOn >= today.number)
        case .unmarked:
            builder = builder.filter(\.$status == active).filter(\.$isCompleted == false)
                .filter(\.$endsOn < today.number)
        case .planned:
            builder = builder.filter(\.$status == active).filter(\.$isCompleted == false)
                .filter(\.$startsOn > today.number)
        case nil: break
        }
        if let trip = query.filters["trip"] { builder = builder.filter(\.$trip == trip) }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        if query.sort == "teacher" {
            builder = builder.join(StaffMember.self, on: \DevelopmentCourse.$staff.$id == \StaffMember.$id)
                .sort(StaffMember.self, \.$sortKey, dir).sort(\.$startsOn)
        } else {
            builder = builder.sort(\.$startsOn, dir)
        }
        return try await builder.sort(\.$id).with(\.$staff).paged(query)
    }

    static func row(_ course: DevelopmentCourse, today: CivilDay) throws -> DevelopmentRow {
        DevelopmentRow(
            id: try course.requireID(), teacherID: course.$staff.id, teacher: course.staff.fullName,
            course: course.course, provider: course.provider, hours: course.hours, from: course.firstDay,
            to: course.lastDay, trip: course.developmentTrip, status: course.developmentStatus(today: today),
            certificate: course.certificate)
    }

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = Self.listQuery(req)
        let today = try await PlanBoard.today(req)
        let scope = try await DevelopmentScope.of(req, municipalityID: municipalityID)
        let (rows, total) = try await Self.query(
            query, municipalityID: municipalityID, today: today, scope: scope, req: req)
        let options = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            scope.organizations?.contains(UUID(uuidString: $0.value)!) ?? true
        }
        return DevelopmentListPage(
            query: query, years: Self.years(today: today), organizations: options,
            rows: try rows.map { try Self.row($0, today: today) }, total: total,
            canCreate: (try? newResource(req)).map { req.can(.create, $0) } ?? false,
            canSeeDue: scope.organizations == nil || !(scope.organizations ?? []).isEmpty
        ).list
    }

    func resource(_ record: DevelopmentCourse, on db: any Database) async throws -> Resource {
        guard let staff = try await StaffMember.find(record.$staff.id, on: db) else { throw AppError.forbidden }
        return try await DevelopmentScope.resource(of: staff, on: db)
    }
    func newResource(_ req: Request) throws -> Resource {
        let municipalityID = try RegistrySupport.municipality(req)
        return .development(
            orgs: [
                try RegistrySupport.creatableOrganization(req) {
                    DevelopmentScope.resource(orgs: [$0], teacherUserID: nil, municipalityID: municipalityID)
                }
            ], teacherUserID: nil, municipalityID: municipalityID)
    }
    func title(_ record: DevelopmentCourse) -> String { record.course }
    func scope(_ record: DevelopmentCourse) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ record: DevelopmentCourse, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let today = try await PlanBoard.today(req)
        try await record.$staff.load(on: req.db)
        let row = try Self.row(record, today: today)
        let page = DevelopmentCardPage(row: row, note: record.note)
        return (page.facts, [], row.status == .unmarked ? [DevelopmentWords.notMarked] : [])
    }

    func fields(_ req: Request, record: DevelopmentCourse?) async throws -> [FieldSpec] {
        let municipalityID = try record?.$municipality.id ?? RegistrySupport.municipality(req)
        return DevelopmentFormPage(
            teachers: try await DevelopmentScope.teacherOptions(
                req, municipalityID: municipalityID, keeping: record?.$staff.id)
        ).fields
    }

    func newValues(_ req: Request) async throws -> FormValues {
        var values = FormValues(single: ["trip": DevelopmentTrip.none.rawValue, "completed": "no"])
        // «Добавить курс» from a staff card comes with the teacher chosen.
        if let teacher = req.query[String.self, at: "teacher"] { values["teacher"] = teacher }
        return values
    }

    func values(_ record: DevelopmentCourse, req: Request) async throws -> FormValues {
        FormValues(single: [
            "teacher": record.$staff.id.uuidString.lowercased(), "course": record.course,
            "provider": record.provider, "hours": String(record.hours), "startsOn": record.firstDay.formatted,
            "endsOn": record.endsOn == record.startsOn ? "" : record.lastDay.formatted, "trip": record.trip,
            "completed": record.isCompleted ? "yes" : "no", "certificate": record.certificate ?? "",
            "note": record.note ?? "",
        ])
    }

    func apply(_ form: FormValues, to record: DevelopmentCourse, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        guard
            let input = try await DevelopmentInput.read(form, record: isNew ? nil : record, req: req, errors: &errors),
            errors.isEmpty
        else { return nil }
        input.apply(to: record, municipalityID: municipalityID)
        return { _ in }
    }

    func auditFields(_ record: DevelopmentCourse, on db: any Database) async throws -> [String: String] {
        typealias F = DevelopmentWords.Field
        return [
            F.teacher: try await StaffMember.find(record.$staff.id, on: db)?.fullName ?? "", F.course: record.course,
            F.provider: record.provider, F.hours: String(record.hours),
            F.dates: DevelopmentWords.dates(record.firstDay, record.lastDay), F.trip: record.developmentTrip.title,
            F.completed: DevelopmentWords.yesNo(record.isCompleted), F.certificate: record.certificate ?? "",
            F.note: record.note ?? "",
        ]
    }
}
