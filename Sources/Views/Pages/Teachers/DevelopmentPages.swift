import Domain
import Foundation

/// One course of professional development as lists and cards show it.
public struct DevelopmentRow: Sendable {
    public var id: UUID
    public var teacherID: UUID
    public var teacher: String
    public var course: String
    public var provider: String
    public var hours: Int
    public var from: CivilDay
    public var to: CivilDay
    public var trip: DevelopmentTrip
    public var status: DevelopmentStatus
    public var certificate: String?

    /// A course's row.
    public init(
        id: UUID, teacherID: UUID, teacher: String, course: String, provider: String, hours: Int, from: CivilDay,
        to: CivilDay, trip: DevelopmentTrip, status: DevelopmentStatus, certificate: String?
    ) {
        self.id = id
        self.teacherID = teacherID
        self.teacher = teacher
        self.course = course
        self.provider = provider
        self.hours = hours
        self.from = from
        self.to = to
        self.trip = trip
        self.status = status
        self.certificate = certificate
    }

    /// A made-up course.
    public static let mock = DevelopmentRow(
        id: MockID.of(0x2401), teacherID: MockID.of(0x2402), teacher: "Соколова Анна Ивановна",
        course: "Подготовка школьников к олимпиадам по информатике", provider: "Институт развития образования края",
        hours: 72, from: CivilDay(year: 2027, month: 3, day: 1)!, to: CivilDay(year: 2027, month: 3, day: 12)!,
        trip: .otherRegion, status: .planned, certificate: nil)

    var statusCell: Cell { .tag(status.title, status.badge) }
    var datesText: String { DevelopmentWords.dates(from, to) }
}

/// The plan-schedule of professional development (issue 23, item 2): filters by year, state, trip and organisation.
public struct DevelopmentListPage: Sendable {
    public var query: ListQuery
    public var years: [Int]
    public var organizations: [(value: String, title: String)]
    public var rows: [DevelopmentRow]
    public var total: Int
    public var canCreate: Bool
    public var canSeeDue: Bool

    /// The list's data.
    public init(
        query: ListQuery, years: [Int], organizations: [(value: String, title: String)], rows: [DevelopmentRow],
        total: Int, canCreate: Bool, canSeeDue: Bool
    ) {
        self.query = query
        self.years = years
        self.organizations = organizations
        self.rows = rows
        self.total = total
        self.canCreate = canCreate
        self.canSeeDue = canSeeDue
    }

    /// A made-up list.
    public static let mock = DevelopmentListPage(
        query: ListQuery(filters: ["year": "2027"], sort: "date"), years: [2026, 2027, 2028],
        organizations: [(MockID.of(0x2403).uuidString.lowercased(), "МБОУ «Лицей № 1»")], rows: [.mock], total: 1,
        canCreate: true, canSeeDue: true)

    /// The states the list filters by (also the API's).
    public static let states = DevelopmentStatus.allCases.map { ($0.rawValue, $0.title) }
    public static let trips = DevelopmentTrip.allCases.map { ($0.rawValue, $0.title) }

    /// The list's filters.
    public func filters() -> [FieldSpec] {
        [
            FieldSpec("q", "Поиск", .text("search"), hint: "Фамилия педагога, курс или кто проводит."),
            FieldSpec("year", "Год", .select(years.map { (String($0), "\($0) год") }, empty: "Все годы")),
            FieldSpec("state", DevelopmentWords.Field.status, .select(Self.states, empty: "Все")),
            FieldSpec("trip", DevelopmentWords.Field.trip, .select(Self.trips, empty: "Все")),
            FieldSpec("organization", "Место работы", .select(organizations, empty: "Все организации")),
        ]
    }

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        typealias F = DevelopmentWords.Field
        var list = RegistryList(
            title: MenuArea.registry(.development).title, area: .development, query: query, filters: filters(),
            columns: [
                Column(F.dates, sort: "date"), Column(F.teacher, sort: "teacher"), Column(F.course),
                Column(F.provider), Column("Часов"), Column(F.trip), Column(F.status),
            ],
            rows: rows.map {
                [
                    .text($0.datesText), .link($0.teacher, SiteURL.record(.staff, $0.teacherID).path),
                    .link($0.course, SiteURL.record(.development, $0.id).path), .text($0.provider),
                    .text(String($0.hours)), .text($0.trip.title), $0.statusCell,
                ]
            },
            total: total, noun: ("курс", "курса", "курсов"),
            createTitle: canCreate ? "Добавить курс" : nil,
            emptyText: "Курсов по этим условиям нет. Измените фильтры или добавьте курс в план-график.")
        if canSeeDue { list.links = [(DevelopmentWords.dueTitle, SiteURL.developmentDue.path)] }
        return list
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}

/// A course's card.
public struct DevelopmentCardPage: Sendable {
    public var row: DevelopmentRow
    public var note: String?

    /// The card's data.
    public init(row: DevelopmentRow, note: String?) {
        self.row = row
        self.note = note
    }

    /// A made-up card.
    public static let mock = DevelopmentCardPage(row: .mock, note: "Командировка за счёт муниципальной программы.")

    /// The card's facts.
    public var facts: [(String, String)] {
        typealias F = DevelopmentWords.Field
        return [
            (F.teacher, row.teacher), (F.course, row.course), (F.provider, row.provider), (F.hours, String(row.hours)),
            (F.dates, row.datesText), (F.trip, row.trip.title), (F.status, row.status.title),
            (F.certificate, row.certificate ?? ""), (F.note, note ?? ""),
        ]
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(.development, title: row.course, facts: facts, sections: []).render(ctx)
    }
}

/// A course's form.
public struct DevelopmentFormPage: Sendable {
    /// The teachers the user may record a course for.
    public var teachers: [(value: String, title: String)]

    /// The form's choices.
    public init(teachers: [(value: String, title: String)]) { self.teachers = teachers }

    /// A made-up form.
    public static let mock = DevelopmentFormPage(
        teachers: [(MockID.of(0x2402).uuidString.lowercased(), "Соколова Анна Ивановна — МБОУ «Лицей № 1»")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        typealias F = DevelopmentWords.Field
        return [
            FieldSpec(
                "teacher", F.teacher, .select(teachers, empty: teachers.count == 1 ? nil : "Выберите педагога"),
                required: true),
            FieldSpec(
                "course", F.course, required: true,
                hint: "Название программы повышения квалификации, например «Технологии подготовки к олимпиадам»."),
            FieldSpec("provider", F.provider, required: true, hint: "Институт, университет, центр."),
            FieldSpec("hours", F.hours, .number, required: true),
            FieldSpec("startsOn", "Начало", .date, required: true),
            FieldSpec("endsOn", "Окончание", .date, hint: "Для однодневного курса оставьте пустым."),
            FieldSpec(
                "trip", F.trip, .select(DevelopmentListPage.trips, empty: nil), required: true,
                hint: "План-график выездов: в другие регионы и в пределах края."),
            FieldSpec(
                "completed", F.completed,
                .select([("no", "Нет"), ("yes", "Да, обучение пройдено")], empty: nil), required: true),
            FieldSpec("certificate", F.certificate, hint: "Номер удостоверения — когда курс пройден."),
            FieldSpec("note", F.note, .textarea),
        ]
    }

    /// A new course's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.development, title: DevelopmentWords.newTitle, fields: fields).render(ctx)
    }
}
