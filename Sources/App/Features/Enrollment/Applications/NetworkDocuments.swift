import Documents
import Domain
import Fluent
import Vapor
import Views

/// The documents of enrolment (issue 3), built once as a `DocModel` from their Views models and given as a printable page and as DOCX:
/// the individual curriculum (ИУП), the guardian's agreement and the school↔centre contract on the network form of
/// education (`002_f5d848fa5a191e3f.txt` §15: the Regulation's annexes — ИУП form, agreement with parents, model
/// contract).
enum NetworkDocuments {
    static func iup(_ application: CourseApplication, _ db: any Database, _ zone: TimeZone) async throws -> DocModel {
        let student = try await application.$student.get(on: db)
        let school = try await application.$school.get(on: db)
        let campaign = try await application.$campaign.get(on: db)
        let year = try await AcademicYear.find(campaign.$academicYear.id, on: db)
        let choices = try await ApplicationChoice.query(on: db).filter(
            try \.$application.$id == application.requireID()
        ).sort(
            \.$rank
        )
        .with(\.$group) { $0.with(\.$program).with(\.$organization) }.all()
        let outcome = try await ApplicationService.outcome(of: application, on: db)
        let results = Dictionary(outcome.choices.map { ($0.groupId, $0) }, uniquingKeysWith: { x, _ in x })
        return IUPDocument(
            student: student.fullName, sex: student.sex.flatMap(Sex.init(rawValue:)), initials: student.initialsName,
            birthDate: RuDate.format(student.birthDate, timeZone: zone), school: school.fullName,
            schoolHead: school.headName, grade: "\(student.grade)\(student.letter ?? "")", year: year?.title,
            campaign: campaign.title, submitted: RuDate.formatDateTime(application.submittedAt, timeZone: zone),
            submittedBy: application.submittedByName,
            guardianAgreed: application.guardianAgreedAt.map { RuDate.format($0, timeZone: zone) },
            guardianAgreedBy: application.guardianAgreedBy, schoolDecision: application.schoolDecision,
            schoolDecided: application.schoolDecidedAt.map { RuDate.format($0, timeZone: zone) },
            schoolDecidedBy: application.schoolDecidedBy,
            courses: choices.map { choice in
                let result = results[choice.$group.id]
                return IUPDocument.Course(
                    rank: choice.rank, program: choice.group.program.title, center: choice.group.organization.shortName,
                    group: choice.group.name, hours: choice.group.program.hours,
                    status: result?.status ?? choice.outcome,
                    position: result?.position)
            }
        ).doc
    }

    static func guardianAgreement(_ application: CourseApplication, _ db: any Database, _ zone: TimeZone) async throws
        -> DocModel
    {
        let student = try await application.$student.get(on: db)
        let school = try await application.$school.get(on: db)
        let choices = try await ApplicationChoice.query(on: db).filter(
            try \.$application.$id == application.requireID()
        ).sort(
            \.$rank
        )
        .with(\.$group) { $0.with(\.$program).with(\.$organization) }.all()
        return GuardianAgreementDocument(
            student: student.fullName, sex: student.sex.flatMap(Sex.init(rawValue:)),
            birthDate: RuDate.format(student.birthDate, timeZone: zone),
            grade: "\(student.grade)\(student.letter ?? "")", school: school.shortName,
            agreedBy: application.guardianAgreedBy,
            agreedOn: application.guardianAgreedAt.map { RuDate.format($0, timeZone: zone) },
            programs: choices.map {
                GuardianAgreementDocument.Program(
                    rank: $0.rank, title: $0.group.program.title, center: $0.group.organization.shortName,
                    hours: $0.group.program.hours)
            }
        ).doc
    }

    /// The contract between a school and a resource centre for the year: parties, programmes, the school's students
    /// enrolled in the centre's groups, term.
    static func contract(
        school: Organization, center: Organization, year: AcademicYear, on db: any Database, zone: TimeZone
    ) async throws -> DocModel {
        let places = try await Enrollment.query(on: db).filter(\.$status == EnrollmentStatus.enrolled.rawValue)
            .join(StudyGroup.self, on: \Enrollment.$group.$id == \StudyGroup.$id).filter(
                StudyGroup.self, try \.$organization.$id == center.requireID()
            )
            .filter(StudyGroup.self, try \.$academicYear.$id == year.requireID())
            .join(Student.self, on: \Enrollment.$student.$id == \Student.$id).filter(
                Student.self, try \.$school.$id == school.requireID()
            )
            .with(\.$student).with(\.$group) { $0.with(\.$program) }.all()
        let programs = Dictionary(grouping: places, by: { $0.group.$program.id }).values.compactMap(\.first).map(
            \.group.program
        ).sorted { $0.title < $1.title }
        func party(_ organization: Organization) -> ContractDocument.Party {
            ContractDocument.Party(
                shortName: organization.shortName, fullName: organization.fullName, head: organization.headName,
                address: organization.address, phone: organization.phone)
        }
        return ContractDocument(
            school: party(school), center: party(center), year: year.title,
            starts: RuDate.format(year.startsOn, timeZone: zone), ends: RuDate.format(year.endsOn, timeZone: zone),
            programs: programs.map {
                ContractDocument.Program(title: $0.title, hours: $0.hours, gradeFrom: $0.gradeFrom, gradeTo: $0.gradeTo)
            },
            places: places.sorted { $0.student.sortKey < $1.student.sortKey }.map { place in
                ContractDocument.Place(
                    student: place.student.fullName, grade: "\(place.student.grade)\(place.student.letter ?? "")",
                    group: place.group.name)
            }
        ).doc
    }
}

extension Student {
    /// «Ёлкин А. И.»
    var initialsName: String {
        ([surname] + [givenName, patronymic].compactMap { $0?.first.map { "\($0)." } }).joined(separator: " ")
    }
}
