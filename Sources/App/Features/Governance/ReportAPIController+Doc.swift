import Domain
import Vapor
import Views

/// The reports' API description.
extension ReportAPIController {
    static let campaignSchema = OpenAPISchema.named(
        "ReportCampaign",
        .object([
            .field("id", .uuid), .field("formKey", .string, "Форма отчёта."), .field("title", .string),
            .field("year", .integer), .optional("quarter", .integer), .field("periodFrom", .date),
            .field("periodTo", .date), .field("dueOn", .date, "Срок сдачи."),
            .field("reports", .integer, "Организаций, которые отчитываются."), .field("submitted", .integer),
            .field("late", .integer, "Сдано с опозданием."),
            .optional("totals", .stringMap, "Сводные значения сданных отчётов по показателям."),
            .optional(
                "indicators", .array(ReportFormAPIController.indicatorSchema),
                "Показатели формы, какой её объявили в кампании (только в одной кампании)."),
        ]))

    static let reportSchema = OpenAPISchema.named(
        "Report",
        .object([
            .field("id", .uuid), .field("campaignId", .uuid), .field("campaign", .string, "Название кампании."),
            .field("formKey", .string, "Форма отчёта."), .field("periodFrom", .date), .field("periodTo", .date),
            .field("dueOn", .date, "Срок сдачи."), .field("organizationId", .uuid),
            .field("organization", .string), .field("status", .oneOf(ReportStatus.allCases.map(\.rawValue))),
            .field("late", .boolean, "Сдан после срока."), .optional("submittedAt", .dateTime),
            .optional("returnComment", .string, "Замечания при возврате."),
            .field("answers", .stringMap, "Ответы: ключ показателя → значение."),
            .field("computed", .stringMap, "Что посчитала Setka при заполнении: ключ показателя → число."),
            .field("version", .integer),
            .optional(
                "indicators", .array(ReportFormAPIController.indicatorSchema),
                "Показатели формы, какой её объявили в кампании: ключи `answers` (только в одном отчёте)."),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/report-campaigns", id: "listReportCampaigns", area: .governance, summary: "Кампании отчётности",
            description: "Кампании отчётности муниципалитета: период, срок, сколько сдано и с опозданием.",
            list: APIParameter.list(sorts: ["due"]), responses: [.ok(.page(campaignSchema))]),
        APIOperation(
            .GET, "/report-campaigns/{id}", id: "getReportCampaign", area: .governance, summary: "Кампания отчётности",
            description: "Одна кампания со сводными значениями сданных отчётов.", responses: [.ok(campaignSchema)]),
        APIOperation(
            .POST, "/report-campaigns", id: "announceReportCampaign", area: .governance,
            summary: "Объявить кампанию отчётности",
            description: """
                Кампания по форме (`form`: tochka-rosta-quarter или id своей формы муниципалитета) за квартал года: \
                период и срок сдачи (5 число месяца, следующего за кварталом) следуют из квартала; каждой \
                организации из `organizations` — отчёт «не начат». Неверное поле — 422 с его именем; кампания по \
                этой форме за этот квартал уже есть — 422 (`quarter`) или 409, если её объявили одновременно.
                """,
            body: APIBody(
                schema: .object([
                    .field("form", OpenAPISchema.string.nullable, "Ключ формы."),
                    .field("year", OpenAPISchema.integer.nullable, "Год."),
                    .field("quarter", OpenAPISchema.integer.nullable, "Квартал, 1–4."),
                    .field("organizations", OpenAPISchema.array(.uuid).nullable, "Кто отчитывается (id)."),
                ])),
            responses: [.created(campaignSchema, "Кампания объявлена.")], errors: [.conflict]),
        APIOperation(
            .GET, "/reports", id: "listReports", area: .governance, summary: "Отчёты",
            description: "Отчёты организаций: МОУО и КМЦ — все, организация — свои.",
            list: APIParameter.list(
                sorts: ["organization"],
                filters: [
                    APIParameter("campaign", "Кампания (id).", schema: .uuid),
                    APIParameter("status", "Состояние.", values: ReportStatus.allCases.map(\.rawValue)),
                ]),
            responses: [.ok(.page(reportSchema))]),
        APIOperation(
            .GET, "/reports/{id}", id: "getReport", area: .governance, summary: "Отчёт",
            description: "Один отчёт организации.", responses: [.ok(reportSchema)]),
        APIOperation(
            .PUT, "/reports/{id}", id: "updateReport", area: .governance, summary: "Сохранить или сдать отчёт",
            description: """
                Ответы по показателям формы — по тем же правилам, что и на сайте: неверное значение — 422 с полем; \
                `submit: true` сдаёт отчёт (без обязательного показателя — 422), после срока — с отметкой об \
                опоздании. Сданный отчёт меняется только после возврата на доработку (409). `version` — версия, с \
                которой читали отчёт: если его уже изменили, — 409.
                """,
            body: APIBody(
                schema: .object([
                    .optional("answers", OpenAPISchema.stringMap.nullable, "Ключ показателя → значение."),
                    .optional("submit", OpenAPISchema.boolean.nullable, "Сдать отчёт."),
                    .field("version", OpenAPISchema.integer.nullable, "Версия отчёта."),
                ])),
            responses: [.ok(reportSchema, "Сохранено.")], errors: [.conflict]),
        APIOperation(
            .POST, "/reports/{id}/return", id: "returnReport", area: .governance, summary: "Вернуть отчёт на доработку",
            description: """
                МОУО или КМЦ возвращает сданный отчёт с замечаниями (`comment` обязателен — иначе 422): организация \
                снова может его изменить. Несданный отчёт — 409; `version` — версия, с которой читали отчёт: если \
                его уже изменили, — 409.
                """,
            body: APIBody(
                schema: .object([
                    .field("comment", OpenAPISchema.string.nullable, "Что исправить."),
                    .field("version", OpenAPISchema.integer.nullable, "Версия отчёта."),
                ])),
            responses: [.ok(reportSchema, "Возвращён.")], errors: [.conflict]),
    ]
}
