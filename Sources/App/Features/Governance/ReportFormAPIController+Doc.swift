import Domain
import Vapor
import Views

/// The report forms' API description.
extension ReportFormAPIController {
    static let formSchema = OpenAPISchema.named(
        "ReportForm",
        .object([
            .field("id", .string, "Ключ формы: tochka-rosta-quarter или id своей формы."), .field("title", .string),
            .field("indicators", .integer, "Показателей в форме."), .field("builtIn", .boolean, "Встроенная форма."),
        ]))

    static let indicatorSchema = OpenAPISchema.named(
        "ReportIndicator",
        .object([
            .field("key", .string, "Ключ показателя: под ним ответ в `answers` отчёта."), .field("title", .string),
            .field("kind", .oneOf(["number", "share", "text", "date", "table"]), "Тип показателя."),
            .optional("columns", .array(.string), "Графы таблицы; строки ответа — поля через «; »."),
            .field("unit", .string, "Единица измерения (может быть пустой)."),
            .field("required", .boolean, "Без него отчёт не сдать."), .optional("hint", .string),
            .optional("source", .oneOf(ReportSource.allCases.map(\.rawValue)), "Откуда число считает Setka."),
        ]))

    static let detailSchema = OpenAPISchema.named(
        "ReportFormDetail",
        .object([
            .field("id", .string), .field("title", .string), .field("builtIn", .boolean),
            .optional("version", .integer, "Версия своей формы."),
            .field("indicators", .array(indicatorSchema), "Показатели по порядку."),
        ]))

    static let operations =
        [
            APIOperation(
                .GET, "/report-forms", id: "listReportForms", area: .governance, summary: "Формы отчётов",
                description:
                    "Встроенная форма (ежеквартальный отчёт центра «Точка роста») и свои формы муниципалитета "
                    + "(`builtIn: false`, `id` — их id).",
                list: APIParameter.list(sorts: ["title"]), responses: [.ok(.page(formSchema))]),
            APIOperation(
                .GET, "/report-forms/{id}", id: "getOwnReportForm", area: .governance, summary: "Своя форма отчёта",
                description: "Форма муниципалитета (текущая версия): показатели с ключами, типами и единицами.",
                responses: [.ok(detailSchema)]),
        ]
        + ReportForm.builtIn.map { form in
            APIOperation(
                .GET, "/report-forms/\(form.id)",
                id: "getReportForm" + form.id.split(separator: "-").map(\.capitalized).joined(), area: .governance,
                summary: form.title, description: "Показатели встроенной формы с ключами, типами и единицами.",
                responses: [.ok(detailSchema)])
        }
}
