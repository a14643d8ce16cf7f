import Domain
import Vapor
import Views

/// The roadmap templates' API description (issue 22, item 1).
extension RoadmapAPIController {
    static let templateSchema = OpenAPISchema.named(
        "RoadmapTemplate",
        .object([
            .field("id", .string, "Ключ шаблона: tochka-rosta-1, tochka-rosta-2 или id своего шаблона."),
            .field("title", .string),
            .field("measures", .integer, "Строк в шаблоне."), .field("builtIn", .boolean, "Встроенный шаблон."),
        ]))

    static let measureSchema = OpenAPISchema.named(
        "RoadmapMeasure",
        .object([
            .optional("number", .string, "Номер строки, как в документе (бывает повторён; у подстрок нет)."),
            .optional("center", .string, "Мероприятие центра."),
            .optional("centerDeadline", .string, "Срок центра словами документа."),
            .optional("centerDays", .array(.date), "Даты срока центра в году (нет — дату уточняет составитель плана)."),
            .optional("centerStart", .date, "Начало работы центра, если срок — период."),
            .optional("authority", .string, "Мероприятие МОУО."),
            .optional("authorityDeadline", .string, "Срок МОУО словами документа."),
            .optional("authorityDays", .array(.date), "Даты срока МОУО в году."),
            .optional("authorityStart", .date, "Начало работы МОУО, если срок — период."),
        ]))

    static let detailSchema = OpenAPISchema.named(
        "RoadmapTemplateDetail",
        .object([
            .field("id", .string), .field("title", .string), .field("year", .integer, "Год, в датах которого сроки."),
            .field(
                "sections",
                .array(
                    .object([.field("title", .string), .field("measures", .array(measureSchema))])),
                "Разделы дорожной карты."),
        ]))

    static let operations =
        [
            APIOperation(
                .GET, "/roadmap-templates", id: "listRoadmapTemplates", area: .governance,
                summary: "Шаблоны дорожных карт",
                description:
                    "Встроенные шаблоны (дорожные карты центров «Точка роста» первого и второго года) и свои шаблоны "
                    + "муниципалитета (`builtIn: false`, `id` — их id).",
                list: APIParameter.list(sorts: ["title"]), responses: [.ok(.page(templateSchema))]),
            APIOperation(
                .GET, "/roadmap-templates/{id}", id: "getOwnRoadmapTemplate", area: .governance,
                summary: "Свой шаблон плана",
                description: "Шаблон муниципалитета (текущая версия) по разделам, со сроками в году `year`.",
                query: [APIParameter("year", "Год плана.", schema: .integer)], responses: [.ok(detailSchema)]),
        ]
        + RoadmapTemplate.builtIn.map { template in
            APIOperation(
                .GET, "/roadmap-templates/\(template.id)",
                id: "getRoadmapTemplate" + template.id.split(separator: "-").map(\.capitalized).joined(),
                area: .governance, summary: template.title,
                description: """
                    Строки шаблона по разделам: мероприятия центра и МОУО со сроками словами документа и датами \
                    этих сроков в году `year` (с прошлого до следующего за будущим; по умолчанию — текущий).
                    """,
                query: [APIParameter("year", "Год плана.", schema: .integer)], responses: [.ok(detailSchema)])
        }
}
