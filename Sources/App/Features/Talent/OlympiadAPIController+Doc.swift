import Domain
import Vapor
import Views

/// The municipal stages' API description (issue 21, item 9).
extension OlympiadAPIController {
    static let gradeSchema = OpenAPISchema.named(
        "OlympiadStageGrade",
        .object([
            .field("grade", .integer, "Класс участия, 7–11."),
            .optional("passingScore", .number, "Проходной балл школьного этапа."),
            .field("taskMaxima", .array(.number), "Максимальные баллы заданий."),
            .field("maximum", .number, "Максимальный балл класса."),
        ]))

    static let stageSchema = OpenAPISchema.named(
        "OlympiadStage",
        .object([
            .field("id", .uuid), .field("title", .string), .field("subjectId", .uuid),
            .field("subject", .string, "Предмет олимпиады."), .field("academicYearId", .uuid),
            .field("academicYear", .string), .field("editionId", .uuid, "Проведение ВсОШ: муниципальный этап года."),
            .field("quotaPercent", .integer, "Квота победителей и призёров, % участников класса."),
            .field("winnerMinPercent", .integer, "Победитель: больше этой доли максимального балла, %."),
            .field("prizeMinPercent", .integer, "Призёр: больше этой доли максимального балла, %."),
            .optional("grades", .array(gradeSchema), "Классы (в ответе об одном этапе)."),
            .field("status", .string), .field("version", .integer),
        ]))

    static let resultSchema = OpenAPISchema.named(
        "OlympiadResult",
        .object([
            .field("participantId", .uuid), .field("studentId", .uuid), .field("student", .string),
            .field("schoolId", .uuid), .field("school", .string), .field("code", .string, "Код участника."),
            .field("gradeStudied", .integer), .field("gradeCompeted", .integer),
            .field("taskScores", .array(.number), "Баллы по заданиям."), .field("total", .number),
            .field("place", .string, "Место: «3» или «2–3» при равных баллах."),
            .field(
                "status", .oneOf(["winner", "prizeWinner", "participant", "tieUndecided"]),
                "Статус по правилам этапа; tieUndecided — равные баллы на границе квоты ждут решения методиста."),
            .field("regional", .boolean, "Участвует в региональном этапе."),
            .optional(
                "regionalResult", .oneOf(["winner", "prizeWinner", "participant"]),
                "Результат регионального этапа (из достижений обучающегося)."),
            .optional("regionalScore", .number, "Балл регионального этапа."),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/olympiad-stages", id: "listOlympiadStages", area: .talent, summary: "Муниципальные этапы ВсОШ",
            description: "Муниципальные этапы всероссийской олимпиады по предметам и учебным годам.",
            list: APIParameter.list(
                sorts: ["subject"], search: true,
                filters: [RegistryDocs.status, APIParameter("year", "Учебный год (id).", schema: .uuid)]),
            responses: [.ok(.page(stageSchema))]),
        APIOperation(
            .GET, "/olympiad-stages/{id}", id: "getOlympiadStage", area: .talent, summary: "Муниципальный этап",
            description: "Один этап: правила, проходные баллы и задания по классам.", responses: [.ok(stageSchema)]),
        APIOperation(
            .GET, "/olympiad-stages/{id}/results", id: "listOlympiadResults", area: .talent,
            summary: "Результаты муниципального этапа",
            description: """
                Рейтинг по классам участия: места, баллы, статусы. Школа получает только строки своих обучающихся \
                (места — по всему классу); муниципалитет — всех.
                """,
            list: APIParameter.list(sorts: ["place"]), responses: [.ok(.page(resultSchema))]),
    ]
}
