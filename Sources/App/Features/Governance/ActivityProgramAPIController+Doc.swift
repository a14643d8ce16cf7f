import Domain
import Vapor
import Views

/// The activity programmes' API description (issue 22, items 3 and 8).
extension ActivityProgramAPIController {
    static let schema = OpenAPISchema.named(
        "ActivityProgram",
        .object([
            .field("id", .uuid), .field("organizationId", .uuid), .field("organization", .string),
            .field("resourceCenterId", .uuid, "Назначение ресурсным центром на учебный год."),
            .field("academicYear", .string, "Учебный год: 2026/2027."),
            .field("status", .oneOf(ActivityProgramStatus.allCases.map(\.rawValue))),
            .optional("returnComment", .string, "Замечания при возврате."), .optional("submittedAt", .dateTime),
            .optional("planId", .uuid, "План работы центра, составленный при согласовании."),
            .optional(
                "sections", .stringMap,
                "Разделы (у одной программы): "
                    + ActivityProgramSection.texts.map { "\($0.rawValue) — «\($0.title)»" }.joined(separator: ", ")
                    + "."),
            .optional(
                "workPlan",
                .array(
                    .object([
                        .field("activity", .string), .field("dates", .string, "Сроки словами."),
                        .optional("dueOn", .date, "Срок — дата, если сроки её дают."),
                        .optional("startsOn", .date), .field("responsible", .string), .optional("partners", .string),
                    ])), "План работы РЦ на учебный год (у одной программы)."),
            .optional(
                "workingGroup", .array(.object([.field("name", .string), .field("position", .string)])),
                "Состав рабочей группы (у одной программы)."),
            .optional(
                "versions",
                .array(
                    .object([
                        .field("number", .integer), .field("submittedAt", .dateTime), .field("submittedBy", .string),
                        .field("status", .oneOf(ActivityProgramStatus.allCases.map(\.rawValue))),
                        .optional("comment", .string),
                    ])), "Направленные на согласование версии (у одной программы)."),
            .field("version", .integer),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/activity-programs", id: "listActivityPrograms", area: .governance,
            summary: "Программы деятельности РЦ",
            description: """
                Программы деятельности ресурсных центров: МОУО, КМЦ и методист видят все программы муниципалитета, \
                руководитель РЦ и администрация школы — программы своей организации.
                """,
            list: APIParameter.list(
                sorts: ["organization"],
                filters: [
                    APIParameter("status", "Состояние.", values: ActivityProgramStatus.allCases.map(\.rawValue)),
                    APIParameter("year", "Учебный год: 2026 или 2026/2027."),
                ]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .POST, "/activity-programs", id: "startActivityProgram", area: .governance,
            summary: "Начать программу деятельности",
            description: """
                Пустой черновик программы центра на учебный год (201); если программа уже начата — она же (200). \
                Разделы, план работы и рабочую группу пишет `PUT /activity-programs/{id}`.
                """,
            body: APIBody(
                schema: .object([
                    .field("resourceCenterId", OpenAPISchema.string.nullable, "Назначение ресурсным центром.")
                ])),
            responses: [.created(schema, "Черновик начат."), .ok(schema, "Программа уже была.")]),
        APIOperation(
            .GET, "/activity-programs/{id}", id: "getActivityProgram", area: .governance,
            summary: "Программа деятельности РЦ",
            description: "Одна программа: разделы, план работы, рабочая группа, версии.", responses: [.ok(schema)]),
        APIOperation(
            .PUT, "/activity-programs/{id}", id: "updateActivityProgram", area: .governance,
            summary: "Сохранить или направить программу",
            description: """
                Разделы, план работы (строки «мероприятие; сроки; ответственный; партнёры») и рабочая группа \
                (строки «ФИО; должность, место работы») — по правилам формы на сайте; неотправленное остаётся \
                прежним. `submit: true` утверждает программу и направляет на согласование: нужны все разделы, план \
                и рабочая группа (иначе 422 с полями). Программа на согласовании или согласованная не меняется \
                (409). `version` — версия, с которой читали программу: если её уже изменили, — 409.
                """,
            body: APIBody(
                schema: .object([
                    .optional("sections", OpenAPISchema.stringMap.nullable, "Раздел → текст."),
                    .optional("workPlan", OpenAPISchema.string.nullable, "План работы, по строке на мероприятие."),
                    .optional("workingGroup", OpenAPISchema.string.nullable, "Рабочая группа, по строке на участника."),
                    .optional("submit", OpenAPISchema.boolean.nullable, "Утвердить и направить на согласование."),
                    .field("version", OpenAPISchema.integer.nullable, "Версия программы."),
                ])),
            responses: [.ok(schema, "Сохранено.")], errors: [.conflict]),
        APIOperation(
            .POST, "/activity-programs/{id}/decision", id: "decideActivityProgram", area: .governance,
            summary: "Согласовать или вернуть программу",
            description: """
                МОУО или КМЦ: `agree` — согласовать (план работы становится планом центра), `return` — вернуть на \
                доработку с замечаниями (`comment` обязателен). Решение только по программе на согласовании (иначе \
                409); `version` — версия программы.
                """,
            body: APIBody(
                schema: .object([
                    .field("decision", OpenAPISchema.oneOf(["agree", "return"]).nullable),
                    .optional("comment", OpenAPISchema.string.nullable, "Замечания."),
                    .field("version", OpenAPISchema.integer.nullable, "Версия программы."),
                ])),
            responses: [.ok(schema, "Решение записано.")], errors: [.conflict]),
    ]
}
