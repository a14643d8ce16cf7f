import Domain
import Foundation

/// One line of the programme's budget as lists and cards show it.
public struct BudgetLineRow: Sendable {
    public var id: UUID
    public var year: Int
    public var kind: BudgetKind
    public var title: String
    public var balance: BudgetBalance
    public var isArchived: Bool

    /// A line's row.
    public init(id: UUID, year: Int, kind: BudgetKind, title: String, balance: BudgetBalance, isArchived: Bool) {
        self.id = id
        self.year = year
        self.kind = kind
        self.title = title
        self.balance = balance
        self.isArchived = isArchived
    }

    /// A made-up line.
    public static let mock = BudgetLineRow(
        id: MockID.of(0x2601), year: 2026, kind: .awards, title: "Финансовая поддержка учителей сети",
        balance: BudgetBalance(planned: 111_000, committed: 55_000, paid: 30_000), isArchived: false)

    /// The amounts of the row as the list's and the XLSX's columns say them.
    public var amounts: [Int] { [balance.planned, balance.committed, balance.paid, balance.remaining] }
}

/// The programme's budget by year and kind, with the totals of what the filters show (issue 23, item 6).
public struct BudgetListPage: Sendable {
    public var query: ListQuery
    public var years: [Int]
    public var rows: [BudgetLineRow]
    public var total: Int
    /// The sums of every line the filters show (not only this page's).
    public var totals: BudgetBalance
    public var canCreate: Bool

