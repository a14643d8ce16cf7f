import Domain
import Fluent
import Vapor
import Views

/// The programme's budget as JSON (issue 23, items 6 and 7): the lines as the page filters them with their balances,
/// one line with its entries, a new entry by the page's checks — to those who may read the budget (the administrator,
/// the КМЦ, the methodologist); taking money is the administrator's.
struct BudgetAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("budget-lines", use: list)
        routes.get("budget-lines", ":id", use: one)
        routes.post("budget-lines", ":id", "entries", use: create)
    }

    func list(req: Request) async throws -> PageDTO<LineDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .budgetLine(municipalityID: municipalityID))
        try RegistrySupport.checkChoices(req, BudgetSection.choices)
        let query = BudgetSection.listQuery(req)
        let (rows, _, total) = try await BudgetSection.query(query, municipalityID: municipalityID, req: req)
        return PageDTO(
            items: rows.map { LineDTO($0, entries: nil) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> LineDTO {
        let line = try await BudgetEntries.line(req, .read)
        let card = try await BudgetEntries.card(line, req: req)
        return LineDTO(card.row, entries: card.entries.map(EntryDTO.init))
    }

    struct Body: Content {
        var sourceId: String?
        var amount: Int?
        var purpose: String?
        var committedOn: String?
        var paidOn: String?
    }

    /// The page form's checks and write: 422 naming each field (the body's names), nothing taken.
    func create(req: Request) async throws -> Response {
        let line = try await BudgetEntries.line(req, .update)
        let body = try req.content.decode(Body.self)
        let form = FormValues(single: [
            "source": body.sourceId ?? "", "amount": body.amount.map(String.init) ?? "", "purpose": body.purpose ?? "",
            "committedOn": body.committedOn ?? "", "paidOn": body.paidOn ?? "",
        ])
        let (entry, errors) = try await BudgetEntriesController.write(form, line: line, req: req)
        guard let entry else {
            throw AppError.validation(ValidationFailure(fields: errors.renamed(["source": "sourceId"])))
        }
        return try await EntryDTO(
            BudgetEntryRow(
                id: try entry.requireID(), committedOn: CivilDay(number: entry.committedOn), purpose: entry.purpose,
                source: entry.sourceTitle, amount: entry.amount, state: entry.entryState,
                paidOn: entry.paidOn.map(CivilDay.init(number:)))
        ).encodeResponse(status: .created, for: req)
    }

    struct EntryDTO: Content {
        var id: UUID
        var committedOn: String
        var source: String?
        var purpose: String
        var amount: Int
        var state: String
        var paidOn: String?

        init(_ row: BudgetEntryRow) {
            id = row.id
            committedOn = row.committedOn.iso
            source = row.source
            purpose = row.purpose
            amount = row.amount
            state = row.state.rawValue
            paidOn = row.paidOn?.iso
        }
    }

    struct LineDTO: Content {
        var id: UUID
        var year: Int
        var kind: String
        var title: String
        var planned: Int
        var committed: Int
        var paid: Int
        var remaining: Int
        var entries: [EntryDTO]?

        init(_ row: BudgetLineRow, entries: [EntryDTO]?) {
            id = row.id
            year = row.year
            kind = row.kind.rawValue
            title = row.title
            planned = row.balance.planned
            committed = row.balance.committed
            paid = row.balance.paid
            remaining = row.balance.remaining
            self.entries = entries
        }
    }
}
