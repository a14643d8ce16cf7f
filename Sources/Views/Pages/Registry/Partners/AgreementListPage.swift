import Domain
import Foundation

/// The agreements registry list.
public struct AgreementListPage: Sendable {
    /// One agreement of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var number: String?
        public var partyA: String
        public var partyB: String
        public var subject: String
        public var starts: String
        public var ends: String
        /// The state as of today (a signed agreement past its end is expired).
        public var state: AgreementState
        /// Whether it ends soon.
        public var expiring: Bool
        /// An agreement row (dates as the page shows them).
        public init(
            id: UUID, number: String?, partyA: String, partyB: String, subject: String, starts: String, ends: String,
            state: AgreementState, expiring: Bool
        ) {
            self.id = id
            self.number = number
            self.partyA = partyA
            self.partyB = partyB
            self.subject = subject
            self.starts = starts
            self.ends = ends
            self.state = state
            self.expiring = expiring
        }
    }

    public var query: ListQuery
    public var rows: [Row]
    public var total: Int
    /// How many agreements of the municipality end soon.
    public var expiringSoon: Int
    public var canCreate: Bool

    /// The list's data.
    public init(query: ListQuery, rows: [Row], total: Int, expiringSoon: Int, canCreate: Bool) {
        self.query = query
        self.rows = rows
        self.total = total
        self.expiringSoon = expiringSoon
        self.canCreate = canCreate
    }

    /// A made-up list.
    public static let mock = AgreementListPage(
        query: ListQuery(sort: "ends"),
        rows: [
            Row(
                id: MockID.of(0x561), number: "7", partyA: "МБОУ «СОШ № 3»", partyB: "МБОУ «Лицей № 1»",
                subject: "Сетевая программа по информатике", starts: "01.09.2025", ends: "31.08.2026", state: .signed,
                expiring: false),
            Row(
                id: MockID.of(0x562), number: nil, partyA: "МБОУ «Лицей № 1»", partyB: "ООО «Технопарк»",
                subject: "Площадка для практики", starts: "01.09.2025", ends: "15.09.2025", state: .signed,
                expiring: true),
        ], total: 2, expiringSoon: 1, canCreate: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        var warnings: [String] = []
        if expiringSoon > 0 {
            warnings.append(
                "В ближайшие \(AgreementRules.warningDays) дней истекает срок "
                    + RussianPlural.count(expiringSoon, "договора", "договоров", "договоров")
                    + ". Отфильтруйте список: «Истекает скоро».")
        }
        return RegistryList(
            title: "Договоры о сетевом взаимодействии", area: .agreements, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec("kind", "Вид", .select(AgreementKind.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
                FieldSpec(
                    "state", "Состояние договора",
                    .select(AgreementState.allCases.map { ($0.rawValue, $0.title) }, empty: "Любое")),
                FieldSpec("expiring", "Срок", .select([("1", "истекает в ближайшие 30 дней")], empty: "Любой")),
                RegistryWords.Filters.status,
            ],
            columns: [
                Column("Договор", sort: "number"), Column("Стороны"), Column("Предмет"),
                Column("Срок действия", sort: "ends"), Column("Состояние"),
            ],
            rows: rows.map { agreement in
                [
                    .link(
                        AgreementsWords.label(number: agreement.number), SiteURL.record(.agreements, agreement.id).path),
                    .text(agreement.partyA + " — " + agreement.partyB), .text(agreement.subject),
                    .text(agreement.starts + " — " + agreement.ends),
                    agreement.expiring
                        ? .tag("истекает " + agreement.ends, "expiring")
                        : .tag(agreement.state.title, agreement.state.rawValue),
                ]
            },
            total: total, noun: ("договор", "договора", "договоров"), createTitle: canCreate ? "Добавить договор" : nil,
            warnings: warnings, emptyText: "Договоров пока нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
