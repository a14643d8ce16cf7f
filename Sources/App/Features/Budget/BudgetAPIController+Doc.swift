import Domain
import Vapor
import Views

/// The programme budget API's description.
extension BudgetAPIController {
    static let entrySchema = OpenAPISchema.named(
        "BudgetEntry",
        .object([
            .field("id", .uuid), .field("committedOn", .date, "День обязательства."),
            .optional("source", .string, "За что платят (как названо при записи)."),
            .field("purpose", .string, "Назначение платежа."), .field("amount", .integer, "Сумма, ₽."),
            .field(
                "state", .oneOf(BudgetEntryState.allCases.map(\.rawValue)), "Обязательство, оплачено или отменено."),
            .optional("paidOn", .date, "День оплаты."),
        ]))

    static let schema = OpenAPISchema.named(
        "BudgetLine",
        .object([
            .field("id", .uuid), .field("year", .integer, "Год программы."),
            .field(
                "kind", .oneOf(BudgetKind.allCases.map(\.rawValue)),
                "На что: педагоги-тренеры, поездки, поддержка педагогов, поддержка обучающихся, мероприятия, прочее."),
            .field("title", .string), .field("planned", .integer, "План на год, ₽."),
            .field("committed", .integer, "Обязательства, ещё не оплаченные, ₽."),
            .field("paid", .integer, "Оплачено, ₽."),
            .field("remaining", .integer, "Остаток, ₽."),
            .optional("entries", .array(entrySchema), "Обязательства и оплаты (только у одной строки)."),
        ]))

    static let bodySchema = OpenAPISchema.object([
        .optional(
            "sourceId", OpenAPISchema.string.nullable,
            "За что платят: назначение поддержки педагогу, мера поддержки обучающегося, мероприятие или педагог-тренер — "
                + "по виду строки."),
        .optional(
            "amount", OpenAPISchema.integer.nullable, "Сумма, ₽ (у назначения и меры поддержки — их собственная)."),
        .optional("purpose", OpenAPISchema.string.nullable),
        .field("committedOn", OpenAPISchema.string.nullable, "День обязательства: `2026-12-01` или `01.12.2026`."),
        .optional("paidOn", OpenAPISchema.string.nullable, "День оплаты, если уже оплачено."),
    ])

    static let operations = [
        APIOperation(
            .GET, "/budget-lines", id: "listBudgetLines", area: .people, summary: "Бюджет программы",
            description: """
                Строки бюджета муниципальной программы с планом, обязательствами, оплатами и остатком. \
                Администратору, КМЦ и методисту.
                """,
            list: APIParameter.list(
                sorts: ["year", "kind", "title"], search: true,
                filters: [
                    APIParameter("year", "Год программы, например 2026."),
                    APIParameter("kind", "На что.", values: BudgetSection.choices["kind"]),
                ]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .GET, "/budget-lines/{id}", id: "getBudgetLine", area: .people, summary: "Строка бюджета",
            description: "Одна строка с обязательствами и оплатами, новые первыми.", responses: [.ok(schema)]),
        APIOperation(
            .POST, "/budget-lines/{id}/entries", id: "createBudgetEntry", area: .people,
            summary: "Взять обязательство из строки",
            description: """
                Обязательство (или сразу оплата) по тем же проверкам, что и на сайте: больше остатка строки — 422 с \
                полем `amount`, и ничего не записано; одновременные запросы не берут больше плана. Назначение и мера \
                поддержки оплачиваются один раз. Только администратору.
                """,
            body: APIBody(schema: bodySchema), responses: [.created(entrySchema, "Обязательство записано.")]),
    ]
}
