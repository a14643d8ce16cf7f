import Domain
import Fluent
import Foundation

/// The network's events in the demo (issue 23, item 1): a year of seminars, webinars, a contest, a conference, a round
/// table for parents, a profile shift and a summer school — the past ones with their participants, attendance and
/// results, the coming ones open for registration (student1, parent1's child, is left for parent1 to register), one
/// cancelled.
extension DemoData {
    struct DemoEvent {
        var title: String
        var kind: EventKind
        var audience: EventAudience
        var org: String
        var offset: Int
        var length = 1
        var hours: (Int, Int)? = (15 * 60, 17 * 60)
        var place: String? = nil
        var link: String? = nil
        var capacity: Int? = nil
        var isPublic = true
        var cancelled = false
        var participants = 0
        var results: String? = nil
        var materials: String? = nil
    }

    static let demoEvents: [DemoEvent] = [
        DemoEvent(
            title: "Семинар «Сетевые программы: опыт первого полугодия»", kind: .seminar, audience: .teachers,
            org: "МБОУ «Гимназия № 2»", offset: -60, place: "Актовый зал, ул. Лесная, 4", capacity: 40,
            isPublic: false, participants: 6,
            results: "Обсудили опыт шести сетевых групп; решили готовить общие задания для групп разных центров.",
            materials: "Презентация и запись — на сайте гимназии, раздел «Сетевое взаимодействие»."),
        DemoEvent(
            title: "Муниципальный конкурс исследовательских проектов «Первые шаги»", kind: .contest,
            audience: .students, org: "МБОУ «Лицей № 5»", offset: -30, hours: (10 * 60, 14 * 60),
            place: "пр. Мира, 33, кабинеты 201–205", capacity: 30, participants: 8,
            results: "Восемь работ; победители — три проекта по химии и биологии."),
        DemoEvent(
            title: "Круглый стол «Как выбрать профиль обучения»", kind: .roundTable, audience: .parents,
            org: "МБОУ «СОШ № 3»", offset: -14, hours: (18 * 60, 19 * 60 + 30), place: "ул. Озёрная, 21, библиотека",
            capacity: 25),
        DemoEvent(
            title: "Мастер-класс «Робототехника: первые шаги»", kind: .masterClass, audience: .students,
            org: "МБОУ «Гимназия № 2»", offset: 10, place: "ул. Лесная, 4, кабинет 14 («Точка роста»)", capacity: 20,
            participants: 3),
        DemoEvent(
            title: "Вебинар «Олимпиадная подготовка по химии»", kind: .webinar, audience: .teachers,
            org: "МБОУ «Лицей № 5»", offset: 17, hours: (16 * 60, 17 * 60 + 30),
            link: "https://video.example/lyceum5/olymp-chem", participants: 2),
        DemoEvent(
            title: "Родительский университет: как поддержать одарённого ребёнка", kind: .seminar, audience: .parents,
            org: "МБОУ «СОШ № 7»", offset: 24, hours: (18 * 60, 19 * 60), place: "ул. Садовая, 17, актовый зал",
            capacity: 50),
        DemoEvent(
            title: "Круглый стол «Наставничество в школе»", kind: .roundTable, audience: .teachers,
            org: "МКУ «ЦРО»", offset: 30, place: "ул. Школьная, 12", isPublic: false, cancelled: true),
        DemoEvent(
            title: "Научно-практическая конференция школьников «Старт в науку»", kind: .conference,
            audience: .students, org: "МКУ «ЦРО»", offset: 45, length: 2, hours: (10 * 60, 15 * 60),
            place: "ул. Школьная, 12, конференц-зал", capacity: 60, participants: 4),
        DemoEvent(
            title: "Профильная смена «Юный химик»", kind: .profileShift, audience: .students, org: "МБОУ «Лицей № 5»",
            offset: 150, length: 5, hours: nil, place: "пр. Мира, 33", capacity: 25),
        DemoEvent(
            title: "Летняя IT-школа", kind: .summerSchool, audience: .students, org: "МБОУ «Гимназия № 2»",
            offset: 200, length: 10, hours: nil, place: "ул. Лесная, 4", capacity: 30),
    ]

    static func loadEvents(on db: any Database, municipalityID: UUID, orgIDs: [String: UUID], zone: TimeZone)
        async throws
    {
        let today = CivilDay(Date(), timeZone: zone)
        // student1 (parent1's child) is left unregistered: the demo's parent registers them.
        let family = try await User.query(on: db).filter(\.$username ~~ ["student1", "parent1"]).all().compactMap(\.id)
        let linked =
            try await Guardian.query(on: db).filter(\.$user.$id ~~ family).all().map(\.$student.id)
            + Student.query(on: db).filter(\.$user.$id ~~ family).all().compactMap(\.id)
        let students = try await Student.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$id !~ linked).sort(\.$sortKey).limit(40).all()
        let teachers = try await User.query(on: db).filter(\.$username ~~ ["teacher1", "centre1", "school1"]).all()
        var nextStudent = 0
        for demo in demoEvents {
            guard let orgID = orgIDs[demo.org] else { continue }
            let event = Event()
            event.id = UUID()
            event.$municipality.id = municipalityID
            event.$organization.id = orgID
            event.kind = demo.kind.rawValue
            event.audience = demo.audience.rawValue
            event.title = demo.title
            event.startsOn = today.adding(days: demo.offset).number
            event.endsOn = today.adding(days: demo.offset + demo.length - 1).number
            event.startsAt = demo.hours?.0
            event.endsAt = demo.hours?.1
            event.place = demo.place
            event.link = demo.link
            event.capacity = demo.capacity
            event.isPublic = demo.isPublic
            event.results = demo.results
            event.materials = demo.materials
            event.searchKey = TextKey.search(demo.title)
            event.status = (demo.cancelled ? RecordStatus.archived : .active).rawValue
            event.version = 1
            var rows: [EventRegistration] = []
            for index in 0..<demo.participants {
                let row = EventRegistration()
                row.$event.id = try event.requireID()
                switch demo.audience {
                case .students:
                    guard nextStudent < students.count else { break }
                    let student = students[nextStudent]
                    nextStudent += 1
                    row.$student.id = try student.requireID()
                    row.fullName = student.fullName
                    row.$organization.id = student.$school.id
                    row.registeredBy = "parent"
                case .teachers:
                    if index < teachers.count {
                        row.$user.id = try teachers[index].requireID()
                        row.fullName = teachers[index].fullName
                    } else {
                        row.fullName = DemoData.guestTeachers[index % DemoData.guestTeachers.count]
                        row.$user.id = nil
                    }
                    row.$organization.id = orgIDs["МБОУ «Гимназия № 2»"]
                    row.registeredBy = "teacher"
                case .parents:
                    continue
                }
                guard row.$student.id != nil || row.$user.id != nil || demo.audience == .teachers else { continue }
                row.createdAt = Date().addingTimeInterval(Double(demo.offset - 7) * 86_400)
                row.attended = demo.offset < 0 ? index % 5 != 4 : nil
                rows.append(row)
            }
            event.registeredCount = rows.count
            try await event.create(on: db)
            try await rows.create(on: db)
        }
    }

    /// Teachers of other schools at a seminar, registered by the organiser without an account.
    static let guestTeachers = [
        "Волкова Нина Петровна", "Зайцев Олег Викторович", "Лебедева Анна Сергеевна", "Морозов Илья Андреевич",
    ]
}
