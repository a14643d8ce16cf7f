import Domain
import Vapor
import Views

/// The professional development API's description.
extension DevelopmentAPIController {
    static let schema = OpenAPISchema.named(
        "DevelopmentCourse",
        .object([
            .field("id", .uuid), .field("teacherId", .uuid, "Сотрудник (педагог)."), .field("teacher", .string),
            .field("course", .string, "Курс (программа повышения квалификации)."),
            .field("provider", .string, "Кто проводит."), .field("hours", .integer),
            .field("startsOn", .date), .field("endsOn", .date),
            .field(
                "trip", .oneOf(DevelopmentTrip.allCases.map(\.rawValue)),
                "Выезд: нет, в пределах края, в другой регион."),
            .field(
                "status", .oneOf(DevelopmentStatus.allCases.map(\.rawValue)),
                "Запланировано, идёт обучение, окончено и не отмечено, пройдено, отменено."),
            .optional("certificate", .string, "Номер удостоверения."),
        ]))

    static let bodySchema = OpenAPISchema.object([
        .field("teacherId", OpenAPISchema.string.nullable, "Сотрудник, которому записать курс."),
        .field("course", OpenAPISchema.string.nullable), .field("provider", OpenAPISchema.string.nullable),
        .field("hours", OpenAPISchema.integer.nullable),
        .field("startsOn", OpenAPISchema.string.nullable, "Первый день: `2027-03-01` или `01.03.2027`."),
        .optional("endsOn", OpenAPISchema.string.nullable, "Последний день (нет — однодневный)."),
        .field("trip", OpenAPISchema.string.nullable, "`none`, `within-region`, `other-region`."),
        .optional(
            "completed", OpenAPISchema.boolean.nullable, "Пройден (после последнего дня, с номером удостоверения)."),
        .optional("certificate", OpenAPISchema.string.nullable), .optional("note", OpenAPISchema.string.nullable),
    ])

    static let operations = [
        APIOperation(
            .GET, "/professional-development", id: "listProfessionalDevelopment", area: .people,
            summary: "План-график повышения квалификации",
            description: """
                Курсы повышения квалификации педагогов, которых видит пользователь: всех — администратору, КМЦ и \
                методисту, своих сотрудников — руководителю центра и администрации школы, свои — педагогу.
                """,
            list: APIParameter.list(
                sorts: ["date", "teacher"], search: true,
                filters: [
                    APIParameter("year", "Год начала курса, например 2027."),
                    APIParameter("state", "Состояние.", values: DevelopmentSection.choices["state"]),
                    APIParameter("trip", "Выезд.", values: DevelopmentSection.choices["trip"]),
                    APIParameter("organization", "Место работы педагога (id организации)."),
                ]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .POST, "/professional-development", id: "createProfessionalDevelopment", area: .people,
            summary: "Добавить курс в план-график",
            description: """
                Новый курс по тем же проверкам, что и на сайте: педагог — из сотрудников, которых пользователь ведёт \
                (иначе 422 с полем `teacherId`), окончание не раньше начала, отметка «пройден» — после последнего дня \
                и с номером удостоверения.
                """,
            body: APIBody(schema: bodySchema), responses: [.created(schema, "Курс добавлен.")]),
        APIOperation(
            .GET, "/professional-development/{id}", id: "getProfessionalDevelopment", area: .people,
            summary: "Курс повышения квалификации", description: "Один курс с состоянием.", responses: [.ok(schema)]),
    ]
}
