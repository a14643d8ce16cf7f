import Domain
import Vapor
import Views

/// The events' API description.
extension EventAPIController {
    static let schema = OpenAPISchema.named(
        "Event",
        .object([
            .field("id", .uuid), .field("title", .string),
            .field("kind", .oneOf(EventKind.allCases.map(\.rawValue)), "Вид мероприятия."),
            .field(
                "audience", .oneOf(EventAudience.allCases.map(\.rawValue)), "Для кого: обучающиеся, педагоги, родители."
            ),
            .field("organizationId", .uuid, "Организация, которая проводит."), .field("organization", .string),
            .field("startsOn", .date), .field("endsOn", .date),
            .optional("startsAt", .time, "Время начала (нет — весь день)."), .optional("endsAt", .time),
            .optional("place", .string), .optional("link", .string, "Ссылка на трансляцию."),
            .optional("capacity", .integer, "Мест (нет — без ограничения)."),
            .field("registered", .integer, "Записано."), .field("registrationUntil", .date, "Последний день записи."),
            .field("isPublic", .boolean, "В открытом календаре."),
            .field(
                "phase", .oneOf(["open", "full", "closed", "underway", "held", "cancelled"]),
                "Идёт запись, мест нет, запись закрыта, идёт, проведено, отменено."),
            .optional("details", .string), .optional("results", .string), .optional("materials", .string),
            .field("version", .integer),
        ]))

    static let registrationSchema = OpenAPISchema.named(
        "EventRegistration",
        .object([
            .field("id", .uuid), .field("eventId", .uuid),
            .optional("studentId", .uuid, "Обучающийся (на мероприятие для обучающихся)."),
            .optional("userId", .uuid, "Пользователь, записавшийся сам (педагог, родитель)."),
            .field("name", .string), .optional("organizationId", .uuid, "Школа обучающегося или место работы."),
            .optional("attended", .boolean, "Присутствовал (после отметки организатором)."),
            .field("registeredAt", .dateTime),
        ]))

    static let bodySchema = OpenAPISchema.object([
        .field("title", OpenAPISchema.string.nullable), .field("kind", OpenAPISchema.string.nullable),
        .field("audience", OpenAPISchema.string.nullable),
        .field("organizationId", OpenAPISchema.string.nullable, "Организация, которая проводит."),
        .field("startsOn", OpenAPISchema.string.nullable, "Первый день: `2027-03-12` или `12.03.2027`."),
        .optional("endsOn", OpenAPISchema.string.nullable, "Последний день (нет — однодневное)."),
        .optional("startsAt", OpenAPISchema.string.nullable, "Время начала, `15:00`."),
        .optional("endsAt", OpenAPISchema.string.nullable),
        .optional("place", OpenAPISchema.string.nullable), .optional("link", OpenAPISchema.string.nullable),
        .optional("capacity", OpenAPISchema.integer.nullable, "Мест (нет — без ограничения)."),
        .optional("registrationUntil", OpenAPISchema.string.nullable, "Последний день записи."),
        .field("isPublic", OpenAPISchema.boolean.nullable, "Показывать в открытом календаре."),
        .optional("details", OpenAPISchema.string.nullable), .optional("results", OpenAPISchema.string.nullable),
        .optional("materials", OpenAPISchema.string.nullable),
    ])

    static let operations = [
        APIOperation(
            .GET, "/events", id: "listEvents", area: .people, summary: "Мероприятия",
            description: """
                Мероприятия муниципалитета: семинары, круглые столы, вебинары, конференции, мастер-классы, конкурсы, \
                профильные смены и летние школы. По умолчанию — предстоящие и идущие (`when=upcoming`), ближайшие первыми.
                """,
            list: APIParameter.list(
                sorts: ["date"], search: true,
                filters: [
                    APIParameter("when", "Когда.", values: EventsSection.choices["when"]),
                    APIParameter("kind", "Вид.", values: EventsSection.choices["kind"]),
                    APIParameter("audience", "Для кого.", values: EventsSection.choices["audience"]),
                    APIParameter("organization", "Организатор (id организации)."),
                ]),
            responses: [.ok(.page(schema))]),
        APIOperation(
            .POST, "/events", id: "createEvent", area: .people, summary: "Добавить мероприятие",
            description: """
                Новое мероприятие по тем же проверкам, что и на сайте: место или ссылка обязательны, окончание не \
                раньше начала, запись заканчивается не позже дня начала. Организация — та, от имени которой \
                пользователь может проводить мероприятия (иначе 422 с полем `organizationId`).
                """,
            body: APIBody(schema: bodySchema), responses: [.created(schema, "Мероприятие добавлено.")]),
        APIOperation(
            .GET, "/events/{id}", id: "getEvent", area: .people, summary: "Мероприятие",
            description: "Одно мероприятие с местами, сроком записи и состоянием.", responses: [.ok(schema)]),
        APIOperation(
            .GET, "/events/{id}/registrations", id: "listEventRegistrations", area: .people,
            summary: "Записавшиеся на мероприятие",
            description: """
                Организатору, администратору, КМЦ и методисту — все записи с отметками о присутствии; остальным — свои \
                и своих детей.
                """,
            responses: [.ok(.array(registrationSchema))]),
        APIOperation(
            .POST, "/events/{id}/registrations", id: "registerForEvent", area: .people,
            summary: "Записаться на мероприятие",
            description: """
                Родитель записывает ребёнка (`studentId`), обучающийся — себя (`studentId` — свой), педагог или \
                родитель — себя (без `studentId`). Мест не осталось, запись закрыта, мероприятие отменено или \
                участник уже записан — 409 с причиной; места не переполняются и при одновременных запросах. Чужой \
                ребёнок — 403; мероприятие для другой аудитории — 422.
                """,
            body: APIBody(
                schema: .object([
                    .optional("studentId", OpenAPISchema.string.nullable, "Кого записать (нет — себя).")
                ])),
            responses: [.created(registrationSchema, "Запись принята.")], errors: [.conflict]),
        APIOperation(
            .DELETE, "/events/{id}/registrations/{registration}", id: "cancelEventRegistration", area: .people,
            summary: "Отменить запись на мероприятие",
            description: """
                Свою запись (или запись своего ребёнка) — до начала мероприятия; организатор, администратор, КМЦ и \
                методист — любую, пока мероприятие не закончилось (позже — 409). Место освобождается.
                """,
            responses: [APIResponse(status: .noContent, description: "Запись отменена.")], errors: [.conflict]),
    ]
}
