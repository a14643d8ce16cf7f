import Domain
import Fluent
import Vapor
import Views

/// The registry API's answers: plain DTOs of the registry's records (models are never returned).
extension RegistryAPIController {
    struct StudentDTO: Content {
        var id: UUID
        var surname: String
        var givenName: String
        var patronymic: String?
        var birthDate: String
        var schoolId: UUID
        var grade: Int
        var letter: String?
        var specialNeeds: Bool
        var hasConsent: Bool
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "Student",
            .object([
                .field("id", .uuid), .field("surname", .string), .field("givenName", .string),
                .optional("patronymic", .string), .field("birthDate", .date, "Дата рождения."),
                .field("schoolId", .uuid, "Школа."), .field("grade", .integer, "Класс."), .optional("letter", .string),
                .field("specialNeeds", .boolean, "ОВЗ."),
                .field("hasConsent", .boolean, "Есть согласие на обработку данных."),
                .field("status", .string), .field("version", .integer),
            ]))
        init(_ student: Student, zone: TimeZone) throws {
            id = try student.requireID()
            surname = student.surname
            givenName = student.givenName
            patronymic = student.patronymic
            birthDate = RuDate.iso(student.birthDate, timeZone: zone)
            schoolId = student.$school.id
            grade = student.grade
            letter = student.letter
            specialNeeds = student.specialNeeds
            hasConsent = student.consentOn != nil
            status = student.status
            version = student.version
        }
    }

    struct ProgramDTO: Content {
        var id: UUID
        var organizationId: UUID
        var title: String
        var kind: String
        var subjectId: UUID?
        var profile: String?
        var gradeFrom: Int
        var gradeTo: Int
        var hours: Int
        var form: String
        var approval: String
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "Program",
            .object([
                .field("id", .uuid), .field("organizationId", .uuid, "Ресурсный центр."), .field("title", .string),
                .field("kind", .string, "Вид программы."), .optional("subjectId", .uuid, "Предмет."),
                .optional("profile", .string), .field("gradeFrom", .integer, "С класса."),
                .field("gradeTo", .integer, "По класс."), .field("hours", .integer, "Часов."),
                .field("form", .string, "Форма обучения."), .field("approval", .string, "Согласование с КМЦ."),
                .field("status", .string), .field("version", .integer),
            ]))
        init(_ program: NetworkProgram) throws {
            id = try program.requireID()
            organizationId = program.$organization.id
            title = program.title
            kind = program.kind
            subjectId = program.$subject.id
            profile = program.profile
            gradeFrom = program.gradeFrom
            gradeTo = program.gradeTo
            hours = program.hours
            form = program.form
            approval = program.approval
            status = program.status
            version = program.version
        }
    }

    struct CenterDTO: Content {
        var id: UUID
        var organizationId: UUID
        var organizationName: String
        var academicYear: String
        var subjects: [String]
        var directions: [String]
        var profiles: [String]
        var decreeNumber: String?
        var decreeDate: Date?
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "ResourceCenter",
            .object([
                .field("id", .uuid), .field("organizationId", .uuid), .field("organizationName", .string),
                .field("academicYear", .string, "Учебный год, «2025/2026»."), .field("subjects", .array(.string)),
                .field("directions", .array(.string), "Направления."), .field("profiles", .array(.string), "Профили."),
                .optional("decreeNumber", .string, "Номер приказа о статусе."),
                .optional("decreeDate", .dateTime, "Дата приказа."), .field("status", .string),
                .field("version", .integer),
            ]))
        init(_ rc: ResourceCenter) throws {
            id = try rc.requireID()
            organizationId = rc.$organization.id
            organizationName = rc.organization.shortName
            academicYear = rc.academicYear.title
            subjects = rc.subjects.map(\.name).sorted()
            directions = Direction.decode(rc.directions).map(\.rawValue)
            profiles = ResourceCentersSection.profiles(rc.profiles).map(\.rawValue)
            decreeNumber = rc.decreeNumber
            decreeDate = rc.decreeDate
            status = rc.status
            version = rc.version
        }
    }

    struct AgreementDTO: Content {
        var id: UUID
        var kind: String
        var partyAId: UUID
        var partyAName: String
        var partyBId: UUID
        var partyBName: String
        var number: String?
        var signedOn: Date?
        var subject: String
        var covers: String?
        var startsOn: Date
        var endsOn: Date
        var state: String
        var expiresSoon: Bool
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "Agreement",
            .object([
                .field("id", .uuid), .field("kind", .string, "Вид договора."), .field("partyAId", .uuid),
                .field("partyAName", .string), .field("partyBId", .uuid), .field("partyBName", .string),
                .optional("number", .string), .optional("signedOn", .dateTime, "Когда подписан."),
                .field("subject", .string, "Предмет договора."), .optional("covers", .string),
                .field("startsOn", .dateTime), .field("endsOn", .dateTime),
                .field("state", .string, "Состояние с учётом срока: `draft`, `signed`, `expired`…"),
                .field("expiresSoon", .boolean, "Истекает в ближайшие дни."), .field("status", .string),
                .field("version", .integer),
            ]))
        init(_ agreement: NetworkAgreement) throws {
            let now = Date()
            let effectiveState = AgreementState.effective(
                stored: AgreementState(rawValue: agreement.state) ?? .draft, endsOn: agreement.endsOn, now: now)
            id = try agreement.requireID()
            kind = agreement.kind
            partyAId = agreement.$partyA.id
            partyAName = agreement.partyA.shortName
            partyBId = agreement.$partyB.id
            partyBName = agreement.partyB.shortName
            number = agreement.number
            signedOn = agreement.signedOn
            subject = agreement.subject
            covers = agreement.covers
            startsOn = agreement.startsOn
            endsOn = agreement.endsOn
            state = effectiveState.rawValue
            expiresSoon = AgreementRules.expiresSoon(state: effectiveState, endsOn: agreement.endsOn, now: now)
            status = agreement.status
            version = agreement.version
        }
    }

    struct StaffDTO: Content {
        var id: UUID
        var surname: String
        var givenName: String
        var patronymic: String?
        var position: String
        var category: String
        var isOutsideTrainer: Bool
        var organizationIds: [UUID]
        var subjects: [String]
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "StaffMember",
            .object([
                .field("id", .uuid), .field("surname", .string), .field("givenName", .string),
                .optional("patronymic", .string), .field("position", .string, "Должность."),
                .field("category", .string, "Квалификационная категория."),
                .field("isOutsideTrainer", .boolean, "Внешний совместитель."),
                .field("organizationIds", .array(.uuid), "Организации, где работает."),
                .field("subjects", .array(.string)),
                .field("status", .string), .field("version", .integer),
            ]))
        init(_ staff: StaffMember) throws {
            id = try staff.requireID()
            surname = staff.surname
            givenName = staff.givenName
            patronymic = staff.patronymic
            position = staff.position
            category = staff.category
            isOutsideTrainer = staff.isOutsideTrainer
            organizationIds = staff.organizations.compactMap(\.id)
            subjects = staff.subjects.map(\.name).sorted()
            status = staff.status
            version = staff.version
        }
    }

    struct RoomDTO: Content {
        var id: UUID
        var organizationId: UUID
        var organizationName: String
        var name: String
        var capacity: Int
        var note: String?
        var status: String
        var version: Int

        static let schema = OpenAPISchema.named(
            "Room",
            .object([
                .field("id", .uuid), .field("organizationId", .uuid), .field("organizationName", .string),
                .field("name", .string), .field("capacity", .integer, "Мест."), .optional("note", .string),
                .field("status", .string), .field("version", .integer),
            ]))
        init(_ room: Room) throws {
            id = try room.requireID()
            organizationId = room.$organization.id
            organizationName = room.organization.shortName
            name = room.name
            capacity = room.capacity
            note = room.note
            status = room.status
            version = room.version
        }
    }
}
