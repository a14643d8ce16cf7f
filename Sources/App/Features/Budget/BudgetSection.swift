import Domain
import Fluent
import Vapor
import Views

/// The municipal programme's budget (issue 23, item 6; `000_5375b2a087477e6d.txt` §4.3, §4.5, §5): the lines of a year
/// with their plan and balance, a card with the commitments and payments made from the line, a form; the administrator
/// keeps them, the КМЦ and the methodological service read them. A line with money taken is not archived.
struct BudgetSection: RegistrySection {
    typealias Record = BudgetLine
    let area = Registry.budget
    let entityType = "budget_line"
    let noun = BudgetWords.noun
    let newTitle = BudgetWords.newTitle
    let archiveConsequence = BudgetWords.archiveConsequence
    let duplicate = (field: "title", message: BudgetWords.titleTaken)

    static func listQuery(_ req: Request) -> ListQuery {
        RegistrySupport.listQuery(
            req, filters: ["year", "kind"], sorts: ["year", "kind", "title"], defaultSort: "kind", search: true)
    }

    static let choices: [String: [String]] = ["kind": BudgetKind.allCases.map(\.rawValue)]

    /// The years a list offers: two back, one ahead.
    static func years(today: CivilDay) -> [Int] { Array((today.ymd.year - 2)...(today.ymd.year + 1)) }

    /// A year filter's value: 400 on the API for anything but a year.
    static func year(_ query: ListQuery, req: Request) throws -> Int? {
        guard let raw = query.filters["year"] else { return nil }
        guard let year = Int(raw), (2000...2100).contains(year) else {
            if req.isAPI { throw AppError.badRequest(BudgetWords.yearShape) }
            return nil
        }
        return year
    }

