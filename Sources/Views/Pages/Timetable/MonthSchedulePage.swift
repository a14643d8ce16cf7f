import Documents
import Domain
import Foundation

/// The network's monthly schedule as the authority publishes it (`002_f5d848fa5a191e3f.txt`: the monthly plan
/// carries the schedule of the network's profile courses): by date, centre, programme, teacher and room.
public struct MonthSchedulePage: Sendable {
    public struct Row: Sendable {
        public var span: LessonSpan
        public var center: String, program: String, group: String, teacher: String, room: String
        public var cancelled: Bool
        public init(
            span: LessonSpan, center: String, program: String, group: String, teacher: String, room: String,
            cancelled: Bool
        ) {
            self.span = span
            self.center = center
            self.program = program
            self.group = group
            self.teacher = teacher
            self.room = room
            self.cancelled = cancelled
        }
        /// «пн, 07.09.2026».
        public var date: String { span.day.weekday.short + ", " + span.day.formatted }
        /// «15:00–16:40».
        public var time: String { span.times }
    }

    public var monthTitle: String
    public var month: String
    /// The months to choose from («2026-09» → «сентябрь 2026»).
    public var months: [(value: String, title: String)]
    public var centers: [(value: String, title: String)]
    public var center: String?
    public var previousURL: String
    public var nextURL: String
    public var xlsxURL: String
    public var rows: [Row]

    public init(
        monthTitle: String, month: String, months: [(value: String, title: String)],
        centers: [(value: String, title: String)], center: String?,
        previousURL: String, nextURL: String, xlsxURL: String, rows: [Row]
    ) {
        self.monthTitle = monthTitle
        self.month = month
        self.months = months
        self.centers = centers
        self.center = center
        self.previousURL = previousURL
        self.nextURL = nextURL
        self.xlsxURL = xlsxURL
        self.rows = rows
    }

    public static let mock = MonthSchedulePage(
        monthTitle: "сентябрь 2026", month: "2026-09", months: [("2026-09", "сентябрь 2026")], centers: [], center: nil,
        previousURL: "?month=2026-08",
        nextURL: "?month=2026-10", xlsxURL: "/schedule.xlsx?month=2026-09",
        rows: [
            Row(
                span: LessonSpan(day: CivilDay(year: 2026, month: 9, day: 7)!, start: 900, end: 1000),
                center: "МБОУ «Гимназия № 2»",
                program: "Олимпиадная математика",
                group: "Математика-10", teacher: "Орлов Денис Андреевич", room: "Кабинет 12", cancelled: false)
        ])

    /// The XLSX sheet's name.
    public static let sheetName = "Расписание"
    /// The XLSX export's columns: the day and the times are date and time cells (Excel sorts and filters them).
    public static let sheetHeader = [
        "Дата", "День", "Начало", "Окончание", "Ресурсный центр", "Программа", "Группа", "Педагог", "Кабинет",
        "Примечание",
    ]
    /// The rows of the XLSX export, in the order of `sheetHeader` (a cancelled lesson says so in the last column).
    public static func sheetRows(_ rows: [Row]) -> [[XLSXCell]] {
        rows.map {
            [
                .date($0.span.day), .text($0.span.day.weekday.short), .time(minutes: $0.span.start),
                .time(minutes: $0.span.end), .text($0.center), .text($0.program), .text($0.group), .text($0.teacher),
                .text($0.room), .text($0.cancelled ? "отменено" : ""),
            ]
        }
    }

    public static let header = ["Дата", "Время", "Ресурсный центр", "Программа", "Группа", "Педагог", "Кабинет"]

    public func render(_ ctx: PageContext) -> String {
        let title = "Расписание сети на " + monthTitle
        var values = FormValues(single: ["month": month])
        values["center"] = center
        return Layout.page(ctx, title: title, crumbs: [Crumb("Сеть", SiteURL.home.path), Crumb("Расписание сети")]) {
            el("h1") { title }
            el("p", .cls("muted")) {
                "Занятия сетевых курсов в ресурсных центрах: публикуется в плане работы органа управления образованием "
                    + "на месяц."
            }
            el("form", .cls("filters"), Attr("method", "get"), Attr("action", SiteURL.schedule.path)) {
                FieldSpec("month", "Месяц", .select(months, empty: nil)).render(values: values, errors: FieldErrors())
                FieldSpec("center", "Ресурсный центр", .select(centers, empty: "Все центры")).render(
                    values: values, errors: FieldErrors())
                el("button", .type("submit")) { "Показать" }
            }
            el("nav", .cls("weeknav no-print")) {
                el("a", .href(previousURL)) { "← предыдущий месяц" }
                el("a", .href(nextURL)) { "следующий месяц →" }
                el("a", .href(xlsxURL)) { "Скачать XLSX" }
            }
            el("p", .cls("count")) { "Найдено " + RussianPlural.count(rows.count, "занятие", "занятия", "занятий") }
            if rows.isEmpty {
                UI.empty("В этом месяце занятий нет.")
            } else {
                el("table", .cls("list")) {
                    el("thead") { el("tr") { for heading in Self.header { el("th") { heading } } } }
                    el("tbody") {
                        for lesson in rows {
                            el("tr", .cls(lesson.cancelled ? "cancelled" : "")) {
                                el("td") { lesson.date }
                                el("td") { lesson.time + (lesson.cancelled ? " (отменено)" : "") }
                                el("td") { lesson.center }
                                el("td") { lesson.program }
                                el("td") { lesson.group }
                                el("td") { lesson.teacher.isEmpty ? "—" : lesson.teacher }
                                el("td") { lesson.room.isEmpty ? "—" : lesson.room }
                            }
                        }
                    }
                }
            }
        }
    }
}
