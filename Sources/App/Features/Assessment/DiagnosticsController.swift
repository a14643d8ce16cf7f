import Domain
import Fluent
import Vapor
import Views

/// Diagnostic monitoring (`000_5375b2a087477e6d.txt` §4.6): a centre defines diagnostic works for a group (name,
/// date, maximum score) and records the scores; the group's page shows their distribution. Who marks the journal
/// records them; who reads it reads them.
struct DiagnosticsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("groups", ":id", "diagnostics", use: index)
        routes.get("groups", ":id", "diagnostics", "new", use: newForm)
        routes.post("groups", ":id", "diagnostics", "new", use: create)
        routes.get("diagnostics", ":id", use: scores)
        routes.post("diagnostics", ":id", use: saveScores)
    }

    var active: MenuArea { .registry(.groups) }

    static func load(_ req: Request, groupID: UUID, _ action: Domain.Action) async throws -> (
        ScheduledGroup, Resource
    ) {
        let scheduledGroup = try await ScheduledGroup.load(req, groupID: groupID, .read)
        let resource = Resource.journal(
            center: scheduledGroup.center.ref, teacherUserID: scheduledGroup.group.teacher?.$user.id)
        try req.authorize(action, resource)
        return (scheduledGroup, resource)
    }

    func index(req: Request) async throws -> Response {
        let (scheduledGroup, resource) = try await Self.load(req, groupID: try req.idParameter(), .read)
        let works = try await DiagnosticWork.query(on: req.db).filter(
            try \.$group.$id == scheduledGroup.group.requireID()
        ).sort(
            \.$workDay
        )
        .all()
        var items: [DiagnosticsPage.Work] = []
        for work in works {
            let scores = try await DiagnosticScore.query(on: req.db).filter(try \.$work.$id == work.requireID()).all()
                .map(
                    \.score)
            items.append(
                .init(
                    title: work.title, date: CivilDay(number: work.workDay).formatted, maxScore: work.maxScore,
                    url: "/diagnostics/\(try work.requireID().uuidString.lowercased())",
                    distribution: ScoreDistribution(scores: scores, maxScore: work.maxScore)))
        }
        let base = SiteURL.record(.groups, try scheduledGroup.group.requireID()).path
        let page = DiagnosticsPage(
            title: AssessmentWords.Diagnostics.title(scheduledGroup.group.name),
            crumbs: AssessmentWords.crumbs(group: scheduledGroup.group.name, url: base),
            newURL: req.can(.update, resource) ? base + "/diagnostics/new" : nil, works: items)
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func newPage(_ scheduledGroup: ScheduledGroup, values: FormValues, errors: FieldErrors = FieldErrors())
        throws -> RegistryForm
    {
        let base = SiteURL.record(.groups, try scheduledGroup.group.requireID()).path
        return DiagnosticWorkFormPage(
            group: scheduledGroup.group.name, diagnosticsURL: base + "/diagnostics", values: values, errors: errors
        ).form
    }

    func newForm(req: Request) async throws -> Response {
        let (scheduledGroup, _) = try await Self.load(req, groupID: try req.idParameter(), .update)
        return req.render(
            try newPage(
                scheduledGroup,
                values: FormValues(single: ["day": CivilDay(Date(), timeZone: scheduledGroup.zone).formatted])
            ).render(
                await req.pageContext(active: active)))
    }

    func create(req: Request) async throws -> Response {
        let (scheduledGroup, _) = try await Self.load(req, groupID: try req.idParameter(), .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let title = errors.required("title", form["title"], max: 200)
        let day = errors.day("day", form["day"], required: true)
        LessonRules.checkDay(day, window: scheduledGroup.window, field: "day", errors: &errors)
        let max = errors.integer("max", form["max"], range: 1...1000, required: true)
        guard errors.isEmpty, let day, let max else {
            return req.render(
                try newPage(scheduledGroup, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        let work = DiagnosticWork()
        work.$group.id = try scheduledGroup.group.requireID()
        work.title = title
        work.workDay = day.number
        work.maxScore = max
        work.createdAt = Date()
        work.version = 1
        let group = scheduledGroup.group
        let center = scheduledGroup.center
        try await req.application.writeTransaction { db in
            try await work.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "diagnostic_work", entityID: work.id,
                title: AssessmentWords.Diagnostics.auditTitle(group: group.name, work: title),
                municipalityID: center.$municipality.id, organizationID: center.id,
                after: AssessmentWords.Diagnostics.audit(title: title, day: day.formatted, max: max))
        }
        return req.redirect(
            to: "/diagnostics/\(try work.requireID().uuidString.lowercased())",
            flash: AssessmentWords.Diagnostics.added(title))
    }

    func findWork(_ req: Request, _ action: Domain.Action) async throws -> (DiagnosticWork, ScheduledGroup) {
        guard let work = try await DiagnosticWork.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(AssessmentWords.Diagnostics.notFound)
        }
        let (scheduledGroup, _) = try await Self.load(req, groupID: work.$group.id, action)
        return (work, scheduledGroup)
    }

    func scoresPage(
        _ req: Request, _ work: DiagnosticWork, _ scheduledGroup: ScheduledGroup, values: FormValues? = nil,
        errors: FieldErrors = FieldErrors()
    ) async throws -> ScoresPage {
        let students = try await JournalService.groupSummary(scheduledGroup.group, on: req.db).students
        var stored = FormValues()
        for score in try await DiagnosticScore.query(on: req.db).filter(try \.$work.$id == work.requireID()).all() {
            stored["s-" + score.$student.id.uuidString.lowercased()] = String(score.score)
        }
        let mayEdit = req.can(
            .update, .journal(center: scheduledGroup.center.ref, teacherUserID: scheduledGroup.group.teacher?.$user.id))
        return ScoresPage(
            title: work.title,
            crumbs: AssessmentWords.crumbs(
                group: scheduledGroup.group.name,
                url: SiteURL.record(.groups, try scheduledGroup.group.requireID()).path + "/diagnostics"),
            intro: AssessmentWords.Diagnostics.scoresIntro(
                group: scheduledGroup.group.name, day: CivilDay(number: work.workDay).formatted, max: work.maxScore),
            action: mayEdit ? "/diagnostics/\(try work.requireID().uuidString.lowercased())" : nil,
            rows: try students.map {
                .init(
                    studentID: try $0.requireID().uuidString.lowercased(),
                    name: $0.shownName(at: scheduledGroup.center.ref, req: req)
                )
            },
            values: values ?? stored, errors: errors, version: work.version)
    }

    func scores(req: Request) async throws -> Response {
        let (work, scheduledGroup) = try await findWork(req, .read)
        return req.render(try await scoresPage(req, work, scheduledGroup).render(await req.pageContext(active: active)))
    }

    func saveScores(req: Request) async throws -> Response {
        let (work, scheduledGroup) = try await findWork(req, .update)
        let form = RegistrySupport.form(req)
        let students = try await JournalService.groupSummary(scheduledGroup.group, on: req.db).students
        var errors = FieldErrors()
        var scores: [UUID: Int] = [:]
        for student in students {
            let key = try "s-" + student.requireID().uuidString.lowercased()
            if let score = errors.integer(key, form[key], range: 0...work.maxScore, required: false) {
                scores[try student.requireID()] = score
            }
        }
        let known = Set(students.compactMap { $0.id?.uuidString.lowercased() })
        if form.values.keys.contains(where: { $0.hasPrefix("s-") && !known.contains(String($0.dropFirst(2))) }) {
            errors.add(
                "s-" + (students.first?.id?.uuidString.lowercased() ?? "x"),
                AssessmentWords.Diagnostics.unknownStudent)
        }
        guard errors.isEmpty else {
            return req.render(
                try await scoresPage(req, work, scheduledGroup, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let center = scheduledGroup.center
        let saved = scores
        let names = Dictionary(
            try students.map { (try $0.requireID(), $0.surname + " " + $0.givenName) }, uniquingKeysWith: { a, _ in a })
        let expected = form["version"].flatMap(Int.init) ?? -1
        let shown = students.compactMap(\.id)
        do {
            try await req.application.writeTransaction { db in
                // Of two saves from forms made at the same time, the second is refused instead of wiping the first.
                guard
                    try await RegistrySupport.claimVersion(
                        table: DiagnosticWork.schema, id: try work.requireID(), expected: expected, on: db)
                else {
                    var fieldErrors = FieldErrors()
                    fieldErrors.add(
                        "s-" + (shown.first?.uuidString.lowercased() ?? "x"),
                        AssessmentWords.Diagnostics.savedMeanwhile)
                    throw AppError.validation(ValidationFailure(fields: fieldErrors))
                }
                let before = try await DiagnosticScore.query(on: db).filter(try \.$work.$id == work.requireID()).filter(
                    \.$student.$id ~~ shown
                ).all()
                try await DiagnosticScore.query(on: db).filter(try \.$work.$id == work.requireID()).filter(
                    \.$student.$id ~~ shown
                )
                .delete()
                for (sid, score) in saved {
                    let scoreRow = DiagnosticScore()
                    scoreRow.$work.id = try work.requireID()
                    scoreRow.$student.id = sid
                    scoreRow.score = score
                    try await scoreRow.create(on: db)
                }
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "diagnostic_work", entityID: work.id,
                    title: AssessmentWords.Diagnostics.scoresAuditTitle(work.title),
                    municipalityID: center.$municipality.id, organizationID: center.id,
                    before: Dictionary(
                        before.map { (names[$0.$student.id] ?? "?", String($0.score)) }, uniquingKeysWith: { a, _ in a }
                    ),
                    after: Dictionary(
                        saved.map { (names[$0.key] ?? "?", String($0.value)) }, uniquingKeysWith: { a, _ in a }))
            }
        } catch let error as AppError where error.code == "validation" {
            for (field, message) in error.fields { errors.add(field, message) }
            return req.render(
                try await scoresPage(req, work, scheduledGroup, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.record(.groups, try scheduledGroup.group.requireID()).path + "/diagnostics",
            flash: AssessmentWords.Diagnostics.scoresSaved(work.title))
    }
}
