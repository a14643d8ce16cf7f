import Domain
import Vapor
import Views

extension LessonAPIController {
    static let operations = [
        APIOperation(
            .GET, "/lessons", id: "listLessons", area: .timetable, summary: "Занятия",
            description: """
                Занятия группы (`group`), педагога (`teacher` — сотрудник) или обучающегося (`student`); без них — \
                все занятия групп муниципалитета для тех, кто видит группы. `from` и `to` ограничивают дни.
                """,
            list: APIParameter.list(
                sorts: ["day"],
                filters: [
                    APIParameter("group", "Группа."), APIParameter("teacher", "Педагог (сотрудник)."),
                    APIParameter("student", "Обучающийся."), APIParameter("from", "С этого дня (ГГГГ-ММ-ДД)."),
                    APIParameter("to", "По этот день (ГГГГ-ММ-ДД)."),
                ]),
            responses: [.ok(.page(LessonDTO.schema))],
            errors: [.notFound]),
        APIOperation(
            .POST, "/groups/{id}/lessons", id: "addLesson", area: .timetable, summary: "Добавить занятие",
            description: """
                Одно занятие группы по тем же правилам, что и расписание на сайте: пересечения — 409 с их списком; \
                предупреждения (`acceptWarnings: true` принимает их) — тоже 409.
                """,
            body: APIBody(
                schema: .object([
                    .field("date", OpenAPISchema.date.nullable, "День занятия, ГГГГ-ММ-ДД."),
                    .field("start", OpenAPISchema.time.nullable, "Начало, ЧЧ:ММ."),
                    .field("hours", OpenAPISchema.integer.nullable, "Академических часов."),
                    .optional("roomId", OpenAPISchema.uuid.nullable, "Кабинет."),
                    .optional("acceptWarnings", OpenAPISchema.boolean.nullable, "Принять предупреждения."),
                ]), form: true),
            responses: [.created(LessonDTO.schema, "Занятие добавлено.")],
            errors: [.conflict]),
        APIOperation(
            .POST, "/groups/{id}/timetable", id: "addWeeklyLessons", area: .timetable,
            summary: "Добавить занятия по неделям",
            description: """
                Занятия по дню недели с `from` по `to`; дни каникул и праздников пропускаются (`skipped`). \
                Пересечения и предупреждения — 409, как у одного занятия.
                """,
            body: APIBody(
                schema: .object([
                    .field(
                        "weekday", OpenAPISchema.integer.nullable, "День недели: 1 — понедельник … 7 — воскресенье."),
                    .field("start", OpenAPISchema.time.nullable, "Начало, ЧЧ:ММ."),
                    .field("hours", OpenAPISchema.integer.nullable, "Академических часов."),
                    .optional("roomId", OpenAPISchema.uuid.nullable, "Кабинет."),
                    .field("from", OpenAPISchema.date.nullable, "Первый день, ГГГГ-ММ-ДД."),
                    .field("to", OpenAPISchema.date.nullable, "Последний день, ГГГГ-ММ-ДД."),
                    .optional("acceptWarnings", OpenAPISchema.boolean.nullable, "Принять предупреждения."),
                ]), form: true),
            responses: [
                .created(
                    .named(
                        "WeeklyLessons",
                        .object([
                            .field("created", .integer, "Добавлено занятий."),
                            .field("skipped", .array(.date), "Пропущенные дни."),
                            .field("lessons", .array(LessonDTO.schema)),
                        ])), "Занятия добавлены.")
            ],
            errors: [.conflict]),
    ]
}
