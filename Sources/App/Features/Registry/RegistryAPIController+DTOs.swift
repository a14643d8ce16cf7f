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
        init(_ s: Student, zone: TimeZone) throws {
            id = try s.requireID()
            surname = s.surname
            givenName = s.givenName
            patronymic = s.patronymic
            birthDate = RuDate.iso(s.birthDate, timeZone: zone)
            schoolId = s.$school.id
            grade = s.grade
            letter = s.letter
            specialNeeds = s.specialNeeds
            hasConsent = s.consentOn != nil
            status = s.status
            version = s.version
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
        init(_ p: NetworkProgram) throws {
            id = try p.requireID()
            organizationId = p.$organization.id
            title = p.title
            kind = p.kind
            subjectId = p.$subject.id
            profile = p.profile
            gradeFrom = p.gradeFrom
            gradeTo = p.gradeTo
            hours = p.hours
            form = p.form
            approval = p.approval
            status = p.status
            version = p.version
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
        init(_ a: NetworkAgreement) throws {
            let now = Date()
            let s = AgreementState.effective(
                stored: AgreementState(rawValue: a.state) ?? .draft, endsOn: a.endsOn, now: now)
            id = try a.requireID()
            kind = a.kind
            partyAId = a.$partyA.id
            partyAName = a.partyA.shortName
            partyBId = a.$partyB.id
            partyBName = a.partyB.shortName
            number = a.number
            signedOn = a.signedOn
            subject = a.subject
            covers = a.covers
            startsOn = a.startsOn
            endsOn = a.endsOn
            state = s.rawValue
            expiresSoon = AgreementRules.expiresSoon(state: s, endsOn: a.endsOn, now: now)
            status = a.status
            version = a.version
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
        init(_ s: StaffMember) throws {
            id = try s.requireID()
            surname = s.surname
            givenName = s.givenName
            patronymic = s.patronymic
            position = s.position
            category = s.category
            isOutsideTrainer = s.isOutsideTrainer
            organizationIds = s.organizations.compactMap(\.id)
            subjects = s.subjects.map(\.name).sorted()
            status = s.status
            version = s.version
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
        init(_ r: Room) throws {
            id = try r.requireID()
            organizationId = r.$organization.id
            organizationName = r.organization.shortName
            name = r.name
            capacity = r.capacity
            note = r.note
            status = r.status
            version = r.version
        }
    }
}