    /// The list's data.
    public init(
        query: ListQuery, years: [Int], rows: [BudgetLineRow], total: Int, totals: BudgetBalance, canCreate: Bool
    ) {
        self.query = query
        self.years = years
        self.rows = rows
        self.total = total
        self.totals = totals
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = BudgetListPage(
        query: ListQuery(filters: ["year": "2026"], sort: "kind"), years: [2025, 2026, 2027], rows: [.mock], total: 1,
        totals: BudgetLineRow.mock.balance, canCreate: true)

    /// The list's and the XLSX's columns after the line's name.
    public static let amountColumns = [
        BudgetWords.Field.planned, BudgetWords.Field.committed, BudgetWords.Field.paid, BudgetWords.Field.remaining,
    ]

    /// The list's filters.
    public func filters() -> [FieldSpec] {
        [
            FieldSpec("q", "Поиск", .text("search"), hint: "Название строки."),
            FieldSpec("year", "Год", .select(years.map { (String($0), "\($0) год") }, empty: "Все годы")),
            FieldSpec(
                "kind", BudgetWords.Field.kind,
                .select(BudgetKind.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        typealias F = BudgetWords.Field
        var list = RegistryList(
            title: MenuArea.registry(.budget).title, area: .budget, query: query, filters: filters(),
            columns: [Column("Год", sort: "year"), Column(F.kind, sort: "kind"), Column(F.title, sort: "title")]
                + Self.amountColumns.map { Column($0) },
            rows: rows.map { row in
                [
                    .text(String(row.year)), .text(row.kind.title),
                    .link(row.title, SiteURL.record(.budget, row.id).path),
                ] + row.amounts.map { .text(BudgetWords.rubles($0)) }
            },
            total: total, noun: ("строка", "строки", "строк"), createTitle: canCreate ? "Добавить строку" : nil,
            emptyText: BudgetWords.empty)
        list.intro =
            BudgetWords.intro + " Всего по выбранным строкам: план " + BudgetWords.rubles(totals.planned)
            + ", обязательства " + BudgetWords.rubles(totals.committed) + ", оплачено "
            + BudgetWords.rubles(totals.paid) + ", остаток " + BudgetWords.rubles(totals.remaining) + "."
        var export = SiteURL.budgetXLSX.path
        if let year = query.filters["year"] { export += "?year=" + year }
        list.links = [(BudgetWords.exportTitle, export)]
        return list
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// One entry of a line: money committed or paid for a record.
public struct BudgetEntryRow: Sendable {
    public var id: UUID
    public var committedOn: CivilDay
    public var purpose: String
    /// What it pays for, as named when the entry was made.
    public var source: String?
    public var amount: Int
    public var state: BudgetEntryState
    public var paidOn: CivilDay?

    /// An entry's row.
    public init(
        id: UUID, committedOn: CivilDay, purpose: String, source: String?, amount: Int, state: BudgetEntryState,
        paidOn: CivilDay?
    ) {
        self.id = id
        self.committedOn = committedOn
        self.purpose = purpose
        self.source = source
        self.amount = amount
        self.state = state
        self.paidOn = paidOn
    }

    /// What it pays for and why, in one: the record's name, and the purpose when it says more than the kind's title
    /// the form puts there by default.
    public var what: String {
        let defaults = Set(BudgetKind.allCases.map(\.title) + BudgetSource.allCases.map(\.title))
        guard let source else { return purpose }
        return defaults.contains(purpose) ? source : source + "; " + purpose
    }

    /// A made-up entry.
    public static let mock = BudgetEntryRow(
        id: MockID.of(0x2602), committedOn: CivilDay(year: 2026, month: 12, day: 1)!,
        purpose: "Финансовая поддержка педагога", source: "Соколова Анна Ивановна — 2026/2027", amount: 30_000,
        state: .committed, paidOn: nil)
}

/// A line's card: its facts and its entries, with the actions on each entry that is still a commitment.
public struct BudgetCardPage: Sendable {
    public var row: BudgetLineRow
    public var note: String?
    public var entries: [BudgetEntryRow]
    public var canChange: Bool

    /// The card's data.
    public init(row: BudgetLineRow, note: String?, entries: [BudgetEntryRow], canChange: Bool) {
        self.row = row
        self.note = note
        self.entries = entries
        self.canChange = canChange
    }

    /// A made-up card.
    public static let mock = BudgetCardPage(row: .mock, note: nil, entries: [.mock], canChange: true)

    /// The card's facts.
    public var facts: [(String, String)] {
        typealias F = BudgetWords.Field
        return [
            (F.year, String(row.year)), (F.kind, row.kind.title), (F.planned, BudgetWords.rubles(row.balance.planned)),
            (F.committed, BudgetWords.rubles(row.balance.committed)), (F.paid, BudgetWords.rubles(row.balance.paid)),
            (F.remaining, BudgetWords.rubles(row.balance.remaining)), (F.note, note ?? ""),
        ]
    }

    /// The card as the registry kit shows it (snapshots; the App adds actions and history).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.budget, title: row.title, facts: facts, sections: [section]).render(ctx)
    }

    /// The entries' table.
    public var section: RegistryCard.Section {
        typealias F = BudgetWords.Field
        return RegistryCard.Section(
            title: BudgetWords.entriesTitle,
            columns: [F.committedOn, F.source, F.amount, F.state] + (canChange ? ["", ""] : []),
            rows: entries.map { entry in
                let open = canChange && entry.state == .committed
                return [
                    .text(entry.committedOn.formatted), .text(entry.what), .text(BudgetWords.rubles(entry.amount)),
                    .tag(
                        entry.state.title + (entry.paidOn.map { " " + $0.formatted } ?? ""),
                        BudgetWords.badge(entry.state)),
                ]
                    + (canChange
                        ? [
                            open ? .link("Оплатить", SiteURL.budgetEntryPay(entry.id).path) : .text(""),
                            open ? .link("Отменить", SiteURL.budgetEntryCancel(entry.id).path) : .text(""),
                        ] : [])
            }, emptyText: BudgetWords.noEntries)
    }
}

/// A line's form.
public struct BudgetFormPage: Sendable {
    public init() {}

    /// The form's fields.
    public var fields: [FieldSpec] {
        typealias F = BudgetWords.Field
        return [
            FieldSpec("year", F.year, .number, required: true),
            FieldSpec(
                "kind", F.kind, .select(BudgetKind.allCases.map { ($0.rawValue, $0.title) }, empty: nil),
                required: true),
            FieldSpec("title", F.title, required: true, hint: "Например: «Поездки на заключительный этап ВсОШ»."),
            FieldSpec("planned", F.planned, .number, required: true),
            FieldSpec("note", F.note, .textarea),
        ]
    }
}

/// The form that takes money from a line: what it pays for (the records of the line's kind), the amount, the purpose,
/// the dates.
public struct BudgetEntryFormPage: Sendable {
    public var line: BudgetLineRow
    /// The records an entry of this line may pay for: id and what the list shows.
    public var sources: [(value: String, title: String)]
    public var values: FormValues
    public var errors: FieldErrors

    /// The form's data.
    public init(
        line: BudgetLineRow, sources: [(value: String, title: String)], values: FormValues, errors: FieldErrors
    ) {
        self.line = line
        self.sources = sources
        self.values = values
        self.errors = errors
    }

    /// A made-up form.
    public static let mock = BudgetEntryFormPage(
        line: .mock, sources: [(MockID.of(0x2603).uuidString.lowercased(), "Соколова Анна Ивановна — 30 000 ₽")],
        values: FormValues(single: ["committedOn": "01.12.2026"]), errors: FieldErrors())

    /// The form as the registry kit shows it.
    public var form: RegistryForm {
        typealias F = BudgetWords.Field
        var fields: [FieldSpec] = []
        if let source = line.kind.source {
            fields.append(
                FieldSpec(
                    "source", F.source + " (" + source.title.lowercased() + ")",
                    .select(sources, empty: sources.isEmpty ? "Нечего выбрать" : "Выберите"), required: true,
                    hint: source.isPaidOnce ? "Сумма назначения или меры, если не указать другую." : nil))
        }
        fields += [
            FieldSpec("amount", F.amount, .number, required: line.kind.source?.isPaidOnce != true),
            FieldSpec("purpose", F.purpose, hint: "Если не указать — по тому, за что платят."),
            FieldSpec("committedOn", F.committedOn, .date, required: true),
            FieldSpec("paidOn", F.paidOn, .date, hint: "Если уже оплачено."),
        ]
        return RegistryForm(
            title: BudgetWords.addEntry, crumbs: budgetCrumbs(line), action: SiteURL.budgetEntries(line.id).path,
            cancelURL: SiteURL.record(.budget, line.id).path, fields: fields, values: values, errors: errors,
            intro: line.title + ": остаток " + BudgetWords.rubles(line.balance.remaining) + ".",
            submitTitle: BudgetWords.addEntry)
    }
}

/// The form that marks a commitment paid on a day.
public struct BudgetPayPage: Sendable {
    public var line: BudgetLineRow
    public var entry: BudgetEntryRow
    public var version: Int
    public var values: FormValues
    public var errors: FieldErrors

    /// The form's data.
    public init(line: BudgetLineRow, entry: BudgetEntryRow, version: Int, values: FormValues, errors: FieldErrors) {
        self.line = line
        self.entry = entry
        self.version = version
        self.values = values
        self.errors = errors
    }

    /// A made-up form.
    public static let mock = BudgetPayPage(
        line: .mock, entry: .mock, version: 1, values: FormValues(single: ["paidOn": "05.12.2026"]),
        errors: FieldErrors())

    /// The form as the registry kit shows it.
    public var form: RegistryForm {
        RegistryForm(
            title: "Отметить оплату", crumbs: budgetCrumbs(line), action: SiteURL.budgetEntryPay(entry.id).path,
            cancelURL: SiteURL.record(.budget, line.id).path,
            fields: [FieldSpec("paidOn", BudgetWords.Field.paidOn, .date, required: true)], values: values,
            errors: errors, version: version,
            intro: (entry.source.map { $0 + ": " } ?? "") + entry.purpose + ", " + BudgetWords.rubles(entry.amount)
                + ".",
            submitTitle: "Отметить оплату")
    }

    /// The question before cancelling the commitment.
    public var cancel: ConfirmPage {
        ConfirmPage(
            title: "Отменить обязательство",
            question: "Отменить обязательство «" + entry.purpose + "» на " + BudgetWords.rubles(entry.amount) + "?",
            consequence: "Деньги вернутся в остаток строки «" + line.title
                + "»; запись останется в истории отменённой.",
            action: SiteURL.budgetEntryCancel(entry.id).path, button: "Отменить обязательство",
            cancelURL: SiteURL.record(.budget, line.id).path, crumbs: budgetCrumbs(line), version: version)
    }
}

/// The trail to a line's card.
func budgetCrumbs(_ line: BudgetLineRow) -> [Crumb] {
    [
        Crumb(MenuArea.registry(.budget).title, SiteURL.list(.budget).path),
        Crumb(line.title, SiteURL.record(.budget, line.id).path),
    ]
}
