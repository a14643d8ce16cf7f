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
        let t = try await ScheduledGroup.load(req, groupID: groupID, .read)
        let resource = Resource.journal(center: t.center.ref, teacherUserID: t.group.teacher?.$user.id)
        try req.authorize(action, resource)
        return (t, resource)
    }

    func index(req: Request) async throws -> Response {
        let (t, resource) = try await Self.load(req, groupID: try req.idParameter(), .read)
        let works = try await DiagnosticWork.query(on: req.db).filter(try \.$group.$id == t.group.requireID()).sort(
            \.$workDay
        )
        .all()
        var items: [DiagnosticsPage.Work] = []
        for w in works {
            let s = try await DiagnosticScore.query(on: req.db).filter(try \.$work.$id == w.requireID()).all().map(
                \.score)
            items.append(
                .init(
                    title: w.title, date: CivilDay(number: w.workDay).formatted, maxScore: w.maxScore,
                    url: "/diagnostics/\(try w.requireID().uuidString.lowercased())",
                    distribution: ScoreDistribution(scores: s, maxScore: w.maxScore)))
        }
        let base = SiteURL.record(.groups, try t.group.requireID()).path
        let page = DiagnosticsPage(
            title: AssessmentWords.Diagnostics.title(t.group.name),
            crumbs: AssessmentWords.crumbs(group: t.group.name, url: base),
            newURL: req.can(.update, resource) ? base + "/diagnostics/new" : nil, works: items)
        return req.render(page.render(await req.pageContext(active: active)))
    }

    func newPage(_ t: ScheduledGroup, values: FormValues, errors: FieldErrors = FieldErrors())
        throws -> RegistryForm
    {
        let base = SiteURL.record(.groups, try t.group.requireID()).path
        return DiagnosticWorkFormPage(
            group: t.group.name, diagnosticsURL: base + "/diagnostics", values: values, errors: errors
        ).form
    }

    func newForm(req: Request) async throws -> Response {
        let (t, _) = try await Self.load(req, groupID: try req.idParameter(), .update)
        return req.render(
            try newPage(t, values: FormValues(single: ["day": CivilDay(Date(), timeZone: t.zone).formatted])).render(
                await req.pageContext(active: active)))
    }

    func create(req: Request) async throws -> Response {
        let (t, _) = try await Self.load(req, groupID: try req.idParameter(), .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let title = errors.required("title", form["title"], max: 200)
        let day = errors.day("day", form["day"], required: true)
        LessonRules.checkDay(day, window: t.window, field: "day", errors: &errors)
        let max = errors.integer("max", form["max"], range: 1...1000, required: true)
        guard errors.isEmpty, let day, let max else {
            return req.render(
                try newPage(t, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        let w = DiagnosticWork()
        w.$group.id = try t.group.requireID()
        w.title = title
        w.workDay = day.number
        w.maxScore = max
        w.createdAt = Date()
        w.version = 1
        let g = t.group
        let center = t.center
        try await req.application.writeTransaction { db in
            try await w.create(on: db)
            try await Audit.record(
                on: db, req: req, action: .create, entityType: "diagnostic_work", entityID: w.id,
                title: AssessmentWords.Diagnostics.auditTitle(group: g.name, work: title),
                municipalityID: center.$municipality.id, organizationID: center.id,
                after: AssessmentWords.Diagnostics.audit(title: title, day: day.formatted, max: max))
        }
        return req.redirect(
            to: "/diagnostics/\(try w.requireID().uuidString.lowercased())",
            flash: AssessmentWords.Diagnostics.added(title))
    }

    func findWork(_ req: Request, _ action: Domain.Action) async throws -> (DiagnosticWork, ScheduledGroup) {
        guard let w = try await DiagnosticWork.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(AssessmentWords.Diagnostics.notFound)
        }
        let (t, _) = try await Self.load(req, groupID: w.$group.id, action)
        return (w, t)
    }

    func scoresPage(
        _ req: Request, _ w: DiagnosticWork, _ t: ScheduledGroup, values: FormValues? = nil,
        errors: FieldErrors = FieldErrors()
    ) async throws -> ScoresPage {
        let students = try await JournalService.groupSummary(t.group, on: req.db).students
        var v = FormValues()
        for s in try await DiagnosticScore.query(on: req.db).filter(try \.$work.$id == w.requireID()).all() {
            v["s-" + s.$student.id.uuidString.lowercased()] = String(s.score)
        }
        let mayEdit = req.can(.update, .journal(center: t.center.ref, teacherUserID: t.group.teacher?.$user.id))
        return ScoresPage(
            title: w.title,
            crumbs: AssessmentWords.crumbs(
                group: t.group.name, url: SiteURL.record(.groups, try t.group.requireID()).path + "/diagnostics"),
            intro: AssessmentWords.Diagnostics.scoresIntro(
                group: t.group.name, day: CivilDay(number: w.workDay).formatted, max: w.maxScore),
            action: mayEdit ? "/diagnostics/\(try w.requireID().uuidString.lowercased())" : nil,
            rows: try students.map {
                .init(
                    studentID: try $0.requireID().uuidString.lowercased(),
                    name: $0.shownName(at: t.center.ref, req: req)
                )
            },
            values: values ?? v, errors: errors, version: w.version)
    }

    func scores(req: Request) async throws -> Response {
        let (w, t) = try await findWork(req, .read)
        return req.render(try await scoresPage(req, w, t).render(await req.pageContext(active: active)))
    }

    func saveScores(req: Request) async throws -> Response {
        let (w, t) = try await findWork(req, .update)
        let form = RegistrySupport.form(req)
        let students = try await JournalService.groupSummary(t.group, on: req.db).students
        var errors = FieldErrors()
        var scores: [UUID: Int] = [:]
        for s in students {
            let k = try "s-" + s.requireID().uuidString.lowercased()
            if let n = errors.integer(k, form[k], range: 0...w.maxScore, required: false) {
                scores[try s.requireID()] = n
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
                try await scoresPage(req, w, t, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .unprocessableEntity)
        }
        let center = t.center
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
                        table: DiagnosticWork.schema, id: try w.requireID(), expected: expected, on: db)
                else {
                    var e = FieldErrors()
                    e.add(
                        "s-" + (shown.first?.uuidString.lowercased() ?? "x"),
                        AssessmentWords.Diagnostics.savedMeanwhile)
                    throw AppError.validation(ValidationFailure(fields: e))
                }
                let before = try await DiagnosticScore.query(on: db).filter(try \.$work.$id == w.requireID()).filter(
                    \.$student.$id ~~ shown
                ).all()
                try await DiagnosticScore.query(on: db).filter(try \.$work.$id == w.requireID()).filter(
                    \.$student.$id ~~ shown
                )
                .delete()
                for (sid, n) in saved {
                    let d = DiagnosticScore()
                    d.$work.id = try w.requireID()
                    d.$student.id = sid
                    d.score = n
                    try await d.create(on: db)
                }
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "diagnostic_work", entityID: w.id,
                    title: AssessmentWords.Diagnostics.scoresAuditTitle(w.title),
                    municipalityID: center.$municipality.id, organizationID: center.id,
                    before: Dictionary(
                        before.map { (names[$0.$student.id] ?? "?", String($0.score)) }, uniquingKeysWith: { a, _ in a }
                    ),
                    after: Dictionary(
                        saved.map { (names[$0.key] ?? "?", String($0.value)) }, uniquingKeysWith: { a, _ in a }))
            }
        } catch let e as AppError where e.code == "validation" {
            for (k, v) in e.fields { errors.add(k, v) }
            return req.render(
                try await scoresPage(req, w, t, values: form, errors: errors).render(
                    await req.pageContext(active: active)), status: .conflict)
        }
        return req.redirect(
            to: SiteURL.record(.groups, try t.group.requireID()).path + "/diagnostics",
            flash: AssessmentWords.Diagnostics.scoresSaved(w.title))
    }
}
