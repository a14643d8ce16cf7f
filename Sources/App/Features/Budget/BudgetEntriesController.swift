import Documents
import Domain
import Fluent
import Vapor
import Views

/// The pages that take money from a line of the programme's budget and settle it (issue 23, item 6): a new commitment
/// (or a payment made), the approved awards of teachers taken at once, a commitment paid or cancelled after a
/// question, the year's budget as XLSX.
struct BudgetEntriesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("budget-lines", "budget.xlsx", use: xlsx)
        routes.get("budget-lines", ":id", "entries", "new", use: newForm)
        routes.post("budget-lines", ":id", "entries", use: create)
        routes.post("budget-lines", ":id", "awards", use: takeAwards)
        routes.get("budget-entries", ":id", "pay", use: payForm)
        routes.post("budget-entries", ":id", "pay", use: pay)
        routes.get("budget-entries", ":id", "cancel", use: cancelForm)
        routes.post("budget-entries", ":id", "cancel", use: cancel)
    }

    static let active = MenuArea.registry(.budget)

    func entryPage(
        _ line: BudgetLine, req: Request, values: FormValues, errors: FieldErrors, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        guard line.status == RecordStatus.active.rawValue else { throw AppError.conflict(BudgetWords.lineArchived) }
        let sources = try await BudgetEntries.sources(for: line, on: req.db)
        let page = BudgetEntryFormPage(
            line: try await BudgetEntries.row(line, on: req.db),
            sources: sources.map { ($0.id.uuidString.lowercased(), $0.option) }, values: values, errors: errors)
        return req.render(page.form.render(await req.pageContext(active: Self.active)), status: status)
    }

    func newForm(req: Request) async throws -> Response {
        let line = try await BudgetEntries.line(req, .update)
        let today = try await PlanBoard.today(req)
        return try await entryPage(
            line, req: req, values: FormValues(single: ["committedOn": today.formatted]), errors: FieldErrors())
    }

    /// Writes the form's entry; a refusal beside the field (422) with nothing changed.
    static func write(_ form: FormValues, line: BudgetLine, req: Request) async throws -> (
        BudgetEntry?, FieldErrors
    ) {
        guard line.status == RecordStatus.active.rawValue else { throw AppError.conflict(BudgetWords.lineArchived) }
        var errors = FieldErrors()
        let sources = try await BudgetEntries.sources(for: line, on: req.db)
        let today = try await PlanBoard.today(req)
        guard let input = BudgetEntryInput.read(form, line: line, sources: sources, today: today, errors: &errors)
        else {
            return (nil, errors)
        }
        let entry = try BudgetEntries.make(
            line: line, source: input.source, amount: input.amount, purpose: input.purpose,
            committedOn: input.committedOn, paidOn: input.paidOn, user: try req.requireUser().username)
        do {
            try await BudgetEntries.take([entry], from: line, req: req)
        } catch BudgetEntries.Refusal.budget(let refusal) {
            errors.add("amount", BudgetWords.refusal(refusal))
            return (nil, errors)
        } catch BudgetEntries.Refusal.paidOnce {
            errors.add("source", BudgetWords.paidOnce)
            return (nil, errors)
        } catch BudgetEntries.Refusal.lineArchived {
            throw AppError.conflict(BudgetWords.lineArchived)
        }
        return (entry, errors)
    }

    func create(req: Request) async throws -> Response {
        let line = try await BudgetEntries.line(req, .update)
        let form = RegistrySupport.form(req)
        let (entry, errors) = try await Self.write(form, line: line, req: req)
        guard entry != nil else {
            // The balance as it is now (a colleague may have taken money meanwhile).
            let fresh = try await BudgetEntries.line(req, .update)
            return try await entryPage(fresh, req: req, values: form, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.record(.budget, try line.requireID()).path, flash: BudgetWords.created)
    }

    /// Every approved teacher's amount not yet in the budget, taken from an awards line at once — or none of them.
    func takeAwards(req: Request) async throws -> Response {
        let line = try await BudgetEntries.line(req, .update)
        let path = SiteURL.record(.budget, try line.requireID()).path
        guard line.budgetKind == .awards else { throw AppError.badRequest(BudgetWords.noAwards) }
        let sources = try await BudgetEntries.sources(for: line, on: req.db)
        guard !sources.isEmpty else { return req.redirect(to: path, flash: BudgetWords.noAwards) }
        let today = try await PlanBoard.today(req)
        let user = try req.requireUser().username
        let entries = try sources.map {
            try BudgetEntries.make(
                line: line, source: $0, amount: $0.amount ?? 0, purpose: BudgetSource.teacherAward.title,
                committedOn: today, paidOn: nil, user: user)
        }
        do {
            try await BudgetEntries.take(entries, from: line, req: req)
        } catch BudgetEntries.Refusal.budget(let refusal) {
            throw AppError(
                status: .unprocessableEntity, code: "above-remainder",
                reason: BudgetWords.awardsRefused(total: sources.compactMap(\.amount).reduce(0, +))
                    + " " + BudgetWords.refusal(refusal))
        } catch BudgetEntries.Refusal.paidOnce {
            throw AppError.conflict(BudgetWords.paidOnce)
        } catch BudgetEntries.Refusal.lineArchived {
            throw AppError.conflict(BudgetWords.lineArchived)
        }
        return req.redirect(to: path, flash: BudgetWords.awardsTaken)
    }

    func payPage(
        _ entry: BudgetEntry, line: BudgetLine, req: Request, values: FormValues? = nil,
        errors: FieldErrors = FieldErrors()
    ) async throws -> BudgetPayPage {
        let today = try await PlanBoard.today(req)
        return BudgetPayPage(
            line: try await BudgetEntries.row(line, on: req.db),
            entry: BudgetEntryRow(
                id: try entry.requireID(), committedOn: CivilDay(number: entry.committedOn), purpose: entry.purpose,
                source: entry.sourceTitle, amount: entry.amount, state: entry.entryState,
                paidOn: entry.paidOn.map(CivilDay.init(number:))),
            version: entry.version, values: values ?? FormValues(single: ["paidOn": today.formatted]), errors: errors)
    }

    /// A commitment's page before it is paid (the form) or cancelled (the question).
    func settlePage(_ req: Request, _ render: (BudgetPayPage, PageContext) -> String) async throws -> Response {
        let (entry, line) = try await BudgetEntries.entry(req)
        guard entry.entryState == .committed else { throw AppError.conflict(BudgetWords.notCommitted) }
        let page = try await payPage(entry, line: line, req: req)
        return req.render(render(page, await req.pageContext(active: Self.active)))
    }

    func payForm(req: Request) async throws -> Response {
        try await settlePage(req) { page, ctx in page.form.render(ctx) }
    }

    func pay(req: Request) async throws -> Response {
        let (entry, line) = try await BudgetEntries.entry(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let today = try await PlanBoard.today(req)
        let paidOn = errors.day("paidOn", form["paidOn"], required: true)
        if let paidOn {
            if paidOn.number < entry.committedOn { errors.add("paidOn", BudgetWords.paidBeforeCommitted) }
            if paidOn > today { errors.add("paidOn", BudgetWords.paidInFuture) }
        }
        guard errors.isEmpty, let paidOn else {
            let page = try await payPage(entry, line: line, req: req, values: form, errors: errors)
            return req.render(
                page.form.render(await req.pageContext(active: Self.active)), status: .unprocessableEntity)
        }
        try await BudgetEntries.settle(
            entry, line: line, to: .paid, paidOn: paidOn, expected: Int(form["version"] ?? "") ?? -1, req: req)
        return req.redirect(to: SiteURL.record(.budget, try line.requireID()).path, flash: BudgetWords.paidFlash)
    }

    func cancelForm(req: Request) async throws -> Response {
        try await settlePage(req) { page, ctx in page.cancel.render(ctx) }
    }

    func cancel(req: Request) async throws -> Response {
        let (entry, line) = try await BudgetEntries.entry(req)
        let form = RegistrySupport.form(req)
        try await BudgetEntries.settle(
            entry, line: line, to: .cancelled, paidOn: nil, expected: Int(form["version"] ?? "") ?? -1, req: req)
        return req.redirect(to: SiteURL.record(.budget, try line.requireID()).path, flash: BudgetWords.cancelled)
    }

    /// The lines of the list's filters (a year, a kind) with their balances, and every entry of those lines.
    func xlsx(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .budgetLine(municipalityID: municipalityID))
        let query = BudgetSection.listQuery(req)
        let (_, rows, _) = try await BudgetSection.query(query, municipalityID: municipalityID, req: req)
        let entries =
            rows.isEmpty
            ? []
            : try await BudgetEntry.query(on: req.db).filter(\.$line.$id ~~ rows.map(\.id)).sort(\.$committedOn)
                .sort(\.$createdAt).all()
        let titles = Dictionary(rows.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        typealias F = BudgetWords.Field
        // One sheet: the lines, then under a heading row every entry of those lines.
        var cells: [[XLSXCell]] = rows.map { row in
            [.integer(row.year), .text(row.kind.title), .text(row.title)] + row.amounts.map { .integer($0) }
        }
        cells.append([])
        cells.append([.text(BudgetWords.entriesSheet)])
        cells.append(
            [F.title, F.committedOn, F.source, F.purpose, F.amount, F.state, F.paidOn].map { .text($0) })
        cells += entries.map { entry in
            [
                .text(titles[entry.$line.id] ?? ""), .date(CivilDay(number: entry.committedOn)),
                .text(entry.sourceTitle ?? ""), .text(entry.purpose), .integer(entry.amount),
                .text(entry.entryState.title), entry.paidOn.map { .date(CivilDay(number: $0)) } ?? .text(""),
            ]
        }
        let data = try XLSXWriter.workbook(
            sheetName: BudgetWords.sheet, header: ["Год", F.kind, F.title] + BudgetListPage.amountColumns, rows: cells)
        let year = query.filters["year"].map { "-" + $0 } ?? ""
        return Response.download(data, name: "byudzhet-programmy\(year).xlsx", type: .xlsx)
    }
}
