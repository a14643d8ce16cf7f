import Domain
import Vapor
import Views

extension GroupAPIController {
    static let operations = [
        APIOperation(
            .GET, "/groups", id: "listGroups", area: .enrollment, summary: "Группы",
            description: "Учебные группы муниципалитета: места, зачисленные, лист ожидания.",
            list: APIParameter.list(sorts: ["name"], filters: [RegistryDocs.status, RegistryDocs.organization]),
            responses: [.ok(.page(GroupDTO.schema))]),
        APIOperation(
            .GET, "/groups/{id}", id: "getGroup", area: .enrollment, summary: "Группа", description: "Одна группа.",
            responses: [.ok(GroupDTO.schema)]),
        APIOperation(
            .POST, "/groups/{id}/enrollments", id: "enrollStudent", area: .enrollment, summary: "Зачислить в группу",
            description: """
                Зачисляет обучающегося в группу по тем же правилам, что и страница группы: есть место — 201 \
                `enrolled`, мест нет — 200 `waitlisted` с местом в листе ожидания; отказ по правилам — 409.
                """,
            body: APIBody(
                schema: .object([.field("studentId", OpenAPISchema.uuid.nullable, "Обучающийся.")]), form: true),
            responses: [
                .created(enrollOutput, "Зачислен."), .ok(enrollOutput, "Поставлен в лист ожидания."),
            ],
            errors: [.conflict]),
        APIOperation(
            .PUT, "/groups/{id}/teacher", id: "setGroupTeacher", area: .enrollment, summary: "Назначить педагога",
            description: """
                Назначает группе педагога (`teacherId`: сотрудник; `null` — без педагога). Будущие занятия прежнего \
                педагога переходят к новому; если он в это время занят — 409, ничего не меняется. `version`, если \
                указана, должна совпадать с версией группы.
                """,
            body: APIBody(
                schema: .object([
                    .optional("teacherId", OpenAPISchema.uuid.nullable, "Педагог (сотрудник) или `null`."),
                    .optional("version", OpenAPISchema.integer.nullable, "Версия группы, прочитанная ранее."),
                ]), form: true),
            responses: [.ok(GroupDTO.schema, "Педагог назначен; группа после изменения.")],
            errors: [.conflict]),
    ]

    static let enrollOutput = OpenAPISchema.named(
        "EnrollmentOutcome",
        .object([
            .field("status", .oneOf(["enrolled", "waitlisted"])),
            .optional("position", .integer, "Место в листе ожидания."),
        ]))
}

extension EnrollmentAPIController {
    static let operations = [
        APIOperation(
            .GET, "/enrollments", id: "listEnrollments", area: .enrollment, summary: "Записи в группы",
            description: """
                Места обучающихся в группах: школе — её обучающиеся, центру — его группы, КМЦ — все; обучающемуся \
                и родителю — свои.
                """,
            list: APIParameter.list(
                sorts: ["student", "created"], search: true,
                filters: [
                    APIParameter("school", "Обучающиеся этой школы."), RegistryDocs.organization,
                    APIParameter("status", "Состояние места.", values: EnrollmentStatus.allCases.map(\.rawValue)),
                    APIParameter("group", "Только эта группа."),
                ]),
            responses: [.ok(.page(EnrollmentDTO.schema))])
    ]
}

extension ApplicationAPIController {
    static let operations = [
        APIOperation(
            .GET, "/applications", id: "listApplications", area: .enrollment, summary: "Заявления (ИУП)",
            description: "Заявления на сетевые курсы: свои, обучающихся своей школы или все (КМЦ).",
            list: APIParameter.list(
                sorts: ["submitted"],
                filters: [
                    APIParameter("state", "Состояние.", values: ApplicationState.allCases.map(\.rawValue)),
                    APIParameter("campaign", "Кампания записи."), APIParameter("student", "Обучающийся."),
                ]),
            responses: [.ok(.page(ApplicationDTO.schema))]),
        APIOperation(
            .POST, "/applications", id: "submitApplication", area: .enrollment, summary: "Подать заявление",
            description: """
                Подаёт заявление (ИУП) в кампанию записи: группы по порядку предпочтения. Ответ: 201 `enrolled` \
                (место занято), 200 `waitlisted` (только лист ожидания), 202 `submitted` (распределение после \
                окончания приёма); отказ по правилам — 409 или 422 с причиной.
                """,
            body: APIBody(
                schema: .object([
                    .field("campaignId", OpenAPISchema.uuid.nullable, "Кампания записи."),
                    .field("studentId", OpenAPISchema.uuid.nullable, "Обучающийся."),
                    .field("choices", OpenAPISchema.array(.uuid).nullable, "Группы по порядку предпочтения."),
                    .optional(
                        "guardianAgreement", OpenAPISchema.string.nullable,
                        "Согласие родителя (ФИО); засчитывается, если заявление подаёт родитель."),
                ])),
            responses: [
                .created(submitOutput, "Зачислен."), .ok(submitOutput, "В листе ожидания."),
                APIResponse(status: .accepted, description: "Принято к распределению.", schema: submitOutput),
            ],
            errors: [.notFound, .conflict]),
    ]

    static let submitOutput = OpenAPISchema.named(
        "ApplicationOutcome",
        .object([
            .field("status", .oneOf(["enrolled", "waitlisted", "submitted"])),
            .optional("position", .integer, "Место в листе ожидания."), .field("applicationId", .uuid),
            .field("choices", .array(ApplicationService.ChoiceOutcome.schema)),
        ]))
}
