import Domain
import Fluent
import Vapor
import Views

/// Hours delivered per teacher and month of an academic year, from the journal — the basis of teachers' payment,
/// outside trainers included. Each line is shown only to the policy's `.teacherHours` readers: the teacher sees their
/// own, a centre's head the centre's, the КМЦ all.
struct HoursController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("hours", use: index)
    }

    func index(req: Request) async throws -> Response {
        let municipalityID = try RegistrySupport.municipality(req)
        // The page is for those who may read at least their own line (students and guardians may not).
        let user = try req.requireUser()
        try req.authorize(
            .read,
            .teacherHours(center: OrgRef(id: UUID(), municipalityID: municipalityID), teacherUserID: user.userID))
        let zone = try await MunicipalClock.zone(municipalityID, on: req.db)
        let years = try await AcademicYear.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        guard
            let year = req.query[String.self, at: "year"].flatMap(UUID.init(uuidString:)).flatMap({ id in
                years.first { $0.id == id }
            })
                ?? years.first(where: \.isCurrent) ?? years.first
        else { throw AppError.notFound(JournalWords.noYears) }
        let center = req.query[String.self, at: "center"].flatMap(UUID.init(uuidString:))
        var groupsQ = StudyGroup.query(on: req.db).filter(try \.$academicYear.$id == year.requireID())
        if let center { groupsQ = groupsQ.filter(\.$organization.$id == center) }
        let groups = try await groupsQ.with(\.$organization).all()
        let groupByID = Dictionary(try groups.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        let lessons =
            groups.isEmpty
            ? []
            : try await Lesson.query(on: req.db).filter(\.$group.$id ~~ Array(groupByID.keys)).with(\.$teacher).all()
        let lessonByID = Dictionary(try lessons.map { (try $0.requireID(), $0) }, uniquingKeysWith: { a, _ in a })
        let records = try await DeliveredHours.records(of: Array(lessonByID.keys), on: req.db)
        // Month columns of the year.
        let first = CivilDay(year.startsOn, timeZone: zone).startOfMonth
        let last = CivilDay(year.endsOn, timeZone: zone)
        var months: [CivilDay] = []
        var month = first
        while month <= last {
            months.append(month)
            month = month.adding(days: month.daysInMonth)
        }
        var byTeacher: [UUID: (staff: StaffMember, hours: [Int], groups: Set<String>)] = [:]
        for record in records {
            guard let lesson = lessonByID[record.$lesson.id], let credit = DeliveredHours.credit(record, of: lesson),
                let teacher = lesson.teacher, let group = groupByID[lesson.$group.id],
                req.can(.read, .teacherHours(center: group.organization.ref, teacherUserID: teacher.$user.id))
            else { continue }
            let day = CivilDay(number: lesson.day)
            guard let i = months.firstIndex(where: { $0.ymd.year == day.ymd.year && $0.ymd.month == day.ymd.month })
            else {
                continue
            }
            var entry = byTeacher[credit.teacherID] ?? (teacher, Array(repeating: 0, count: months.count), [])
            entry.hours[i] += credit.hours
            entry.groups.insert(group.name)
            byTeacher[credit.teacherID] = entry
        }
        let rows = try byTeacher.values.sorted { $0.staff.sortKey < $1.staff.sortKey }.map { entry in
            TeacherHoursPage.Row(
                name: entry.staff.fullName, url: SiteURL.teacherWeek(try entry.staff.requireID()).path,
                note: JournalWords.Hours.note(
                    outsideTrainer: entry.staff.isOutsideTrainer, groups: entry.groups.sorted()),
                months: entry.hours, total: entry.hours.reduce(0, +))
        }
        let centers = try await OrganizationQueries.currentCenterIDs(municipalityIDs: [municipalityID], on: req.db)
        let centerOptions = try await RegistrySupport.organizationOptions(municipalityID, on: req.db).filter {
            centers.contains(UUID(uuidString: $0.value)!)
        }
        var values = FormValues(single: ["year": try year.requireID().uuidString.lowercased()])
        values["center"] = center?.uuidString.lowercased()
        let page = TeacherHoursPage(
            title: JournalWords.Hours.title, yearTitle: year.title,
            months: months.map { String(TimetableWords.monthNames[$0.ymd.month - 1].prefix(3)) }, rows: rows,
            filters: JournalWords.Hours.filters(
                years: try years.map { (try $0.requireID().uuidString.lowercased(), $0.title) }, centers: centerOptions),
            values: values, action: SiteURL.hours.path)
        return req.render(page.render(await req.pageContext(active: .timetable)))
    }
}
