import Domain
import Vapor
import Views

/// The meetings' API description.
extension MeetingAPIController {
    static let schema = OpenAPISchema.named(
        "Meeting",
        .object([
            .field("id", .uuid), .field("date", .date, "Дата совещания."), .field("title", .string),
            .field("agenda", .string, "Повестка."), .field("status", .oneOf(MeetingStatus.allCases.map(\.rawValue))),
            .optional("minutes", .string, "Протокол."),
            .optional(
                "participants",
                .array(
                    .object([
                        .field("kmcMemberId", .uuid), .field("name", .string),
                        .optional("present", .boolean, "Присутствовал (у проведённого совещания)."),
                    ])), "Участники из состава КМЦ (у одного совещания)."),
            .optional(
                "decisions",
                .array(
                    .object([
                        .field("text", .string), .optional("responsible", .string), .optional("dueOn", .date),
                        .optional("planItemId", .uuid, "Пункт плана решений КМЦ."),
                    ])), "Решения (у одного совещания)."),
            .optional("hearings", .array(hearingSchema), "Заслушанные ресурсные центры (у одного совещания)."),
            .field("version", .integer),
        ]))

    static let bodySchema = OpenAPISchema.object([
        .field("date", OpenAPISchema.string.nullable, "Дата совещания."),
        .field("title", OpenAPISchema.string.nullable, "Тема."),
        .field("agenda", OpenAPISchema.string.nullable, "Повестка."),
        .optional(
            "status", OpenAPISchema.oneOf(MeetingStatus.allCases.map(\.rawValue)).nullable,
            "Состояние (при изменении; не указано — прежнее)."),
        .optional("minutes", OpenAPISchema.string.nullable, "Протокол."),
        .field("members", OpenAPISchema.array(.uuid).nullable, "Участники — id членов КМЦ."),
        .optional("present", OpenAPISchema.array(.uuid).nullable, "Присутствовали (у проведённого)."),
        .optional(
            "newDecisions",
            OpenAPISchema.array(
                .object([
                    .field("text", OpenAPISchema.string.nullable, "Решение."),
                    .optional("responsible", OpenAPISchema.string.nullable, "Ответственный."),
                    .optional("dueOn", OpenAPISchema.string.nullable, "Срок."),
                ])
            ).nullable, "Решения, которые добавить (прежние остаются)."),
        .optional("version", OpenAPISchema.integer.nullable, "Версия совещания — обязательна при изменении."),
    ])

    static let hearingSchema = OpenAPISchema.named(
        "DesignationHearing",
        .object([
            .field("centerId", .uuid, "Назначение ресурсного центра (центр в учебном году)."),
            .field("organization", .string), .field("year", .string, "Учебный год, например 2025/2026."),
            .field("decision", .oneOf(DesignationDecision.allCases.map(\.rawValue))),
            .optional("reasoning", .string, "Обоснование."),
            .optional("nextCenterId", .uuid, "Назначение на следующий учебный год (при сохранении статуса)."),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/meetings", id: "listMeetings", area: .governance, summary: "Совещания КМЦ",
            description: "Совещания координационно-методического центра: дата, тема, повестка, состояние, протокол.",
            list: APIParameter.list(
                sorts: ["date"],
                filters: [APIParameter("status", "Состояние.", values: MeetingStatus.allCases.map(\.rawValue))]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .GET, "/meetings/{id}", id: "getMeeting", area: .governance, summary: "Совещание КМЦ",
            description: "Одно совещание с участниками, явкой, решениями и заслушанными центрами.",
            responses: [.ok(schema)]),
        APIOperation(
            .POST, "/meetings", id: "createMeeting", area: .governance, summary: "Запланировать совещание КМЦ",
            description: """
                Новое совещание (состояние `planned`): дата (`2026-12-20` или `20.12.2026`), тема, повестка, \
                участники из состава КМЦ (`members` — id членов КМЦ этого муниципалитета). Неверное поле — 422 с \
                его именем.
                """,
            body: APIBody(schema: bodySchema), responses: [.created(schema, "Совещание запланировано.")]),
        APIOperation(
            .PUT, "/meetings/{id}", id: "updateMeeting", area: .governance, summary: "Изменить совещание КМЦ",
            description: """
                Совещание по тем же правилам, что и на сайте: проведённое (`held`) — с протоколом и явкой \
                (`present`), не в будущем; новые решения (`newDecisions`: текст, ответственный, срок; добавляются к \
                прежним) — только у проведённого, решение со сроком становится пунктом плана решений КМЦ; совещание с \
                заслушанными центрами остаётся проведённым. `status` не указан — прежний. `version` — версия, с \
                которой читали совещание (обязательна): если его уже изменили, — 409.
                """,
            body: APIBody(schema: bodySchema), responses: [.ok(schema, "Сохранено.")], errors: [.conflict]),
        APIOperation(
            .POST, "/meetings/{id}/hearings", id: "hearCenter", area: .governance,
            summary: "Решение о статусе ресурсного центра",
            description: """
                Проведённое совещание заслушивает центр в учебном году: `keep` — статус сохраняется, центр назначается \
                на следующий учебный год (если он есть в справочнике); `change` — меняются функции и направления \
                (обоснование обязательно); `end` — деятельность прекращается досрочно, центр переводится в архив \
                (обоснование обязательно). Центр заслушивается на совещании один раз. Непроведённое совещание или \
                назначение центра, изменённое тем временем, — 409; неверное поле — 422 с полем.
                """,
            body: APIBody(
                schema: .object([
                    .field("centerId", OpenAPISchema.string.nullable, "Назначение ресурсного центра."),
                    .field("decision", OpenAPISchema.string.nullable, "keep, change или end."),
                    .optional("reasoning", OpenAPISchema.string.nullable, "Обоснование."),
                ])),
            responses: [.created(hearingSchema, "Решение записано.")], errors: [.conflict]),
    ]
}
