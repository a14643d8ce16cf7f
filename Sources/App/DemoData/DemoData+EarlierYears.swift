import Domain
import Fluent
import Vapor

extension DemoData {
    /// The network's history before last year: two and three academic years back, a course each of teachers who have
    /// worked in the network that long, with the hours of their lessons in the journal — so that the demo's round of
    /// teachers' financial support (`002_f5d848fa5a191e3f.txt` §15: at least three years in the network) has teachers
    /// with the right to it. No students: only the years and hours are shown from these.
    static func loadEarlierYears(
        on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], subjectIDs: [String: UUID],
        current: AcademicYear, zone: TimeZone
    ) async throws {
        let currentStart = CivilDay(current.startsOn, timeZone: zone).ymd.year
        let courses: [(back: Int, center: String, title: String, subject: String, teacher: String)] = [
            (2, "МБОУ «Гимназия № 2»", "Олимпиадная математика", "математика", "Орлов"),
            (2, "МБОУ «Лицей № 5»", "Химия в задачах", "химия", "Ёжиков"),
            (3, "МБОУ «Гимназия № 2»", "Олимпиадная математика", "математика", "Орлов"),
            (3, "МБОУ «Лицей № 5»", "Химия в задачах", "химия", "Ёжиков"),
        ]
        var years: [Int: AcademicYear] = [:]
        for course in courses {
            let startYear = currentStart - course.back
            let year: AcademicYear
            if let known = years[course.back] {
                year = known
            } else {
                year = AcademicYear(
                    municipalityID: municipalityID, title: "\(startYear)/\(startYear + 1)",
                    startsOn: CivilDay(year: startYear, month: 9, day: 1)!.date(timeZone: zone),
                    endsOn: CivilDay(year: startYear + 1, month: 5, day: 31)!.date(timeZone: zone), isCurrent: false)
                try await year.create(on: db)
                years[course.back] = year
            }
            let program = NetworkProgram()
            program.$organization.id = orgIDs[course.center]!
            program.title = course.title
            program.kind = "profile"
            program.$subject.id = subjectIDs[course.subject]
            program.hours = GroupRules.defaultHours
            program.approval = ProgramApproval.agreed.rawValue
            program.$academicYear.id = year.id
            program.gradeFrom = 9
            program.gradeTo = 11
            program.form = StudyForm.fullTime.rawValue
            program.summary = "Сетевой курс \(startYear)/\(startYear + 1) учебного года."
            program.searchKey = TextKey.search(course.title, course.center)
            program.sortKey = TextKey.sort(course.title)
            program.status = RecordStatus.active.rawValue
            program.version = 1
            try await program.create(on: db)
            let teacher = try await StaffMember.query(on: db).filter(\.$surname == course.teacher).first()
            let group = StudyGroup()
            group.$program.id = try program.requireID()
            group.$organization.id = orgIDs[course.center]!
            group.$academicYear.id = try year.requireID()
            group.name = "\(course.title) (\(startYear)/\(startYear + 1))"
            group.capacity = 20
            group.enrolledCount = 0
            group.waitlistSeq = 0
            group.plannedHours = GroupRules.defaultHours
            group.$teacher.id = teacher?.id
            group.startsOn = year.startsOn
            group.endsOn = year.endsOn
            group.isOpen = false
            group.status = RecordStatus.active.rawValue
            group.version = 1
            try await group.create(on: db)
            // Weekly lessons of two hours from mid-September to mid-December, each in the journal.
            let first = CivilDay(year: startYear, month: 9, day: 15)!
            for week in 0..<13 {
                _ = try await heldLesson(
                    of: group, on: first.adding(days: 7 * week), number: week + 1, teacher: teacher?.id, room: nil,
                    zone: zone, db: db)
            }
        }
    }
}
