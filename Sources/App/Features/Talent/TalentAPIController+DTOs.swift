import Domain
import Fluent
import Vapor
import Views

/// The talent API's answers and input (models are never returned).
extension TalentAPIController {
    struct EditionDTO: Content {
        var id: UUID
        var title: String
        var academicYearId: UUID
        var academicYear: String
        var level: String
        var startsOn: String?
        var endsOn: String?
        var place: String?

        static let schema = OpenAPISchema.named(
            "ContestEdition",
            .object([
                .field("id", .uuid), .field("title", .string, "Олимпиада или конкурс, этап или уровень, учебный год."),
                .field("academicYearId", .uuid), .field("academicYear", .string, "Учебный год, 2025/2026."),
                .field("level", .oneOf(ContestLevel.allCases.map(\.rawValue)), "Уровень (этап олимпиады)."),
                .optional("startsOn", .date), .optional("endsOn", .date), .optional("place", .string),
            ]))
        init(_ edition: ContestEdition, zone: TimeZone) throws {
            id = try edition.requireID()
            title = ContestEditionsSection.title(edition)
            academicYearId = edition.$academicYear.id
            academicYear = edition.academicYear.title
            level = edition.level
            startsOn = edition.startsOn.map { RuDate.iso($0, timeZone: zone) }
            endsOn = edition.endsOn.map { RuDate.iso($0, timeZone: zone) }
            place = edition.place
        }
    }

    struct ContestDTO: Content {
        var id: UUID
        var title: String
        var kind: String
        var level: String
        var direction: String
        var organizer: String
        var note: String?
        var editions: [EditionDTO]?
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "Contest",
            .object([
                .field("id", .uuid), .field("title", .string),
                .field("kind", .oneOf(ContestKind.allCases.map(\.rawValue)), "Вид."),
                .field("level", .oneOf(ContestLevel.allCases.map(\.rawValue)), "Уровень."),
                .field("direction", .oneOf(ContestDirection.allCases.map(\.rawValue)), "Направленность."),
                .field("organizer", .string), .optional("note", .string),
                .optional("editions", .array(EditionDTO.schema), "Проведения (в ответе об одном конкурсе)."),
                .field("status", .string), .field("version", .integer),
            ]))
        init(_ contest: Contest, editions: [ContestEdition]?, zone: TimeZone) throws {
            id = try contest.requireID()
            title = contest.title
            kind = contest.kind
            level = contest.level
            direction = contest.direction
            organizer = contest.organizer
            note = contest.note
            self.editions = try editions?.map { try EditionDTO($0, zone: zone) }
            status = contest.status
            version = contest.version
        }
    }

    /// A member of the staff registry who prepared the student.
    struct PreparerDTO: Content {
        var id: UUID
        var name: String

        static let schema = OpenAPISchema.named(
            "Preparer", .object([.field("id", .uuid, "Педагог в реестре педагогов."), .field("name", .string)]))
    }

    struct AchievementDTO: Content {
        var id: UUID
        var studentId: UUID
        var schoolId: UUID
        var edition: EditionDTO
        var contestId: UUID
        var subjectId: UUID?
        var subject: String?
        var nomination: String?
        var result: String
        var score: Double?
        var place: Int?
        var gradeStudied: Int
        var gradeCompeted: Int
        var achievedOn: String?
        var preparers: [PreparerDTO]
        var preparedBy: String?
        var documentNumber: String?
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "Achievement",
            .object([
                .field("id", .uuid), .field("studentId", .uuid), .field("schoolId", .uuid),
                .field("edition", EditionDTO.schema), .field("contestId", .uuid),
                .optional("subjectId", .uuid, "Предмет олимпиады."), .optional("subject", .string),
                .optional("nomination", .string, "Номинация или предмет другого конкурса."),
                .field("result", .oneOf(AchievementResult.allCases.map(\.rawValue)), "Результат."),
                .optional("score", .number, "Балл."), .optional("place", .integer, "Место."),
                .field("gradeStudied", .integer, "Класс обучения."),
                .field("gradeCompeted", .integer, "Класс, за который выступал."), .optional("achievedOn", .date),
                .field(
                    "preparers", .array(PreparerDTO.schema), "Подготовившие педагоги и тренеры из реестра педагогов."),
                .optional("preparedBy", .string, "Подготовившие, кого нет в реестре педагогов."),
                .optional("documentNumber", .string, "Номер диплома или протокола."),
                .field("status", .string), .field("version", .integer),
            ]))
        init(_ record: Achievement, zone: TimeZone) throws {
            id = try record.requireID()
            studentId = record.$student.id
            schoolId = record.$school.id
            edition = try EditionDTO(record.edition, zone: zone)
            contestId = record.edition.$contest.id
            subjectId = record.$subject.id
            subject = record.$subject.value??.name
            nomination = record.nomination
            result = record.result
            score = record.score
            place = record.place
            gradeStudied = record.gradeStudied
            gradeCompeted = record.gradeCompeted
            achievedOn = record.achievedOn.map { RuDate.iso($0, timeZone: zone) }
            preparers = try AchievementPreparers.sorted(record.$preparers.value ?? []).map {
                PreparerDTO(id: try $0.requireID(), name: $0.fullName)
            }
            preparedBy = record.preparedBy
            documentNumber = record.documentNumber
            status = record.status
            version = record.version
        }
    }

    struct AchievementInput: Content {
        var studentId: UUID?
        var editionId: UUID?
        var subjectId: UUID?
        var nomination: String?
        var result: String?
        var score: Double?
        var place: Int?
        var gradeStudied: Int?
        var gradeCompeted: Int?
        var achievedOn: String?
        var preparerIds: [UUID]?
        var preparedBy: String?
        var documentNumber: String?
    }
}
