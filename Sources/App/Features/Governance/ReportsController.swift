import Domain
import Fluent
import Vapor
import Views

/// One organisation's report (issue 22, item 5): its head or administration fills it — the numbers Setka counts
/// pre-filled with where they came from —, saves a draft, submits it (late after the due day, and marked so); a
/// submitted report changes only after those who run the municipality return it with a comment. Every write is claimed
/// by version and audited.
struct ReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", ":id", use: show)
        routes.post("reports", ":id", use: save)
        routes.post("reports", ":id", "return", use: giveBack)
    }

    /// The report of the path's id with its campaign and organisation, authorised for `action`.
    static func report(_ req: Request, _ action: Domain.Action) async throws -> Report {
        guard
            let report = try await Report.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$campaign)
                .with(\.$organization).first()
        else { throw AppError.notFound(RegistryWords.notFound(ReportWords.reportNoun)) }
        try req.authorize(action, report.resource)
        return report
    }

    /// The numbers Setka counts for the report's indicators (by key), and the notes saying where they came from.
    static func computed(_ req: Request, _ report: Report) async throws -> [String: String] {
        let form = report.campaign.form
        let sources = Set(form.indicators.compactMap(\.source))
        let values = try await ReportSources.compute(
            sources, organization: report.$organization.id, period: report.campaign.period,
            zone: try await RegistrySupport.zone(req), on: req.db)
        var computed: [String: String] = [:]
        for indicator in form.indicators {
            if let source = indicator.source, let value = values[source] { computed[indicator.key] = String(value) }
        }
        return computed
    }

    func page(
        _ req: Request, _ report: Report, values: FormValues? = nil, errors: FieldErrors = FieldErrors(),
        conflict: String? = nil, submitting: Bool = true
    ) async throws -> ReportPage {
        let canEdit = report.reportStatus.isOpen && req.can(.update, report.resource)
        // An open report shows Setka's numbers where nothing is written yet; a submitted one, what was submitted.
        let computed = canEdit ? try await Self.computed(req, report) : report.computedValues
        var shown = report.answerValues
        if canEdit { for (key, value) in computed where shown[key] == nil { shown[key] = value } }
        let form = report.campaign.form
        var notes: [String: String] = [:]
        for indicator in form.indicators {
            if let source = indicator.source, let value = computed[indicator.key] {
                notes[indicator.key] = ReportWords.computed(value, source)
            }
        }
        let today = try await PlanBoard.today(req)
        let kinds = Dictionary(uniqueKeysWithValues: form.indicators.map { ($0.key, $0.kind) })
        for (key, value) in shown { shown[key] = ReportAnswers.display(value, kinds[key]) }
        return ReportPage(
            id: try report.requireID(),
            campaignID: req.can(.read, report.campaign.resource) ? report.$campaign.id : nil,
            title: report.campaign.title, organization: report.organization.shortName,
            period: ReportCampaignsController.period(report.campaign), due: report.campaign.period.due.formatted,
            status: report.reportStatus,
            state: ReportWords.state(
                report.reportStatus, late: report.late,
                overdue: report.reportStatus != .submitted && today > report.campaign.period.due),
            returnComment: report.returnComment, form: form, values: values ?? FormValues(single: shown),
            errors: errors, computed: notes, version: report.version,
            conflict: conflict
                ?? (errors.isEmpty || !canEdit ? nil : submitting ? ReportWords.notSubmitted : ReportWords.notSaved),
            canEdit: canEdit,
            canReturn: report.reportStatus == .submitted && req.can(.approve, report.resource))
    }

    func render(_ req: Request, _ page: ReportPage, status: HTTPResponseStatus = .ok) async -> Response {
        req.render(page.render(await req.pageContext(active: .reports)), status: status)
    }

    func show(req: Request) async throws -> Response {
        let report = try await Self.report(req, .read)
        return await render(req, try await page(req, report))
    }

    /// A draft saved or the report submitted, under the version it was read at; what happened, or why not.
    enum Outcome {
        case saved(ReportStatus, late: Bool)
        case invalid(FieldErrors)
        case stale
        case locked
    }

    /// Checks and writes answers (`submitting`: every required indicator needed; the day decides lateness).
    static func write(
        _ req: Request, _ report: Report, fields: (String) -> String?, submitting: Bool, expected: Int
    ) async throws -> Outcome {
        guard report.reportStatus.isOpen else { return .locked }
        var errors = FieldErrors()
        let answers = ReportAnswers.check(report.campaign.form, fields, submitting: submitting, errors: &errors)
        guard errors.isEmpty else { return .invalid(errors) }
        let before = report.answerValues.merging(["Состояние": report.reportStatus.title]) { a, _ in a }
        let user = try req.requireUser().username
        let today = try await PlanBoard.today(req)
        // What Setka counted when the answers were written: the authority compares them.
        report.computed = Report.encode(try await computed(req, report))
        report.answers = Report.encode(answers)
        report.updatedBy = user
        report.updatedAt = Date()
        if submitting {
            report.status = ReportStatus.submitted.rawValue
            // A report returned and submitted again keeps its first submission's day and lateness.
            if report.submittedAt == nil {
                report.submittedAt = Date()
                report.late = today > report.campaign.period.due
            }
            report.submittedBy = user
        } else if report.reportStatus == .pending {
            report.status = ReportStatus.draft.rawValue
        }
        guard
            try await Self.commit(
                req, report, expected: expected, before: before,
                after: answers.merging(["Состояние": report.reportStatus.title]) { a, _ in a })
        else { return .stale }
        return .saved(report.reportStatus, late: report.late)
    }

    func save(req: Request) async throws -> Response {
        let report = try await Self.report(req, .update)
        let form = RegistrySupport.form(req)
        let submitting = form["action"] == "submit"
        let outcome = try await Self.write(
            req, report, fields: { form[$0] }, submitting: submitting,
            expected: form["version"].flatMap(Int.init) ?? -1)
        switch outcome {
        case .saved(let status, let late):
            let flash =
                status == .submitted ? (late ? ReportWords.submittedLate : ReportWords.submitted) : ReportWords.saved
            return req.redirect(to: SiteURL.report(try report.requireID()).path, flash: flash)
        case .invalid(let errors):
            return await render(
                req, try await page(req, report, values: form, errors: errors, submitting: submitting),
                status: .unprocessableEntity)
        case .stale:
            let fresh = try await Self.report(req, .read)
            return await render(req, try await page(req, fresh, conflict: ReportWords.changed), status: .conflict)
        case .locked:
            throw AppError.conflict(ReportWords.locked)
        }
    }

    /// Writes the report under the version it was read at, audited; false when someone saved since.
    static func commit(
        _ req: Request, _ report: Report, expected: Int, before: [String: String], after: [String: String]
    ) async throws -> Bool {
        do {
            try await req.application.writeTransaction { db in
                guard
                    try await RegistrySupport.claimVersion(
                        table: Report.schema, id: report.requireID(), expected: expected, on: db)
                else { throw AppError.conflict(ReportWords.changed) }
                report.version = expected + 1
                try await report.save(on: db)
                try await Audit.record(
                    on: db, req: req, action: .update, entityType: "report", entityID: report.id,
                    title: report.campaign.title + " — " + report.organization.shortName,
                    municipalityID: report.$municipality.id, organizationID: report.$organization.id,
                    before: before, after: after)
            }
        } catch let error as AppError where error.status == .conflict {
            return false
        }
        return true
    }

    /// Returns a submitted report with a comment: it opens for the organisation again.
    static func giveBack(_ req: Request, _ report: Report, comment: String?, expected: Int) async throws -> Outcome {
        guard report.reportStatus == .submitted else { return .locked }
        var errors = FieldErrors()
        let comment = errors.required("comment", comment, max: 2000)
        guard errors.isEmpty else { return .invalid(errors) }
        let user = try req.requireUser().username
        report.status = ReportStatus.returned.rawValue
        report.returnComment = comment
        report.returnedAt = Date()
        report.returnedBy = user
        guard
            try await Self.commit(
                req, report, expected: expected, before: ["Состояние": ReportStatus.submitted.title],
                after: ["Состояние": ReportStatus.returned.title, "Замечания": comment])
        else { return .stale }
        return .saved(.returned, late: report.late)
    }

    func giveBack(req: Request) async throws -> Response {
        let report = try await Self.report(req, .approve)
        let form = RegistrySupport.form(req)
        switch try await Self.giveBack(
            req, report, comment: form["comment"], expected: form["version"].flatMap(Int.init) ?? -1)
        {
        case .saved: return req.redirect(to: SiteURL.report(try report.requireID()).path, flash: ReportWords.returned)
        case .invalid(let errors):
            let values = FormValues(
                single: report.answerValues.merging(["comment": form["comment"] ?? ""]) { _, comment in comment })
            return await render(
                req, try await page(req, report, values: values, errors: errors), status: .unprocessableEntity)
        case .stale:
            let fresh = try await Self.report(req, .read)
            return await render(req, try await page(req, fresh, conflict: ReportWords.changed), status: .conflict)
        case .locked: throw AppError.conflict(ReportWords.notSubmittedYet)
        }
    }
}
