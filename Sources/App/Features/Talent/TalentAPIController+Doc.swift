import Domain
import Vapor
import Views

/// The talent API's description (issue 21).
extension TalentAPIController {
    static let operations = [
        APIOperation(
            .GET, "/contests", id: "listContests", area: .talent, summary: "Олимпиады и конкурсы",
            description: "Олимпиады, конкурсы, конференции, фестивали и соревнования муниципалитета.",
            list: APIParameter.list(
                sorts: ["title"], search: true,
                filters: [
                    RegistryDocs.status,
                    APIParameter("kind", "Вид.", values: ContestKind.allCases.map(\.rawValue)),
                    APIParameter("level", "Уровень.", values: ContestLevel.allCases.map(\.rawValue)),
                    APIParameter("direction", "Направленность.", values: ContestDirection.allCases.map(\.rawValue)),
                ]),
            responses: [.ok(.page(ContestDTO.schema))]),
        APIOperation(
            .GET, "/contests/{id}", id: "getContest", area: .talent, summary: "Олимпиада или конкурс",
            description: "Одна олимпиада или конкурс с проведениями по годам.", responses: [.ok(ContestDTO.schema)]),
        APIOperation(
            .GET, "/achievements", id: "listAchievements", area: .talent, summary: "Достижения",
            description: """
                Результаты обучающихся в олимпиадах и конкурсах: школа видит своих, муниципалитет — обучающихся \
                с согласием на обработку персональных данных.
                """,
            list: APIParameter.list(
                sorts: ["name"], search: true,
                filters: [
                    RegistryDocs.status, APIParameter("school", "Только обучающиеся этой школы."),
                    APIParameter("year", "Учебный год (id).", schema: .uuid),
                    APIParameter("level", "Уровень.", values: ContestLevel.allCases.map(\.rawValue)),
                    APIParameter("result", "Результат.", values: AchievementResult.allCases.map(\.rawValue)),
                    APIParameter("student", "Только этот обучающийся."),
                ]),
            responses: [.ok(.page(AchievementDTO.schema))]),
        APIOperation(
            .GET, "/achievements/{id}", id: "getAchievement", area: .talent, summary: "Достижение",
            description: "Одно достижение.", responses: [.ok(AchievementDTO.schema)]),
        APIOperation(
            .POST, "/achievements", id: "addAchievement", area: .talent, summary: "Внести достижение",
            description: """
                Результат обучающегося своей школы — по тем же правилам, что и форма на сайте: повтор (тот же \
                обучающийся, проведение и предмет или номинация), класс участия ниже класса обучения, балл вне \
                0…1000 — 422 с полями.
                """,
            body: APIBody(
                schema: .object([
                    .field("studentId", OpenAPISchema.uuid.nullable, "Обучающийся."),
                    .field("editionId", OpenAPISchema.uuid.nullable, "Проведение."),
                    .optional("subjectId", OpenAPISchema.uuid.nullable, "Предмет олимпиады (обязателен для ВсОШ)."),
                    .optional("nomination", OpenAPISchema.string.nullable, "Номинация или предмет."),
                    .field(
                        "result", OpenAPISchema.oneOf(AchievementResult.allCases.map(\.rawValue)).nullable,
                        "Результат."),
                    .optional("score", OpenAPISchema.number.nullable, "Балл."),
                    .optional("place", OpenAPISchema.integer.nullable, "Место."),
                    .field("gradeStudied", OpenAPISchema.integer.nullable, "Класс обучения."),
                    .field("gradeCompeted", OpenAPISchema.integer.nullable, "Класс участия."),
                    .optional("achievedOn", OpenAPISchema.date.nullable, "Дата результата, ГГГГ-ММ-ДД."),
                    .optional(
                        "preparerIds", OpenAPISchema.array(.uuid).nullable,
                        "Подготовившие педагоги и тренеры из реестра педагогов (`GET /api/v1/staff`)."),
                    .optional("preparedBy", OpenAPISchema.string.nullable, "Подготовили, кого нет в реестре."),
                    .optional("documentNumber", OpenAPISchema.string.nullable, "Номер документа."),
                ]), form: true),
            responses: [.created(AchievementDTO.schema, "Достижение внесено.")],
            errors: [.forbidden]),
    ]
}
