import Domain
import Vapor
import Views

/// The assignments' API description.
extension AssignmentAPIController {
    static let schema = OpenAPISchema.named(
        "TechnicalAssignment",
        .object([
            .field("id", .uuid), .field("organizationId", .uuid, "Исполнитель."), .field("organization", .string),
            .field("title", .string), .field("status", .oneOf(AssignmentStatus.allCases.map(\.rawValue))),
            .field("startsOn", .date), .field("endsOn", .date), .optional("basis", .string, "Основание."),
            .field("goals", .string), .field("content", .string, "Содержание работы."),
            .field("expectedResults", .string), .optional("financing", .string),
            .optional("planId", .uuid, "План результатов выданного задания."),
            .field(
                "results",
                .array(
                    .object([
                        .field("kind", .oneOf(AssignmentDeliverableKind.allCases.map(\.rawValue))),
                        .field("title", .string), .field("dueOn", .date),
                        .optional("planItemId", .uuid, "Пункт плана (у выданного задания)."),
                        .optional("status", .oneOf(PlanItemStatus.allCases.map(\.rawValue))),
                    ])), "Формы предъявления результата."),
            .field("version", .integer),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/assignments", id: "listAssignments", area: .governance, summary: "Технические задания",
            description: """
                Технические задания КМЦ: МОУО, КМЦ и методист видят все (и проекты), организация — выданные ей.
                """,
            list: APIParameter.list(
                sorts: ["starts"],
                filters: [APIParameter("status", "Состояние.", values: AssignmentStatus.allCases.map(\.rawValue))]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .GET, "/assignments/{id}", id: "getAssignment", area: .governance, summary: "Техническое задание",
            description: "Одно задание с результатами и их пунктами плана.", responses: [.ok(schema)]),
        APIOperation(
            .POST, "/assignments", id: "createAssignment", area: .governance, summary: "Составить задание",
            description: """
                Проект задания или, с `issue: true`, выданное задание: результаты (строки «вид; название; срок \
                ДД.ММ.ГГГГ», вид — положение, проект, отчёт, справка или иное) становятся пунктами плана организации, \
                выполняемыми только с подтверждением. Неверное поле — 422 с полем.
                """,
            body: APIBody(schema: bodySchema),
            responses: [.created(schema, "Задание составлено.")]),
        APIOperation(
            .PUT, "/assignments/{id}", id: "updateAssignment", area: .governance, summary: "Изменить проект задания",
            description: """
                Проект задания по тем же правилам, что и при составлении (все поля), с `issue: true` — выдать его. \
                Выданное задание не меняется (409); `version` — версия, с которой читали задание: если его уже \
                изменили, — 409. Исполнитель задания не меняется.
                """,
            body: APIBody(schema: changeSchema), responses: [.ok(schema, "Сохранено.")], errors: [.conflict]),
    ]

    static let bodySchema = OpenAPISchema.object(
        [.field("organizationId", OpenAPISchema.uuid.nullable, "Исполнитель.")] + fields
            + [.optional("issue", OpenAPISchema.boolean.nullable, "Сразу выдать.")])

    static let changeSchema = OpenAPISchema.object(
        fields + [
            .optional("issue", OpenAPISchema.boolean.nullable, "Выдать."),
            .field("version", OpenAPISchema.integer.nullable, "Версия задания, с которой его читали."),
        ])

    static let fields: [OpenAPIProperty] = [
        .field("title", OpenAPISchema.string.nullable), .optional("basis", OpenAPISchema.string.nullable),
        .field("goals", OpenAPISchema.string.nullable), .field("content", OpenAPISchema.string.nullable),
        .field("expectedResults", OpenAPISchema.string.nullable),
        .optional("financing", OpenAPISchema.string.nullable),
        .field("startsOn", OpenAPISchema.string.nullable, "ДД.ММ.ГГГГ или ГГГГ-ММ-ДД."),
        .field("endsOn", OpenAPISchema.string.nullable),
        .field("results", OpenAPISchema.string.nullable, "Результаты, по строке на каждый."),
    ]
}
