import Domain
import Vapor
import Views

/// The plans' API description (issue 22, items 2 and 8).
extension PlanAPIController {
    static let planSchema = OpenAPISchema.named(
        "Plan",
        .object([
            .field("id", .uuid),
            .field(
                "templateKey", .string,
                "Ключ шаблона: tochka-rosta-1, tochka-rosta-2, id своего шаблона муниципалитета; kmc-decisions — решения совещаний КМЦ; activity-program — план работы из согласованной программы РЦ; assignment-<id> — результаты технического задания."
            ),
            .optional("templateVersion", .integer, "Версия своего шаблона, из которой составлен план."),
            .field("title", .string), .optional("organizationId", .uuid, "Чей план; нет — план МОУО."),
            .field("owner", .string, "Организация или «Муниципалитет (план МОУО)»."), .field("year", .integer),
            .field("items", .integer, "Пунктов."), .field("done", .integer, "Выполнено."),
            .field("overdue", .integer, "Просрочено на сегодня."), .field("undated", .integer, "Без даты."),
            .optional("onTimePercent", .integer, "Доля наступивших сроков, выполненных в срок, %."),
            .field("version", .integer),
        ]))

    static let itemSchema = OpenAPISchema.named(
        "PlanItem",
        .object([
            .field("id", .uuid), .field("planId", .uuid), .optional("organizationId", .uuid),
            .field("side", .oneOf(PlanItemDraft.Side.allCases.map(\.rawValue)), "Мероприятие центра или МОУО."),
            .field("section", .string), .optional("number", .string, "Номер строки дорожной карты."),
            .field("position", .integer), .field("measure", .string),
            .field("deadline", .string, "Срок словами шаблона."), .optional("dueOn", .date, "Срок — дата."),
            .optional("startsOn", .date, "Начало работ, если срок — период."),
            .optional("quarter", .integer, "Квартал ежеквартального пункта."),
            .field("evidenceRequired", .boolean, "Отмечается выполненным только с подтверждением."),
            .field("status", .oneOf(PlanItemStatus.allCases.map(\.rawValue))),
            .field("overdue", .boolean, "Срок прошёл, пункт не выполнен и не отменён."),
            .optional("doneOn", .date), .optional("responsible", .string),
            .optional("responsibleUserId", .uuid), .optional("evidenceNote", .string),
            .optional("evidenceLink", .string), .field("evidenceFile", .boolean, "Приложен файл подтверждения."),
            .optional("cancelReason", .string), .field("version", .integer),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/plans", id: "listPlans", area: .governance, summary: "Планы",
            description: """
                Планы по дорожным картам с ходом выполнения. МОУО и КМЦ видят все планы муниципалитета, \
                руководитель центра и администрация школы — планы своей организации.
                """,
            list: APIParameter.list(
                sorts: ["owner"],
                filters: [
                    APIParameter("year", "Год плана.", schema: .integer),
                    APIParameter("organization", "Организация (id)."),
                    APIParameter(
                        "template",
                        "Шаблон: tochka-rosta-1, tochka-rosta-2 или id своего шаблона; kmc-decisions — план решений "
                            + "совещаний КМЦ; activity-program — план работы программы РЦ; assignment — планы "
                            + "технических заданий."),
                ]),
            responses: [.ok(.page(planSchema))]),
        APIOperation(
            .POST, "/plans", id: "createPlan", area: .governance, summary: "Составить план",
            description: """
                План по шаблону для организации (или МОУО, без `organizationId`) на год: пункты со сроками этого \
                года. Второй план той же организации по тому же шаблону на тот же год — 422 (или 409 при \
                одновременном создании).
                """,
            body: APIBody(
                schema: .object([
                    .field(
                        "templateKey", OpenAPISchema.string.nullable,
                        "tochka-rosta-1, tochka-rosta-2 или id своего шаблона муниципалитета."),
                    .optional("organizationId", OpenAPISchema.uuid.nullable, "Нет — план МОУО."),
                    .field("year", OpenAPISchema.integer.nullable),
                ]), form: true),
            responses: [.created(planSchema, "План составлен.")], errors: [.conflict]),
        APIOperation(
            .GET, "/plans/{id}", id: "getPlan", area: .governance, summary: "План",
            description: "Один план с ходом выполнения.", responses: [.ok(planSchema)]),
        APIOperation(
            .GET, "/plan-items", id: "listPlanItems", area: .governance, summary: "Пункты планов",
            description: """
                Пункты планов, которые пользователь может видеть: МОУО и КМЦ — все, организация — свои, \
                ответственный — те, за которые отвечает (`mine=true` — только они). `overdue=true` — просроченные.
                """,
            list: APIParameter.list(
                sorts: ["due", "position"],
                filters: [
                    APIParameter("plan", "План (id).", schema: .uuid),
                    APIParameter("status", "Состояние.", values: PlanItemStatus.allCases.map(\.rawValue)),
                    APIParameter("side", "Чьё мероприятие.", values: PlanItemDraft.Side.allCases.map(\.rawValue)),
                    APIParameter(
                        "overdue", "Только просроченные (true) или только не просроченные (false).",
                        values: ["true", "false"]),
                    APIParameter("mine", "Только те, за которые отвечает пользователь.", values: ["true", "false"]),
                ]),
            responses: [.ok(.page(itemSchema))]),
        APIOperation(
            .GET, "/plan-items/{id}", id: "getPlanItem", area: .governance, summary: "Пункт плана",
            description: "Один пункт плана.", responses: [.ok(itemSchema)]),
        APIOperation(
            .PUT, "/plan-items/{id}", id: "updatePlanItem", area: .governance, summary: "Отметить пункт плана",
            description: """
                Состояние, срок, ответственный, подтверждение — по правилам формы на сайте: пункт, которому нужно \
                подтверждение, выполненным без него — 422; отмена без причины — 422. `version` — версия, с которой \
                читали пункт: если его уже изменили, — 409 и ничего не записано.
                """,
            body: APIBody(
                schema: .object([
                    .field(
                        "status", OpenAPISchema.oneOf(PlanItemStatus.allCases.map(\.rawValue)).nullable,
                        "Состояние."),
                    .optional("dueOn", OpenAPISchema.string.nullable, "Срок: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД."),
                    .optional("doneOn", OpenAPISchema.string.nullable, "Дата выполнения; нет — сегодня."),
                    .optional("responsible", OpenAPISchema.string.nullable, "Ответственный словами."),
                    .optional("responsibleUserId", OpenAPISchema.uuid.nullable, "Ответственный пользователь."),
                    .optional("evidenceNote", OpenAPISchema.string.nullable, "Что сделано."),
                    .optional("evidenceLink", OpenAPISchema.string.nullable, "Ссылка http(s)://."),
                    .optional("cancelReason", OpenAPISchema.string.nullable, "Причина отмены."),
                    .field("version", OpenAPISchema.integer.nullable, "Версия пункта."),
                ]), form: true),
            responses: [.ok(itemSchema, "Сохранено.")], errors: [.conflict]),
    ]
}
