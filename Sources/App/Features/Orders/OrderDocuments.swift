import Documents
import Domain
import Fluent
import Vapor
import Views

/// The seven recurring orders of `002_f5d848fa5a191e3f.txt` §15, drafted from the year's data as one `DocModel` each
/// (the same generator as the enrolment documents): the authority's requisites, number and date, the points, the
/// annex tables, the head's signature.
enum OrderDocuments {
    struct Input {
        var municipality: Municipality
        var year: AcademicYear
        var kind: OrderKind
        var number: String?
        var day: CivilDay?
        var recipients: [UUID]
    }

    static func build(_ input: Input, on db: any Database) async throws -> DocModel {
        let municipalityID = try input.municipality.requireID()
        let zone = input.municipality.zone
        let authority = try await Organization.query(on: db).filter(\.$municipality.$id == municipalityID).filter(
            \.$kind == OrganizationKind.authority.rawValue
        ).first()
        // Results and certificates of a group archived at the year's end still belong in the year's orders.
        var groupQuery = StudyGroup.query(on: db).filter(try \.$academicYear.$id == input.year.requireID())
        if ![.attestation, .certificates].contains(input.kind) {
            groupQuery = groupQuery.filter(\.$status == RecordStatus.active.rawValue)
        }
        let groups = try await groupQuery.with(\.$program).with(\.$organization).with(\.$teacher).all()
            .sorted { ($0.organization.sortKey, $0.name) < ($1.organization.sortKey, $1.name) }
        let annex: OrderDocument.Annex
        switch input.kind {
        case .organization: annex = try await organization(input, groups: groups, on: db)
        case .schedule: annex = try await schedule(groups: groups, on: db)
        case .attestation: annex = try await attestation(groups: groups, on: db)
        case .certificates: annex = try await certificates(groups: groups, on: db)
        case .support, .gratitude:
            let teachers = try await named(input, on: db)
            annex = input.kind == .support ? .support(teachers) : .gratitude(teachers)
        case .interaction: annex = try await interaction(input, municipalityID: municipalityID, zone: zone, on: db)
        case .talentSupport: annex = .talentSupport(try await SupportOrders.awards(input.recipients, on: db))
        }
        return OrderDocument(
            kind: input.kind, yearTitle: input.year.title,
            period: RuDate.format(input.year.startsOn, timeZone: zone) + " — "
                + RuDate.format(input.year.endsOn, timeZone: zone),
            municipality: input.municipality.name,
            authority: authority.map {
                OrderDocument.Authority(
                    fullName: $0.fullName, address: $0.address, phone: $0.phone, email: $0.email, headName: $0.headName)
            },
            number: input.number, day: input.day?.formatted, annex: annex
        ).model
    }

    /// The signed document: the reviewed draft with its number and date line filled in.
    static func signed(_ draft: DocModel, number: String?, day: CivilDay?) -> DocModel {
        OrderDocument.signed(draft, number: number, day: day?.formatted)
    }

    /// The teachers a support or gratitude order names: the year's approved round's, with its amounts (a teacher of
    /// earlier years without groups this year included), or else those the administrator picked from the year's list.
    static func named(_ input: Input, on db: any Database) async throws -> [OrderDocument.Teacher] {
        let lines = try await teacherLines(year: input.year, on: db)
        let byID = Dictionary(try lines.map { (try $0.staff.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        if let recipients = try await AwardOrders.recipients(kind: input.kind, yearID: input.year.requireID(), on: db) {
            let missing = recipients.map(\.staffID).filter { byID[$0] == nil }
            let others =
                missing.isEmpty
                ? [:]
                : Dictionary(
                    try await StaffMember.query(on: db).filter(\.$id ~~ missing).with(\.$organizations).all().map {
                        (try $0.requireID(), $0)
                    }, uniquingKeysWith: { a, _ in a })
            return recipients.compactMap { recipient in
                if let line = byID[recipient.staffID] {
                    return OrderDocument.Teacher(
                        name: line.staff.fullName, organizations: line.organizations, groups: line.groups,
                        hours: line.hours, amount: recipient.amount)
                }
                return others[recipient.staffID].map {
                    OrderDocument.Teacher(
                        name: $0.fullName,
                        organizations: $0.organizations.map(\.shortName).sorted().joined(separator: ", "), groups: [],
                        hours: 0, amount: recipient.amount)
                }
            }
        }
        return try lines.filter { input.recipients.contains(try $0.staff.requireID()) }.map {
            OrderDocument.Teacher(
                name: $0.staff.fullName, organizations: $0.organizations, groups: $0.groups, hours: $0.hours)
        }
    }

    /// The year's teachers with their groups and the hours they delivered (from the journal): the administrator picks
    /// the recipients of support and gratitude from this list.
    struct TeacherLine {
        var staff: StaffMember
        var organizations: String
        var groups: [String]
        var hours: Int
    }

    static func teacherLines(year: AcademicYear, on db: any Database) async throws -> [TeacherLine] {
        let groups = try await StudyGroup.query(on: db).filter(try \.$academicYear.$id == year.requireID()).filter(
            \.$status == RecordStatus.active.rawValue
        ).all()
        let byID = Dictionary(try groups.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        let lessons =
            groups.isEmpty
            ? []
            : try await Lesson.query(on: db).filter(\.$group.$id ~~ Array(byID.keys)).filter(
                \.$status == LessonStatus.scheduled.rawValue
            ).all()
        let lessonsByID = Dictionary(
            lessons.compactMap { lesson in lesson.id.map { ($0, lesson) } }, uniquingKeysWith: { a, _ in a })
        var hours: [UUID: Int] = [:]
        var names: [UUID: Set<String>] = [:]
        for lesson in lessons {
            if let teacherID = lesson.$teacher.id {
                names[teacherID, default: []].insert(byID[lesson.$group.id]?.name ?? "")
            }
        }
        // Hours by the one rule of the hours page and a teacher's card (`DeliveredHours`).
        for record in try await DeliveredHours.records(of: Array(lessonsByID.keys), on: db) {
            guard let lesson = lessonsByID[record.$lesson.id], let credit = DeliveredHours.credit(record, of: lesson)
            else { continue }
            hours[credit.teacherID, default: 0] += credit.hours
        }
        for group in groups {
            if let teacherID = group.$teacher.id { names[teacherID, default: []].insert(group.name) }
        }
        guard !names.isEmpty else { return [] }
        let staff = try await StaffMember.query(on: db).filter(\.$id ~~ Array(names.keys)).with(\.$organizations).sort(
            \.$sortKey
        ).all()
        return try staff.map { member in
            TeacherLine(
                staff: member,
                organizations: member.organizations.map(\.shortName).sorted().joined(separator: ", ")
                    + (member.isOutsideTrainer ? OrdersWords.outsideTrainer : ""),
                groups: (names[try member.requireID()] ?? []).sorted(), hours: hours[try member.requireID()] ?? 0)
        }
    }
}
