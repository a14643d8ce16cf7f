import Domain
import Vapor
import Views

/// The analytic notes' API description (issue 22, items 7 and 8).
extension AnalyticNoteAPIController {
    static let figuresSchema = OpenAPISchema.object([
        .field("groups", .integer, "Групп с занятиями."), .field("studentsCovered", .integer, "Обучающихся."),
        .field("hoursPlanned", .integer, "Часов по плану групп."),
        .field("hoursDelivered", .integer, "Часов проведено по журналу."),
        .optional("attendancePercent", .integer, "Посещаемость, %."),
        .field("resultsPassed", .integer, "Прошли итоговую аттестацию."),
        .field("resultsTotal", .integer, "Итоговых результатов."), .field("certificates", .integer),
        .field("achievements", .integer, "Победителей и призёров."),
        .field("planItemsDone", .integer), .field("planItemsOverdue", .integer),
        .field("reportsSubmitted", .integer), .field("reportsLate", .integer), .field("reportsTotal", .integer),
        .optional("programStatus", .string, "Состояние программы деятельности."),
    ])

    static let schema = OpenAPISchema.named(
        "AnalyticNote",
        .object([
            .field("id", .uuid), .field("organizationId", .uuid), .field("organization", .string),
            .field("resourceCenterId", .uuid, "Назначение ресурсным центром на учебный год."),
            .field("academicYear", .string, "Учебный год: 2026/2027."),
            .field("countedOn", .date, "День, на который посчитаны данные."), .field("updatedAt", .dateTime),
            .optional(
                "sections", .stringMap,
                "Разделы (у одной справки): "
                    + AnalyticNoteSection.allCases.map { "\($0.rawValue) — «\($0.title)»" }.joined(separator: ", ")
                    + "."),
            .optional("figures", figuresSchema, "Данные Setka (у одной справки)."),
            .field("version", .integer),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/analytic-notes", id: "listAnalyticNotes", area: .governance, summary: "Аналитические справки",
            description: """
                Аналитические справки ресурсных центров за учебный год: МОУО, КМЦ и методист видят все справки \
                муниципалитета, руководитель РЦ — справки своей организации.
                """,
            list: APIParameter.list(
                sorts: ["organization"], filters: [APIParameter("year", "Учебный год: 2026 или 2026/2027.")]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .POST, "/analytic-notes", id: "draftAnalyticNote", area: .governance, summary: "Составить справку",
            description: """
                Черновик справки центра за учебный год по данным Setka (201); если справка уже составлена — она же \
                (200). Выводы пишет автор.
                """,
            body: APIBody(
                schema: .object([
                    .field("resourceCenterId", OpenAPISchema.string.nullable, "Назначение ресурсным центром.")
                ])),
            responses: [.created(schema, "Черновик составлен."), .ok(schema, "Справка уже была.")]),
        APIOperation(
            .GET, "/analytic-notes/{id}", id: "getAnalyticNote", area: .governance, summary: "Аналитическая справка",
            description: "Одна справка: разделы и данные Setka.", responses: [.ok(schema)]),
        APIOperation(
            .PUT, "/analytic-notes/{id}", id: "updateAnalyticNote", area: .governance, summary: "Сохранить справку",
            description: """
                Разделы, присланные в `sections`, заменяют прежние; неприсланные остаются; неизвестный раздел — 422. \
                Выводы обязательны (422 с полем `sections.conclusions`). `version` — версия, с которой читали справку: если её уже изменили, — \
                409.
                """,
            body: APIBody(
                schema: .object([
                    .optional("sections", OpenAPISchema.stringMap.nullable, "Раздел → текст."),
                    .field("version", OpenAPISchema.integer.nullable, "Версия справки."),
                ])),
            responses: [.ok(schema, "Сохранено.")], errors: [.conflict]),
        APIOperation(
            .POST, "/analytic-notes/{id}/recount", id: "recountAnalyticNote", area: .governance,
            summary: "Пересчитать данные справки",
            description:
                "Данные Setka посчитаны заново на сегодня; текст справки не меняется. Устаревшая версия — 409.",
            body: APIBody(
                schema: .object([.field("version", OpenAPISchema.integer.nullable, "Версия справки.")])),
            responses: [.ok(schema, "Пересчитано.")], errors: [.conflict]),
    ]
}
