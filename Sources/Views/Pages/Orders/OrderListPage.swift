import Domain
import Foundation

/// The registry of the authority's orders: drafts and signed ones, by year, kind and state.
public struct OrderListPage: Sendable {
    /// One order.
    public struct Row: Sendable {
        public var number: String, date: String, title: String, url: String, year: String, signed: Bool
        public init(number: String, date: String, title: String, url: String, year: String, signed: Bool) {
            self.number = number
            self.date = date
            self.title = title
            self.url = url
            self.year = year
            self.signed = signed
        }
    }
    public var query: ListQuery
    public var years: [(value: String, title: String)]
    public var rows: [Row]
    public var total: Int
    public var canCreate: Bool

    public init(query: ListQuery, years: [(value: String, title: String)], rows: [Row], total: Int, canCreate: Bool) {
        self.query = query
        self.years = years
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
    }

    public static let mock = OrderListPage(
        query: ListQuery(sort: "date"), years: [("y1", "2026/2027")],
        rows: [
            Row(
                number: "245", date: "01.09.2026",
                title: "Об организации работы муниципальной сети профильных курсов в 2026/2027 учебном году",
                url: "/orders/x", year: "2026/2027", signed: true)
        ],
        total: 1, canCreate: true)

    /// The list the controller renders.
    public var list: RegistryList {
        RegistryList(
            title: "Приказы", area: .orders, query: query,
            filters: [
                FieldSpec("year", "Учебный год", .select(years, empty: "Все годы")),
                FieldSpec("kind", "Вид", .select(OrderKind.allCases.map { ($0.rawValue, $0.short) }, empty: "Все")),
                FieldSpec(
                    "status", "Состояние", .select(OrderStatus.allCases.map { ($0.rawValue, $0.title) }, empty: "Все")),
            ],
            columns: [
                Column("№"), Column("Дата", sort: "date"), Column("Приказ", sort: "title"), Column("Учебный год"),
                Column("Состояние"),
            ],
            rows: rows.map { order in
                [
                    .text(order.number), .text(order.date), .link(order.title, order.url), .text(order.year),
                    order.signed ? .tag("подписан", "signed") : .tag("проект", "draft"),
                ]
            },
            total: total, noun: ("приказ", "приказа", "приказов"), createTitle: canCreate ? "Подготовить приказ" : nil,
            emptyText: "Приказов пока нет: Сетка готовит их по данным сети — выберите вид приказа и учебный год.")
    }
}

/// An order's card: its requisites and state, and what may be done with it.
public struct OrderCardPage: Sendable {
    public var title: String, kind: OrderKind, year: String, number: String?, date: String?, status: OrderStatus
    /// When and by whom it was signed, «01.09.2026 10:15 (Иванова М. С.)».
    public var signed: (at: String, by: String)?
    public var createdBy: String, createdAt: String
    /// The teachers named (for support and gratitude orders).
    public var recipients: [String]
    public var baseURL: String
    public var opensText: Bool, mayUpdate: Bool, mayApprove: Bool, mayDelete: Bool

    public init(
        title: String, kind: OrderKind, year: String, number: String?, date: String?, status: OrderStatus,
        signed: (at: String, by: String)?, createdBy: String, createdAt: String, recipients: [String],
        baseURL: String, opensText: Bool, mayUpdate: Bool, mayApprove: Bool, mayDelete: Bool
    ) {
        self.title = title
        self.kind = kind
        self.year = year
        self.number = number
        self.date = date
        self.status = status
        self.signed = signed
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.recipients = recipients
        self.baseURL = baseURL
        self.opensText = opensText
        self.mayUpdate = mayUpdate
        self.mayApprove = mayApprove
        self.mayDelete = mayDelete
    }

    public static let mock = OrderCardPage(
        title: "О финансовой поддержке учителей, работающих в муниципальной сети профильных курсов в 2026/2027 "
            + "учебном году", kind: .support, year: "2026/2027", number: nil, date: nil, status: .draft, signed: nil,
        createdBy: "Иванова Мария Сергеевна", createdAt: "01.09.2026 10:15", recipients: [], baseURL: "/orders/x",
        opensText: true, mayUpdate: true, mayApprove: true, mayDelete: true)

    /// The card the controller renders.
    public var card: RegistryCard {
        var actions: [RegistryCard.Action] =
            opensText
            ? [
                .link("Открыть для печати", baseURL + "/document", primary: true),
                .link("Скачать DOCX", baseURL + "/docx", primary: false),
            ] : []
        if status != .signed {
            if mayUpdate {
                actions.append(.link("Изменить", baseURL + "/edit", primary: false))
                actions.append(.post("Обновить по данным", baseURL + "/refresh"))
            }
            if mayApprove { actions.append(.link("Подписать", baseURL + "/sign", primary: false)) }
            if mayDelete { actions.append(.link("Удалить проект", baseURL + "/delete", primary: false)) }
        }
        return RegistryCard(
            title: title, area: .orders, status: nil,
            facts: [
                ("Вид", kind.short), ("Учебный год", year), ("Номер", number ?? "не присвоен"),
                ("Дата", date ?? "не указана"),
                ("Состояние", status.title + (signed.map { ", " + $0.at + " (\($0.by))" } ?? "")),
                ("Подготовил", createdBy + ", " + createdAt),
            ]
                + (kind.needsRecipients
                    ? [("Педагоги", recipients.isEmpty ? "не выбраны" : recipients.joined(separator: ", "))] : []),
            actions: actions,
            warnings: status == .signed
                ? [] : ["Проект: документ составлен по данным на момент последнего обновления."],
            history: nil)
    }
}
