import Domain
import Fluent
import Foundation

/// Teachers' professional development in the demo (issue 23, item 2): courses done years ago (some teachers are due),
/// done lately with certificates, one underway, one ended and not yet marked, planned ones with trips within the region
/// and to another region, one cancelled. All names and certificates are invented.
extension DemoData {
    struct DemoCourse {
        var surname: String
        var course: String
        var provider: String
        var hours: Int
        var offset: Int
        var length: Int
        var trip: DevelopmentTrip = .none
        var done = false
        var cancelled = false
    }

    static let demoCourses: [DemoCourse] = [
        DemoCourse(
            surname: "Орлов", course: "Подготовка школьников к олимпиадам по математике",
            provider: "Институт развития образования края", hours: 72, offset: -400, length: 12, done: true),
        DemoCourse(
            surname: "Орлов", course: "Методика преподавания программирования в сетевых группах",
            provider: "Педагогический университет (филиал)", hours: 36, offset: 45, length: 5, trip: .withinRegion),
        DemoCourse(
            surname: "Гусева", course: "Цифровая лаборатория на уроках физики", provider: "Центр «Точка роста» края",
            hours: 36, offset: -1500, length: 5, done: true),
        DemoCourse(
            surname: "Гусева", course: "Проектная деятельность в центрах «Точка роста»",
            provider: "Академия Минпросвещения России", hours: 72, offset: 75, length: 10, trip: .otherRegion),
        DemoCourse(
            surname: "Ёжиков", course: "Олимпиадная химия: задачи регионального этапа",
            provider: "Институт развития образования края", hours: 48, offset: -3, length: 8),
        DemoCourse(
            surname: "Лаптева", course: "Исследовательские проекты школьников по биологии",
            provider: "Педагогический университет (филиал)", hours: 24, offset: -20, length: 6),
        DemoCourse(
            surname: "Лаптева", course: "Работа с одарёнными детьми", provider: "Институт развития образования края",
            hours: 36, offset: -1300, length: 5, done: true),
        DemoCourse(
            surname: "Мельников", course: "Наставничество в образовательной организации",
            provider: "Академия Минпросвещения России", hours: 36, offset: -200, length: 5, trip: .otherRegion,
            done: true),
        DemoCourse(
            surname: "Соболева", course: "Подготовка к олимпиаде по литературе",
            provider: "Институт развития образования края",
            hours: 24, offset: 20, length: 3, trip: .withinRegion, cancelled: true),
        DemoCourse(
            surname: "Захарова", course: "Робототехника в дополнительном образовании",
            provider: "Детский технопарк «Кванториум»", hours: 72, offset: 120, length: 10, trip: .withinRegion),
    ]

    static func loadDevelopment(on db: any Database, municipalityID: UUID, zone: TimeZone) async throws {
        let today = CivilDay(Date(), timeZone: zone)
        let staff = try await StaffMember.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let bySurname = Dictionary(staff.map { ($0.surname, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, demo) in demoCourses.enumerated() {
            guard let person = bySurname[demo.surname] else { continue }
            let course = DevelopmentCourse()
            course.$municipality.id = municipalityID
            course.$staff.id = try person.requireID()
            course.course = demo.course
            course.provider = demo.provider
            course.hours = demo.hours
            course.startsOn = today.adding(days: demo.offset).number
            course.endsOn = today.adding(days: demo.offset + demo.length - 1).number
            course.trip = demo.trip.rawValue
            course.isCompleted = demo.done
            course.certificate = demo.done ? String(format: "ПК-%06d", 240_100 + index * 17) : nil
            course.searchKey = TextKey.search(
                person.surname, person.givenName, person.patronymic, demo.course, demo.provider)
            course.status = (demo.cancelled ? RecordStatus.archived : .active).rawValue
            course.version = 1
            try await course.create(on: db)
        }
    }
}

extension DemoData {
    /// The current academic year's round of teachers' financial support, a draft with the usual rule (`002_…` §15:
    /// 111 000 ₽, at least three years in the network, 5 000–30 000 ₽) for the КМЦ to fill in.
    static func loadAwards(on db: any Database, municipalityID: UUID, year: AcademicYear) async throws {
        let round = AwardRound()
        round.$municipality.id = municipalityID
        round.$academicYear.id = try year.requireID()
        round.budget = 111_000
        round.minimumYears = 3
        round.amountMin = 5_000
        round.amountMax = 30_000
        round.state = "draft"
        round.status = RecordStatus.active.rawValue
        round.version = 1
        try await round.create(on: db)
    }
}
