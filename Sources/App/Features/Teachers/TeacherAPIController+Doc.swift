import Domain
import Vapor
import Views

/// The teacher API's description.
extension TeacherAPIController {
    static let schema = OpenAPISchema.named(
        "Teacher",
        .object([
            .field("id", .uuid), .field("name", .string), .field("position", .string),
            .field(
                "category", .oneOf(QualificationCategory.allCases.map(\.rawValue)), "Квалификационная категория."),
            .field("isOutsideTrainer", .boolean, "Внешний педагог-тренер."),
            .field(
                "places",
                .array(
                    .object([
                        .field("id", .uuid), .field("name", .string),
                        .field("kind", .oneOf(OrganizationKind.allCases.map(\.rawValue))),
                    ])), "Места работы."),
            .field("subjects", .array(.string)),
            .field(
                "yearsInNetwork", .integer,
                "Лет работы в сети: разные учебные годы, в которых педагог провёл занятия сетевых групп (по журналу)."),
            .optional(
                "hoursThisYear", .integer,
                "Часов проведено в текущем учебном году по журналу (нет — часы не видны пользователю)."),
            .field(
                "groups",
                .array(
                    .object([
                        .field("id", .uuid), .field("name", .string), .field("program", .string),
                        .field("centerId", .uuid), .field("center", .string), .field("academicYearId", .uuid),
                        .field("academicYear", .string),
                        .optional("hours", .integer, "Часов проведено по журналу (нет — не видны пользователю)."),
                    ])), "Сетевые группы: свои и те, где давал занятия, новые учебные годы первыми."),
        ]))

    static let operations = [
        APIOperation(
            .GET, "/teachers/{id}", id: "getTeacher", area: .people, summary: "Педагог",
            description: """
                Педагог по всем организациям: места работы, предметы, категория, сетевые группы по учебным годам с \
                часами из журнала и число лет в сети (по ним считается право на поддержку педагогов). Доступно тем, \
                кто видит карточку сотрудника; часы — тем, кто видит часы центра.
                """,
            responses: [.ok(schema)])
    ]
}
