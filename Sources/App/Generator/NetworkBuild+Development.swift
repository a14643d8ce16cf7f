import Domain
import Foundation

/// Teachers' professional development in a generated municipality (issue 23, item 2): most of each centre's teachers
/// completed a course one to four years ago (those past three are due), half have one in this calendar year's
/// plan-schedule — done, underway or planned by its dates, a third of them with a trip — and one in twenty of those is
/// cancelled.
extension NetworkBuild {
    static let developmentCourses: [(course: String, provider: String, hours: Int)] = [
        ("Подготовка школьников к олимпиадам", "Институт развития образования края", 72),
        ("Цифровая лаборатория в обучении", "Центр «Точка роста» края", 36),
        ("Проектная деятельность школьников", "Академия Минпросвещения России", 72),
        ("Работа с одарёнными детьми", "Педагогический университет (филиал)", 36),
        ("Наставничество в образовательной организации", "Институт развития образования края", 24),
    ]

    func development(_ town: GeneratedTown, rng: inout SplitMix64) async throws {
        let today = plan.today
        let year = today.ymd.year
        // The academic year's round of teachers' financial support, a draft for the КМЦ (issue 23, item 3).
        try await rows.add(
            "award_rounds",
            [
                .uuid(rng.uuid()), .uuid(town.id), .uuid(town.yearID), .int(111_000), .int(3), .int(5_000),
                .int(30_000),
                .text("draft"), .text(nil), .date(nil), .text(RecordStatus.active.rawValue), .int(1),
            ])
        for centre in town.centres {
            for teacher in centre.teachers {
                if rng.chance(80) {
                    let first = today.adding(days: -(300 + rng.below(1200)))
                    try await developmentCourse(town, teacher, first: first, done: true, cancelled: false, rng: &rng)
                }
                if rng.chance(50), let january = CivilDay(year: year, month: 1, day: 1) {
                    let first = january.adding(days: rng.below(330))
                    let last = first.adding(days: 4)
                    try await developmentCourse(
                        town, teacher, first: first, done: last < today && rng.chance(90), cancelled: rng.chance(5),
                        rng: &rng)
                }
            }
        }
    }

    private func developmentCourse(
        _ town: GeneratedTown, _ teacher: GeneratedTown.Person, first: CivilDay, done: Bool, cancelled: Bool,
        rng: inout SplitMix64
    ) async throws {
        let (course, provider, hours) = Self.developmentCourses[rng.below(Self.developmentCourses.count)]
        let trip = [DevelopmentTrip.none, .none, .withinRegion, .otherRegion][rng.below(4)]
        let id = rng.uuid()
        try await rows.add(
            "professional_development",
            [
                .uuid(id), .uuid(town.id), .uuid(teacher.id), .text(course), .text(provider), .int(hours),
                .int(first.number), .int(first.adding(days: 4).number), .text(trip.rawValue), .bool(done && !cancelled),
                .text(done && !cancelled ? "ПК-\(id.uuidString.prefix(6))" : nil), .text(nil),
                .text(TextKey.search(teacher.name, course, provider)),
                .text((cancelled ? RecordStatus.archived : .active).rawValue), .int(1),
            ])
    }
}
