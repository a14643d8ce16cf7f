import Domain
import Vapor
import Views

/// The parameters of a student's record lists (`StudentRecordScope`): one of them is needed.
enum StudentRecordDocs {
    static let filters = [
        APIParameter("group", "Группа (нужна группа или обучающийся)."),
        APIParameter("student", "Обучающийся (нужна группа или обучающийся)."),
    ]
}

extension JournalAPIController {
    static let operations = [
        APIOperation(
            .GET, "/attendance", id: "listAttendance", area: .journal, summary: "Посещаемость",
            description: "Отметки посещаемости группы или обучающегося (по всем его группам).",
            list: APIParameter.list(sorts: ["day"], filters: StudentRecordDocs.filters),
            responses: [.ok(.page(AttendanceDTO.schema))],
            errors: [.notFound]),
        APIOperation(
            .POST, "/lessons/{id}/register", id: "markLesson", area: .journal, summary: "Заполнить журнал занятия",
            description: """
                Тема, часы и отметки занятия, как на странице журнала. Первая запись — 201, изменение — 200; \
                `version` — версия записи журнала, прочитанная ранее (иначе 409, если её изменили).
                """,
            body: APIBody(
                schema: .object([
                    .field("topic", OpenAPISchema.string.nullable, "Тема занятия."),
                    .field("hours", OpenAPISchema.integer.nullable, "Проведено часов."),
                    .optional(
                        "marks",
                        OpenAPISchema.array(
                            .object([
                                .field("studentId", .uuid),
                                .field(
                                    "status", .string,
                                    "Отметка: \(AttendanceStatus.allCases.map(\.rawValue).joined(separator: ", "))."),
                            ])
                        ).nullable, "Отметки обучающихся."),
                    .optional("version", OpenAPISchema.integer.nullable, "Версия записи журнала."),
                ])),
            responses: [
                APIResponse(status: .created, description: "Журнал занятия заполнен.", schema: nil),
                APIResponse(status: .ok, description: "Журнал занятия изменён.", schema: nil),
            ],
            errors: [.conflict]),
    ]
}

extension ResultsAPIController {
    static let operations = [
        APIOperation(
            .GET, "/results", id: "listResults", area: .assessment, summary: "Итоговые результаты",
            description: "Итоговая аттестация группы или обучающегося.",
            list: APIParameter.list(sorts: ["day"], filters: StudentRecordDocs.filters),
            responses: [.ok(.page(ResultDTO.schema))], errors: [.notFound])
    ]
}

extension CertificatesAPIController {
    static let operations = [
        APIOperation(
            .GET, "/certificates", id: "listCertificates", area: .certificates, summary: "Сертификаты",
            description: "Сертификаты группы или обучающегося.",
            list: APIParameter.list(sorts: ["number"], filters: StudentRecordDocs.filters),
            responses: [.ok(.page(CertificateDTO.schema))],
            errors: [.notFound]),
        APIOperation(
            .POST, "/groups/{id}/certificates", id: "issueCertificates", area: .certificates,
            summary: "Выдать сертификаты",
            description: """
                Выдаёт сертификаты аттестованным обучающимся группы, у которых их ещё нет: 201 — выданы, 200 — \
                выдавать некому.
                """,
            responses: [
                .created(issueOutput, "Сертификаты выданы."), .ok(issueOutput, "Новых сертификатов нет."),
            ],
            errors: [.conflict]),
    ]

    static let issueOutput = OpenAPISchema.named(
        "IssuedCertificates",
        .object([.field("issued", .integer, "Выдано."), .field("certificates", .array(CertificateDTO.schema))]))
}

extension CertificateVerifyAPIController {
    static let operations = [
        APIOperation(
            .GET, "/certificates/verify", id: "verifyCertificate", area: .certificates,
            summary: "Проверить сертификат",
            description: """
                Открытая проверка подлинности по номеру и коду с бланка, как на странице проверки; число неудачных \
                проверок ограничено (429).
                """,
            access: .open,
            query: [
                APIParameter("number", "Номер сертификата.", required: true),
                APIParameter("code", "Код проверки с бланка.", required: true),
            ],
            responses: [.ok(Output.schema, "Сертификат найден.")],
            errors: [.notFound, .tooManyRequests])
    ]
}

extension OrderAPIController {
    static let operations = [
        APIOperation(
            .GET, "/orders", id: "listOrders", area: .orders, summary: "Приказы",
            description: "Реестр приказов муниципалитета (администратор, КМЦ, методист).",
            list: APIParameter.list(
                sorts: ["date"],
                filters: [
                    APIParameter("year", "Учебный год (идентификатор).", schema: .uuid),
                    APIParameter("kind", "Вид приказа.", values: OrderKind.allCases.map(\.rawValue)),
                    APIParameter("status", "Состояние.", values: OrderStatus.allCases.map(\.rawValue)),
                ]),
            responses: [.ok(.page(DTO.schema))]),
        APIOperation(
            .GET, "/orders/{id}", id: "getOrder", area: .orders, summary: "Приказ", description: "Один приказ.",
            responses: [.ok(DTO.schema)]),
    ]
}
