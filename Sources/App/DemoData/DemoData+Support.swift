import Domain
import Fluent
import Foundation

/// Support measures' demo (issue 21, item 5): from the databank's consenting students by points — last year's premium
/// and this year's stipend awarded by decrees made outside Setka, and this year's proposed stipend, grant and paid trip
/// to the regional stage waiting for the КМЦ's draft order; the top candidate's individual route (item 6) with its
/// steps — one overdue — and a support note of the school.
extension DemoData {
    static func demoSupport(municipalityID: UUID, on db: any Database) async throws {
        let years = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$startsOn, .descending).all()
        guard let current = years.first(where: \.isCurrent), let last = years.first(where: { !$0.isCurrent }) else {
            return
        }
        let students = try await GiftedBank.students(
            try await GiftedBank.consentingMembers(municipalityID, on: db), on: db)
        let scores = try await SupportBoard.scores(
            of: students.compactMap(\.id), year: current, weights: .standard, municipalityID: municipalityID, on: db)
        let ranked = students.sorted { (scores[$0.id!]?.total ?? 0) > (scores[$1.id!]?.total ?? 0) }
        guard ranked.count >= 4 else { return }
        let startYear = CivilDay(current.startsOn, timeZone: .gmt).ymd.year
        func day(_ d: Int, _ m: Int, _ y: Int) -> CivilDay { CivilDay(year: y, month: m, day: d)! }
        let plans: [(Student, AcademicYear, SupportInput)] = [
            (
                ranked[0], last,
                SupportInput(
                    kind: .premium, amount: 10_000,
                    basis: "Победитель муниципального этапа всероссийской олимпиады школьников по математике",
                    decreeNumber: "45", decreeDay: day(20, 5, startYear))
            ),
            (
                ranked[0], current,
                SupportInput(
                    kind: .stipend, amount: 3_000, startsOn: day(1, 10, startYear), endsOn: day(31, 5, startYear + 1),
                    basis:
                        "Призёр муниципального этапа ВсОШ по математике, победитель конкурса исследовательских работ",
                    decreeNumber: "112", decreeDay: day(1, 10, startYear))
            ),
            (
                ranked[1], current,
                SupportInput(
                    kind: .stipend, amount: 2_000, startsOn: day(1, 1, startYear + 1),
                    endsOn: day(31, 5, startYear + 1),
                    basis: "Победитель муниципального этапа всероссийской олимпиады школьников")
            ),
            (
                ranked[2], current,
                SupportInput(
                    kind: .trip, amount: 18_500, startsOn: day(14, 4, startYear + 1), endsOn: day(20, 4, startYear + 1),
                    destination: "г. Казань", event: "Заключительный этап ВсОШ, именное приглашение № 0417",
                    budgetLine: "Муниципальная программа «Развитие образования», мероприятие 2.3",
                    basis: "Приглашён на заключительный этап по итогам регионального")
            ),
            (
                ranked[3], current,
                SupportInput(
                    kind: .grant, amount: 15_000,
                    budgetLine: "Муниципальная программа «Развитие образования», мероприятие 2.1",
                    basis: "Исследовательский проект «Математика городского транспорта», рекомендация КМЦ")
            ),
        ]
        for (student, year, input) in plans {
            let measure = SupportMeasure()
            measure.$municipality.id = municipalityID
            measure.$academicYear.id = try year.requireID()
            measure.$school.id = student.$school.id
            measure.$student.id = try student.requireID()
            measure.apply(input)
            measure.points = scores[student.id!]?.total ?? 0
            measure.createdBy = "kmc"
            measure.createdAt = Date()
            measure.updatedBy = "kmc"
            measure.updatedAt = measure.createdAt
            measure.version = 1
            try await measure.create(on: db)
        }
        try await demoRoute(of: ranked[0], year: current, startYear: startYear, on: db)
    }

    static func demoRoute(of student: Student, year: AcademicYear, startYear: Int, on db: any Database) async throws {
        func day(_ d: Int, _ m: Int, _ y: Int) -> CivilDay { CivilDay(year: y, month: m, day: d)! }
        let route = IndividualRoute()
        route.$municipality.id = student.$municipality.id
        route.$academicYear.id = try year.requireID()
        route.$school.id = student.$school.id
        route.$student.id = try student.requireID()
        route.apply(
            RouteInput(
                goals: "Подготовка к региональному и заключительному этапам ВсОШ по математике; исследовательский "
                    + "проект; профильная смена летом.",
                mentor: "Орлов Денис Андреевич (педагог-тренер)",
                curator: "Смирнова Анна Петровна, заместитель "
                    + "директора", status: .active))
        route.createdBy = "school1"
        route.createdAt = Date()
        route.updatedBy = "school1"
        route.updatedAt = route.createdAt
        route.version = 1
        try await route.create(on: db)
        let steps: [RouteStepInput] = [
            RouteStepInput(
                kind: .course, title: "Сетевой курс «Олимпиадная математика», МБОУ «Гимназия № 2»",
                startsOn: day(1, 9, startYear), dueOn: day(25, 12, startYear), status: .inProgress, result: nil),
            RouteStepInput(
                kind: .olympiadPreparation, title: "Сессии подготовки к региональному этапу",
                startsOn: day(10, 12, startYear), dueOn: day(20, 1, startYear + 1), status: .planned, result: nil),
            RouteStepInput(
                kind: .research, title: "Проект «Математика городского транспорта»: план исследования",
                startsOn: day(1, 10, startYear), dueOn: day(15, 11, startYear), status: .planned, result: nil),
            RouteStepInput(
                kind: .profileShift, title: "Профильная математическая смена",
                startsOn: day(1, 7, startYear + 1), dueOn: day(21, 7, startYear + 1), status: .planned, result: nil),
        ]
        for input in steps {
            let step = IndividualRouteStep()
            step.$route.id = try route.requireID()
            step.apply(input)
            step.version = 1
            try await step.create(on: db)
        }
        let note = RouteSupportNote()
        note.$route.id = try route.requireID()
        note.notedOn = day(15, 10, startYear).number
        note.text =
            "Беседа педагога-психолога: высокая нагрузка в секциях; рекомендовано распределить подготовку по неделям."
        note.author = "school1"
        note.createdAt = Date()
        try await note.create(on: db)
    }
}
