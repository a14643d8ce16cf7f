import Domain
import Fluent
import Foundation
import Testing
import Vapor

@testable import App

/// A small world a test builds and asserts on, instead of the demo: a municipality with its current academic year,
/// then only the organisations, users, programmes, groups and students the test asks for. Every name is made up.
struct World: Sendable {
    let app: Application
    let municipalityID: UUID
    let zone: TimeZone
    /// The current academic year, and its id.
    let year: AcademicYear
    let yearID: UUID
    /// The password of every user of the world, hashed once (bcrypt at cost 12 takes about 0.25 s).
    static let password = "world-password-7"
    let passwordHash: String

    /// An empty municipality «Тестовый округ» with its current academic year.
    static func make(_ app: Application, name: String = "Тестовый округ") async throws -> World {
        let municipality = Municipality(name: name)
        try await municipality.create(on: app.db)
        let municipalityID = try municipality.requireID()
        let year = try await AcademicYears.ensureCurrent(
            municipalityID: municipalityID, zone: municipality.zone, on: app.db)
        return World(
            app: app, municipalityID: municipalityID, zone: municipality.zone, year: year, yearID: try year.requireID(),
            passwordHash: try await Passwords.hash(password, app: app))
    }

    /// Saves a new registry record as active, at version 1.
    func insertActive(_ record: some RegistryRecord) async throws {
        record.status = RecordStatus.active.rawValue
        record.version = 1
        try await record.create(on: app.db)
    }

    /// An organisation of the municipality.
    func organization(_ kind: OrganizationKind, _ shortName: String) async throws -> UUID {
        let org = try await OrganizationStore.create(
            OrganizationInput(
                kind: kind, fullName: shortName, shortName: shortName, address: nil, phone: nil, email: nil,
                website: nil, headName: nil),
            municipalityID: municipalityID, on: app.db, req: nil)
        return try org.requireID()
    }

    /// A school.
    func school(_ shortName: String = "Школа № 1") async throws -> UUID {
        try await organization(.school, shortName)
    }

    /// A school that is a resource centre this year.
    func center(_ shortName: String = "Школа-центр № 2") async throws -> UUID {
        let id = try await organization(.school, shortName)
        let center = ResourceCenter()
        center.$organization.id = id
        center.$academicYear.id = yearID
        center.directions = ""
        center.profiles = ""
        try await insertActive(center)
        return id
    }

    /// A user with one role (at an organisation, or over the municipality), signing in with `World.password`.
    @discardableResult
    func user(_ username: String, _ role: Role, at organizationID: UUID? = nil) async throws -> UUID {
        let user = User(username: username, fullName: "Тестов \(username)", passwordHash: passwordHash)
        try await user.create(on: app.db)
        try await RoleAssignment(
            userID: try user.requireID(), role: role.rawValue, municipalityID: municipalityID,
            organizationID: organizationID
        ).create(on: app.db)
        return try user.requireID()
    }

    /// A programme of a centre, agreed unless told otherwise.
    func program(
        at centerID: UUID, _ title: String = "Олимпиадная математика", grades: ClosedRange<Int> = 10...11,
        agreed: Bool = true
    ) async throws -> NetworkProgram {
        let program = NetworkProgram()
        program.$organization.id = centerID
        program.$academicYear.id = yearID
        program.title = title
        program.kind = "olympiad"
        program.hours = 64
        program.approval = agreed ? "agreed" : "draft"
        program.status = RecordStatus.active.rawValue
        program.version = 1
        program.gradeFrom = grades.lowerBound
        program.gradeTo = grades.upperBound
        program.form = StudyForm.fullTime.rawValue
        program.searchKey = TextKey.search(title)
        program.sortKey = TextKey.sort(title)
        try await program.create(on: app.db)
        return program
    }

    /// An open group of a programme.
    func group(of program: NetworkProgram, _ name: String = "Группа 1", capacity: Int = 15) async throws -> StudyGroup {
        let group = StudyGroup()
        group.$program.id = try program.requireID()
        group.$organization.id = program.$organization.id
        group.$academicYear.id = yearID
        group.name = name
        group.capacity = capacity
        group.enrolledCount = 0
        group.waitlistSeq = 0
        group.plannedHours = program.hours
        group.isOpen = true
        try await insertActive(group)
        return group
    }

    /// A group of a new programme of `centerID` in `year`, taught by `teacher`, open or closed, dated by the year.
    func group(
        at centerID: UUID, _ name: String, program title: String = "Олимпиадная математика", year: AcademicYear,
        teacher: StaffMember?, open: Bool = true
    ) async throws -> StudyGroup {
        let program = try await program(at: centerID, title, grades: 9...11)
        program.$academicYear.id = try year.requireID()
        try await program.save(on: app.db)
        let newGroup = try await group(of: program, name)
        newGroup.$academicYear.id = try year.requireID()
        newGroup.$teacher.id = try teacher?.requireID()
        newGroup.isOpen = open
        newGroup.startsOn = year.startsOn
        newGroup.endsOn = year.endsOn
        try await newGroup.save(on: app.db)
        return newGroup
    }

    /// Gives a group its teacher and room, and the current academic year's first and last days as its dates.
    func staffGroup(_ group: StudyGroup, teacher: StaffMember?, room: UUID?) async throws {
        group.$teacher.id = try teacher?.requireID()
        group.$room.id = room
        group.startsOn = year.startsOn
        group.endsOn = year.endsOn
        try await group.save(on: app.db)
    }

    /// Students of a school (active, consent recorded unless told otherwise), `count` of them in one transaction,
    /// named «Учеников<n> Тест».
    func students(at schoolID: UUID, count: Int, grade: Int = 10, consent: Bool = true, from first: Int = 0)
        async throws -> [UUID]
    {
        let municipalityID = municipalityID
        let zone = zone
        return try await app.db.transaction { db -> [UUID] in
            var ids: [UUID] = []
            for i in first..<first + count {
                let student = Student()
                student.$municipality.id = municipalityID
                student.$school.id = schoolID
                student.surname = "Учеников\(i)"
                student.givenName = "Тест"
                student.birthDate = Date(timeIntervalSince1970: 1_200_000_000)
                student.grade = grade
                student.letter = "А"
                student.searchKey = TextKey.search(student.surname, student.givenName)
                student.sortKey = TextKey.sort(student.fullName)
                student.status = RecordStatus.active.rawValue
                student.version = 1
                student.specialNeeds = false
                student.identityKey = StudentIdentity.key(
                    surname: student.surname, givenName: student.givenName, patronymic: nil,
                    birthDate: student.birthDate, timeZone: zone)
                student.consentOn = consent ? Date(timeIntervalSince1970: 1_700_000_000) : nil
                student.consentBy = consent ? "мать" : nil
                try await student.create(on: db)
                ids.append(try student.requireID())
            }
            return ids
        }
    }
}
