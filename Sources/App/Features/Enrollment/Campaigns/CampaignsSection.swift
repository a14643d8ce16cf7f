import Domain
import Fluent
import Vapor
import Views

/// Enrolment campaigns (issue 3): the КМЦ opens a window for agreed programmes, sets the mode and how many courses a
/// student may get; students and guardians apply with an ИУП while it is open.
struct CampaignsSection: RegistrySection {
    typealias Record = EnrollmentCampaign
    let area = Registry.campaigns
    let entityType = "campaign"
    let noun = "Кампания записи"
    let newTitle = "Новая кампания записи"
    let archiveConsequence = "Кампания пропадёт из списка открытых; поданные заявки и записи сохранятся."

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let zone = try await RegistrySupport.zone(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["status"], sorts: ["opens", "name"], defaultSort: "opens", defaultFilters: [:])
        var b = EnrollmentCampaign.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
        b =
            query.sort == "name"
            ? b.sort(\.$sortKey, query.descending ? .descending : .ascending)
            : b.sort(\.$opensAt, query.descending ? .ascending : .descending)
        let (rows, total) = try await b.sort(\.$id).paged(query)
        let counts = try await Self.applicationCounts(rows.compactMap(\.id), on: req.db)
        let now = Date()
        return RegistryList(
            title: "Кампании записи", area: area, query: query, filters: [CommonFilters.search, CommonFilters.status],
            columns: [
                Column("Кампания", sort: "name"), Column("Приём заявок", sort: "opens"), Column("Порядок"),
                Column("Курсов на ученика"), Column("Заявок"), Column("Сейчас"),
            ],
            rows: try rows.map { c in
                [
                    .link(c.title, SiteURL.record(area, try c.requireID()).path),
                    .text(
                        RuDate.formatDateTime(c.opensAt, timeZone: zone) + " — "
                            + RuDate.formatDateTime(c.closesAt, timeZone: zone)),
                    .text(c.campaignMode.title), .text(String(c.maxCourses)),
                    .text(String(counts[try c.requireID()] ?? 0)),
                    Self.phase(c, now: now),
                ]
            },
            total: total, noun: ("кампания", "кампании", "кампаний"),
            createTitle: req.can(.create, .reference(municipalityID: municipalityID)) ? "Открыть кампанию" : nil,
            emptyText: "Кампаний записи пока нет.")
    }

    static func phase(_ c: EnrollmentCampaign, now: Date) -> Cell {
        if c.status != RecordStatus.active.rawValue { return .badge(.archived) }
        if now < c.opensAt { return .tag("ещё не начата", "draft") }
        if c.isOpen(at: now) { return .tag("идёт приём заявок", "signed") }
        if c.campaignMode == .ranked && c.distributedAt == nil { return .tag("ждёт распределения", "expiring") }
        return .tag("завершена", "expired")
    }

    static func applicationCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            grouping: try await CourseApplication.query(on: db).filter(\.$campaign.$id ~~ ids).all(),
            by: { $0.$campaign.id }
        ).mapValues(\.count)
    }

    func resource(_ record: EnrollmentCampaign, on db: any Database) async throws -> Resource {
        .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: EnrollmentCampaign) -> String { record.title }
    func scope(_ record: EnrollmentCampaign) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ c: EnrollmentCampaign, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let zone = try await RegistrySupport.zone(req)
        let programs = try await c.$programs.query(on: req.db).with(\.$organization).sort(\.$sortKey).all()
        let groups = try await StudyGroup.query(on: req.db).filter(\.$program.$id ~~ programs.compactMap(\.id)).filter(
            \.$status == RecordStatus.active.rawValue
        )
        .with(\.$program).with(\.$organization).sort(\.$name).all()
        let apps = try await CourseApplication.query(on: req.db).filter(try \.$campaign.$id == c.requireID()).with(
            \.$student
        ).with(
            \.$school
        ).all()
        let byState = Dictionary(grouping: apps, by: \.state).mapValues(\.count)
        var facts: [(String, String)] = [
            (
                "Приём заявок",
                "с " + RuDate.formatDateTime(c.opensAt, timeZone: zone) + " до "
                    + RuDate.formatDateTime(c.closesAt, timeZone: zone)
            ),
            ("Порядок распределения", c.campaignMode.title), ("Курсов на одного обучающегося", String(c.maxCourses)),
            ("Можно указать курсов в ИУП", String(CampaignRules.choiceSlots(maxCourses: c.maxCourses))),
        ]
        if c.campaignMode == .firstCome {
            facts.append(
                (
                    "Срок подтверждения",
                    RussianPlural.count(c.confirmDays, "день", "дня", "дней")
                        + " после подачи: иначе место освобождается"
                ))
        }
        facts.append(
            (
                "Заявок",
                ApplicationState.allCases.compactMap { s in byState[s.rawValue].map { "\(s.title): \($0)" } }.joined(
                    separator: "; "
                ).nonEmpty ?? "нет"
            ))
        if let seed = c.seed {
            facts.append(
                (
                    "Распределение",
                    (c.distributedAt.map { RuDate.formatDateTime($0, timeZone: zone) } ?? "")
                        + (c.distributedBy.map { ", \($0)" } ?? "")
                ))
            facts.append(("Зерно жеребьёвки", seed))
        }
        var sections = [
            RegistryCard.Section(
                title: "Курсы кампании", columns: ["Группа", "Программа", "Ресурсный центр", "Классы", "Места"],
                rows: try groups.map { g in
                    [
                        .link(g.name, SiteURL.record(.groups, try g.requireID()).path), .text(g.program.title),
                        .text(g.organization.shortName),
                        .text("\(g.program.gradeFrom)–\(g.program.gradeTo)"),
                        .text("занято \(g.enrolledCount) из \(g.capacity)"),
                    ]
                }, emptyText: "У программ кампании нет открытых групп.")
        ]
        if let order = c.lotteryOrder, req.can(.update, .reference(municipalityID: c.$municipality.id)) {
            let byID = Dictionary(
                try apps.map { (try $0.requireID().uuidString.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            let choiceRows = try await ApplicationChoice.query(on: req.db).filter(
                \.$application.$id ~~ apps.compactMap(\.id)
            ).with(\.$group).all()
            let choices = Dictionary(grouping: choiceRows, by: { $0.$application.id })
            sections.append(
                RegistryCard.Section(
                    title: "Порядок жеребьёвки", columns: ["№", "Обучающийся", "Школа", "Результат"],
                    rows: try order.split(separator: ",").enumerated().compactMap { i, id in
                        guard let a = byID[String(id)] else { return nil }
                        let got = (choices[try a.requireID()] ?? []).sorted { $0.rank < $1.rank }.filter {
                            $0.outcome == "enrolled" || $0.outcome == "waitlisted"
                        }
                        .map { "\($0.group.name): \($0.outcome == "enrolled" ? "зачислен(а)" : "лист ожидания")" }
                        return [
                            .text(String(i + 1)), .text(a.student.fullName), .text(a.school.shortName),
                            .text(got.isEmpty ? "без места" : got.joined(separator: "; ")),
                        ]
                    }, emptyText: ""))
        }
        var warnings: [String] = []
        if c.campaignMode == .ranked && c.distributedAt == nil && Date() >= c.closesAt {
            warnings.append(
                "Приём заявок закрыт: нажмите «Распределить», чтобы провести жеребьёвку и распределить места.")
        }
        return (facts, sections, warnings)
    }

    func fields(_ req: Request, record: EnrollmentCampaign?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        let programs = try await NetworkProgram.query(on: req.db).filter(\.$approval == ProgramApproval.agreed.rawValue)
            .filter(\.$status == RecordStatus.active.rawValue).join(
                Organization.self, on: \NetworkProgram.$organization.$id == \Organization.$id
            )
            .filter(Organization.self, \.$municipality.$id == municipalityID).with(\.$organization).sort(\.$sortKey)
            .all()
        return [
            FieldSpec(
                "title", "Название", required: true, hint: "Например: «Запись на сетевые курсы, 2026/2027 учебный год»."
            ),
            FieldSpec(
                "academicYear", "Учебный год",
                .select(try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) }, empty: nil),
                required: true),
            FieldSpec("opensOn", "Приём открывается: дата", .date, required: true),
            FieldSpec("opensTime", "время", hint: "чч:мм, например 09:00"),
            FieldSpec("closesOn", "Приём закрывается: дата", .date, required: true),
            FieldSpec("closesTime", "время", hint: "чч:мм; по умолчанию 23:59"),
            FieldSpec(
                "mode", "Порядок распределения",
                .select(CampaignMode.allCases.map { ($0.rawValue, $0.title) }, empty: nil), required: true),
            FieldSpec("maxCourses", "Сколько курсов может получить обучающийся", .number, required: true),
            FieldSpec(
                "confirmDays", "Дней на подтверждение (порядок подачи)", .number, required: true,
                hint: "За это время родитель и школа подтверждают заявку, иначе удержанное место освобождается."),
            FieldSpec(
                "programs", "Программы",
                .checkboxes(
                    try programs.map {
                        (
                            try $0.requireID().uuidString.lowercased(),
                            "\($0.title) — \($0.organization.shortName), \($0.gradeFrom)–\($0.gradeTo) кл."
                        )
                    }),
                required: true, hint: "Только согласованные КМЦ программы."),
        ]
    }

    func values(_ c: EnrollmentCampaign, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        let programs = try await c.$programs.query(on: req.db).all()
        return FormValues([
            "title": [c.title], "academicYear": [c.$academicYear.id.uuidString.lowercased()],
            "opensOn": [RuDate.format(c.opensAt, timeZone: zone)],
            "opensTime": [RuDate.time(c.opensAt, timeZone: zone)],
            "closesOn": [RuDate.format(c.closesAt, timeZone: zone)],
            "closesTime": [RuDate.time(c.closesAt, timeZone: zone)],
            "mode": [c.mode], "maxCourses": [String(c.maxCourses)], "confirmDays": [String(c.confirmDays)],
            "programs": try programs.map { try $0.requireID().uuidString.lowercased() },
        ])
    }

    func apply(_ form: FormValues, to c: EnrollmentCampaign, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : c.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        let title = errors.required("title", form["title"], max: 200)
        var year: AcademicYear?
        if let id = form["academicYear"].flatMap(UUID.init(uuidString:)) {
            year = try await AcademicYear.find(id, on: req.db)
        }
        if year == nil || year?.$municipality.id != municipalityID {
            errors.add("academicYear", "Выберите учебный год.")
        }
        func moment(_ dateKey: String, _ timeKey: String, defaultTime: String) -> Date? {
            let time = (form[timeKey] ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? defaultTime : form[timeKey]!
            guard let d = errors.date(dateKey, form[dateKey], timeZone: zone, required: true) else { return nil }
            guard let t = RuDate.parse(RuDate.format(d, timeZone: zone), time: time, timeZone: zone) else {
                errors.add(timeKey, "Время в виде чч:мм, например 09:00.")
                return nil
            }
            return t
        }
        let opens = moment("opensOn", "opensTime", defaultTime: "00:00")
        let closes = moment("closesOn", "closesTime", defaultTime: "23:59")
        CampaignRules.validateWindow(opens: opens, closes: closes, errors: &errors)
        var mode: CampaignMode?
        if let raw = form["mode"] {
            mode = errors.choice("mode", raw, as: CampaignMode.self)
        } else {
            errors.add("mode", "Выберите значение.")
        }
        let maxCourses = errors.integer("maxCourses", form["maxCourses"], range: 1...5, required: true)
        let confirmDays = errors.integer("confirmDays", form["confirmDays"], range: 1...30, required: true)
        let ids = form.all("programs").compactMap(UUID.init(uuidString:))
        let programs =
            ids.isEmpty
            ? []
            : try await NetworkProgram.query(on: req.db).filter(\.$id ~~ ids).with(\.$organization).all()
                .filter {
                    $0.organization.$municipality.id == municipalityID && $0.approval == ProgramApproval.agreed.rawValue
                }
        if programs.isEmpty { errors.add("programs", "Отметьте хотя бы одну согласованную программу.") }
        if !isNew, c.distributedAt != nil { errors.add("mode", "Места уже распределены: кампанию изменить нельзя.") }
        if !isNew, c.campaignMode != mode,
            try await CourseApplication.query(on: req.db).filter(try \.$campaign.$id == c.requireID()).count() > 0
        {
            errors.add("mode", "Заявки уже поданы: порядок распределения менять нельзя.")
        }
        guard errors.isEmpty, let year, let opens, let closes, let mode, let maxCourses, let confirmDays else {
            return nil
        }
        c.$municipality.id = municipalityID
        c.$academicYear.id = try year.requireID()
        c.title = title
        c.opensAt = opens
        c.closesAt = closes
        c.mode = mode.rawValue
        c.maxCourses = maxCourses
        c.confirmDays = confirmDays
        c.searchKey = TextKey.search(title)
        c.sortKey = TextKey.sort(title)
        let programIDs = programs.compactMap(\.id)
        return { db in
            let id = try c.requireID()
            try await CampaignProgram.query(on: db).filter(\.$campaign.$id == id).delete()
            for p in programIDs {
                let l = CampaignProgram()
                l.$campaign.id = id
                l.$program.id = p
                try await l.create(on: db)
            }
        }
    }

    func auditFields(_ c: EnrollmentCampaign, on db: any Database) async throws -> [String: String] {
        let zone = try await MunicipalClock.zone(c.$municipality.id, on: db)
        let programs = try await CampaignProgram.query(on: db).filter(\.$campaign.$id == c.id ?? UUID()).with(
            \.$program
        ).all()
        return [
            "Название": c.title,
            "Приём": RuDate.formatDateTime(c.opensAt, timeZone: zone) + " — "
                + RuDate.formatDateTime(c.closesAt, timeZone: zone),
            "Порядок": c.campaignMode.title, "Курсов": String(c.maxCourses),
            "Дней на подтверждение": String(c.confirmDays),
            "Программы": programs.map(\.program.title).sorted().joined(separator: ", "),
        ]
    }

    func isEditable(_ record: EnrollmentCampaign) -> Bool { record.distributedAt == nil }

    func extraActions(_ c: EnrollmentCampaign, req: Request) async throws -> [RegistryCard.Action] {
        guard c.campaignMode == .ranked, c.distributedAt == nil, Date() >= c.closesAt,
            c.status == RecordStatus.active.rawValue,
            req.can(.update, .reference(municipalityID: c.$municipality.id))
        else { return [] }
        return [.link("Распределить…", SiteURL.record(area, try c.requireID()).path + "/distribute", primary: true)]
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
