import Domain
import Fluent
import Vapor
import Views

/// A teacher's network work (issue 23, item 2): the groups they taught — as the group's teacher or by giving its
/// lessons — year by year, the hours delivered in each from the journal (`DeliveredHours`), and the years in the
/// network (`NetworkYears`), the fact the award rule reads (`002_f5d848fa5a191e3f.txt` §15). Read once for the staff
/// card and `GET /api/v1/teachers/{id}` in a fixed number of statements.
struct TeacherWork: Sendable {
    /// One group taught.
    struct Group: Sendable {
        var id: UUID
        var name: String
        var program: String
        var center: OrgRef
        var centerName: String
        var yearID: UUID
        var yearTitle: String
        var yearStart: Int
        var isCurrentYear: Bool
        /// Hours this teacher delivered in the group; nil when the user may not read the centre's hours.
        var hours: Int?
    }

    var groups: [Group]
    /// Distinct academic years in which the teacher delivered hours (a group assigned but not taught, a cancelled
    /// lesson count no year).
    var yearsInNetwork: Int
    /// Hours delivered in the current academic year at centres whose hours the user may read; nil when none.
    var hoursThisYear: Int?

    static func load(_ staff: StaffMember, req: Request) async throws -> TeacherWork {
        let staffID = try staff.requireID()
        let lessons = try await Lesson.query(on: req.db).filter(\.$teacher.$id == staffID).all()
        let lessonGroups = Array(Set(lessons.map { $0.$group.id }))
        let groups = try await StudyGroup.query(on: req.db).group(.or) { or in
            or.filter(\.$teacher.$id == staffID)
            if !lessonGroups.isEmpty { or.filter(\.$id ~~ lessonGroups) }
        }.with(\.$program).with(\.$organization).with(\.$academicYear).all()
        var hoursByGroup: [UUID: Int] = [:]
        let lessonByID = Dictionary(try lessons.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        for record in try await DeliveredHours.records(of: Array(lessonByID.keys), on: req.db) {
            guard let lesson = lessonByID[record.$lesson.id], let credit = DeliveredHours.credit(record, of: lesson),
                credit.teacherID == staffID
            else { continue }
            hoursByGroup[lesson.$group.id, default: 0] += credit.hours
        }
        let zone = try await RegistrySupport.zone(req)
        let rows = try groups.map { group in
            let id = try group.requireID()
            let year = group.academicYear
            let center = group.organization.ref
            let readable = req.can(.read, .teacherHours(center: center, teacherUserID: staff.$user.id))
            return Group(
                id: id, name: group.name, program: group.program.title, center: center,
                centerName: group.organization.shortName, yearID: try year.requireID(), yearTitle: year.title,
                yearStart: CivilDay(year.startsOn, timeZone: zone).ymd.year, isCurrentYear: year.isCurrent,
                hours: readable ? hoursByGroup[id] ?? 0 : nil)
        }.sorted { ($1.yearStart, $0.name.lowercased()) < ($0.yearStart, $1.name.lowercased()) }
        let taught = groups.filter { hoursByGroup[$0.id ?? UUID(), default: 0] > 0 }
        let thisYear = rows.filter(\.isCurrentYear).compactMap(\.hours)
        return TeacherWork(
            groups: rows,
            yearsInNetwork: NetworkYears.count(
                taught.map { CivilDay($0.academicYear.startsOn, timeZone: zone).ymd.year }),
            hoursThisYear: thisYear.isEmpty ? nil : thisYear.reduce(0, +))
    }
}

extension TeacherWork {
    /// The work as the staff card shows it.
    var card: StaffCardPage.NetworkWork {
        StaffCardPage.NetworkWork(
            groups: groups.map {
                .init(
                    id: $0.id, name: $0.name, program: $0.program, centerID: $0.center.id, center: $0.centerName,
                    year: $0.yearTitle, hours: $0.hours)
            }, yearsInNetwork: yearsInNetwork, hoursThisYear: hoursThisYear)
    }
}

extension TeacherWork {
    /// The person's courses of professional development, newest first; nil when the user may not read them.
    static func development(_ staff: StaffMember, req: Request) async throws -> [DevelopmentRow]? {
        guard req.can(.read, try await DevelopmentScope.resource(of: staff, on: req.db)) else { return nil }
        let today = try await PlanBoard.today(req)
        let courses = try await DevelopmentCourse.query(on: req.db).filter(\.$staff.$id == staff.requireID())
            .sort(\.$startsOn, .descending).all()
        for course in courses { course.$staff.value = staff }
        return try courses.map { try DevelopmentSection.row($0, today: today) }
    }
}