    /// Every line of the list's filters in its order with its balance, and the page asked for (shared with the API
    /// and the XLSX): a municipality has a few dozen lines a year, so the balance of all of them comes in one more
    /// statement.
    static func query(_ query: ListQuery, municipalityID: UUID, req: Request) async throws -> (
        page: [BudgetLineRow], all: [BudgetLineRow], total: Int
    ) {
        var builder = BudgetLine.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$status == RecordStatus.active.rawValue)
        if let year = try Self.year(query, req: req) { builder = builder.filter(\.$year == year) }
        if let kind = query.filters["kind"] { builder = builder.filter(\.$kind == kind) }
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let dir: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        switch query.sort {
        case "year": builder = builder.sort(\.$year, dir).sort(\.$kind).sort(\.$title)
        case "title": builder = builder.sort(\.$title, dir).sort(\.$year, .descending)
        default: builder = builder.sort(\.$year, .descending).sort(\.$kind, dir).sort(\.$title)
        }
        let lines = try await builder.sort(\.$id).all()
        let rows = try await Self.rows(lines, on: req.db)
        let start = min((query.page - 1) * query.per, rows.count)
        return (Array(rows[start..<min(start + query.per, rows.count)]), rows, rows.count)
    }

    /// The lines with their balances, in one statement for the entries.
    static func rows(_ lines: [BudgetLine], on db: any Database) async throws -> [BudgetLineRow] {
        let ids = lines.compactMap(\.id)
        let entries =
            ids.isEmpty
            ? []
            : try await BudgetEntry.query(on: db).filter(\.$line.$id ~~ ids)
                .filter(\.$state != BudgetEntryState.cancelled.rawValue).all()
        return try lines.map { line in
            let id = try line.requireID()
            return BudgetLineRow(
                id: id, year: line.year, kind: line.budgetKind, title: line.title,
                balance: BudgetBalance(
                    planned: line.planned,
                    entries: entries.filter { $0.$line.id == id }.map { ($0.amount, $0.entryState) }),
                isArchived: line.status != RecordStatus.active.rawValue)
        }
    }

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .budgetLine(municipalityID: municipalityID))
        let query = Self.listQuery(req)
        let today = try await PlanBoard.today(req)
        let (rows, all, total) = try await Self.query(query, municipalityID: municipalityID, req: req)
        return BudgetListPage(
            query: query, years: Self.years(today: today), rows: rows, total: total,
            totals: BudgetBalance(
                planned: all.map(\.balance.planned).reduce(0, +), committed: all.map(\.balance.committed).reduce(0, +),
                paid: all.map(\.balance.paid).reduce(0, +)),
            canCreate: req.can(.create, .budgetLine(municipalityID: municipalityID))
        ).list
    }

    func resource(_ record: BudgetLine, on db: any Database) async throws -> Resource {
        .budgetLine(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .budgetLine(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: BudgetLine) -> String { record.title }
    func scope(_ record: BudgetLine) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ record: BudgetLine, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let page = try await BudgetEntries.card(record, req: req)
        return (page.facts, [page.section], [])
    }

    func extraActions(_ record: BudgetLine, req: Request) async throws -> [RegistryCard.Action] {
        guard record.status == RecordStatus.active.rawValue, req.can(.update, try await resource(record, on: req.db))
        else { return [] }
        let id = try record.requireID()
        var actions: [RegistryCard.Action] = [
            .link(BudgetWords.addEntry, SiteURL.budgetEntryNew(id).path, primary: false)
        ]
        if record.budgetKind == .awards { actions.append(.post(BudgetWords.takeAwards, SiteURL.budgetAwards(id).path)) }
        return actions
    }

    func fields(_ req: Request, record: BudgetLine?) async throws -> [FieldSpec] { BudgetFormPage().fields }

    func newValues(_ req: Request) async throws -> FormValues {
        FormValues(single: [
            "year": String(try await PlanBoard.today(req).ymd.year), "kind": BudgetKind.trainers.rawValue,
        ])
    }

    func values(_ record: BudgetLine, req: Request) async throws -> FormValues {
        FormValues(single: [
            "year": String(record.year), "kind": record.kind, "title": record.title, "planned": String(record.planned),
            "note": record.note ?? "",
        ])
    }

    func apply(_ form: FormValues, to record: BudgetLine, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let year = errors.integer("year", form["year"], range: 2000...2100, required: true)
        let kind = errors.choice("kind", form["kind"], as: BudgetKind.self)
        let title = errors.required("title", form["title"], max: 200)
        let planned = errors.integer(
            "planned", form["planned"]?.filter { !$0.isWhitespace }, range: 0...2_000_000_000, required: true)
        let note = errors.optional("note", form["note"], max: 2000)
        if !isNew, let year, year != record.year, record.used > 0 {
            errors.add("year", BudgetWords.hasEntries)
        }
        if !isNew, let kind, kind.rawValue != record.kind, record.used > 0 {
            errors.add("kind", BudgetWords.hasEntries)
        }
        // The plan never below what is taken: checked here against the line as read; the version claimed on saving
        // (every entry's write moves it) and the CHECK keep it so meanwhile.
        if let planned,
            let refusal = BudgetBalance(planned: 0, committed: isNew ? 0 : record.used)
                .refusal(planning: planned)
        {
            errors.add("planned", BudgetWords.refusal(refusal))
        }
        guard errors.isEmpty, let year, let kind, let planned else { return nil }
        if isNew {
            record.$municipality.id = try RegistrySupport.municipality(req)
            record.used = 0
        }
        record.year = year
        record.kind = kind.rawValue
        record.title = title
        record.planned = planned
        record.note = note
        record.searchKey = TextKey.search(title, note ?? "")
        return { _ in }
    }

    func auditFields(_ record: BudgetLine, on db: any Database) async throws -> [String: String] {
        typealias F = BudgetWords.Field
        return [
            F.year: String(record.year), F.kind: record.budgetKind.title, F.title: record.title,
            F.planned: BudgetWords.rubles(record.planned), F.note: record.note ?? "",
        ]
    }
}
