import Domain
import Foundation

/// A route's card: its goals, mentor and curator, the steps with their milestones, and — for the school only — the
/// psychological-pedagogical support notes with a form to add one.
public struct RouteCardPage: Sendable {
    /// A step of the route.
    public struct Step: Sendable {
        public var id: UUID
        public var kind: RouteStepKind
        public var title: String
        public var startsOn: String?
        public var dueOn: String
        public var status: RouteStepStatus
        public var overdue: Bool
        public var result: String?
        /// A step's line.
        public init(
            id: UUID, kind: RouteStepKind, title: String, startsOn: String?, dueOn: String, status: RouteStepStatus,
            overdue: Bool, result: String?
        ) {
            self.id = id
            self.kind = kind
            self.title = title
            self.startsOn = startsOn
            self.dueOn = dueOn
            self.status = status
            self.overdue = overdue
            self.result = result
        }
    }

    /// A support note.
    public struct Note: Sendable {
        public var day: String
        public var author: String
        public var text: String
        /// A note's line.
        public init(day: String, author: String, text: String) {
            self.day = day
            self.author = author
            self.text = text
        }
    }

    public var id: UUID
    public var student: String
    /// The student's databank card, for who may open it.
    public var studentURL: String?
    public var school: String
    public var grade: Int
    public var year: String
    public var goals: String
    public var mentor: String?
    public var curator: String
    public var status: RouteStatus
    public var updated: String
    public var steps: [Step]
    /// nil: the reader may not see the notes (the section is not shown at all).
    public var notes: [Note]?
    public var canChange: Bool
    public var noteValues: FormValues
    public var noteErrors: FieldErrors

    /// The card's data.
    public init(
        id: UUID, student: String, studentURL: String?, school: String, grade: Int, year: String, goals: String,
        mentor: String?, curator: String, status: RouteStatus, updated: String, steps: [Step], notes: [Note]?,
        canChange: Bool, noteValues: FormValues = FormValues(), noteErrors: FieldErrors = FieldErrors()
    ) {
        self.id = id
        self.student = student
        self.studentURL = studentURL
        self.school = school
        self.grade = grade
        self.year = year
        self.goals = goals
        self.mentor = mentor
        self.curator = curator
        self.status = status
        self.updated = updated
        self.steps = steps
        self.notes = notes
        self.canChange = canChange
        self.noteValues = noteValues
        self.noteErrors = noteErrors
    }

    /// A made-up card.
    public static let mock = RouteCardPage(
        id: MockID.of(0x2401), student: "Лебедева Ольга Ивановна", studentURL: "/gifted/x", school: "МБОУ «СОШ № 1»",
        grade: 10, year: "2026/2027",
        goals: "Подготовка к региональному этапу ВсОШ по математике; проект по статистике.",
        mentor: "Орлов Денис Андреевич", curator: "Смирнова Анна Петровна", status: .active,
        updated: "school1, 01.10.2026 12:00",
        steps: [
            Step(
                id: MockID.of(0x2402), kind: .course, title: "Олимпиадная математика (Гимназия № 2)",
                startsOn: "01.09.2026", dueOn: "20.12.2026", status: .inProgress, overdue: false, result: nil),
            Step(
                id: MockID.of(0x2403), kind: .research, title: "Проект «Статистика школьных олимпиад»",
                startsOn: nil, dueOn: "01.11.2026", status: .planned, overdue: true, result: nil),
        ],
        notes: [
            Note(day: "15.10.2026", author: "school1", text: "Беседа о нагрузке; рекомендовано снизить число секций.")
        ],
        canChange: true)

    public func render(_ ctx: PageContext) -> String {
        let title = RouteWords.card(student, year: year)
        let done = steps.filter { $0.status == .done }.count
        return Layout.page(
            ctx, title: title, crumbs: [Crumb(RouteWords.title, SiteURL.list(.routes).path), Crumb(title)]
        ) {
            el("h1") { title }
            if canChange {
                el("div", .cls("actions")) {
                    el("a", .cls("button"), .href(RoutePaths.edit(id))) { "Изменить" }
                    el("a", .cls("button"), .href(RoutePaths.newStep(id))) { "Добавить этап" }
                }
            }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    el("dt") { "Обучающийся" }
                    el("dd") {
                        if let studentURL { el("a", .href(studentURL)) { student } } else { student }
                    }
                    for (label, value) in [
                        ("Школа, класс", "\(school), \(grade) класс"), ("Учебный год", year), ("Цели", goals),
                        ("Наставник", mentor ?? "не назначен"), ("Куратор в школе", curator),
                        ("Состояние", status.title),
                        (
                            "Этапы",
                            RouteWords.progress(
                                done: done, total: steps.count, overdue: steps.filter(\.overdue).count)
                        ),
                        ("Изменено", updated),
                    ] {
                        el("dt") { label }
                        el("dd") { value }
                    }
                }
            }
            el("h2") { "Этапы" }
            if steps.isEmpty {
                UI.empty("Этапов пока нет: добавьте курсы, подготовку к олимпиадам, смены, школы и проекты.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            for column in ["Срок", "Начало", "Вид", "Что", "Состояние", "Результат"] {
                                el("th") { column }
                            }
                            if canChange { el("th") { "" } }
                        }
                    }
                    el("tbody") {
                        for step in steps {
                            el("tr") {
                                el("td") { step.dueOn }
                                el("td") { step.startsOn ?? "—" }
                                el("td") { step.kind.title }
                                el("td", .cls("wide")) { step.title }
                                el("td") {
                                    if step.overdue {
                                        el("span", .cls("badge badge-expiring")) {
                                            "\(step.status.title), \(RouteWords.overdue)"
                                        }
                                    } else {
                                        step.status.title
                                    }
                                }
                                el("td") { step.result ?? "—" }
                                if canChange {
                                    el("td") {
                                        el("a", .href(RoutePaths.step(id, step.id) + "/edit")) { "Изменить" }
                                        " "
                                        el("a", .href(RoutePaths.step(id, step.id) + "/delete")) { "Удалить" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if let notes {
                el("h2") { RouteWords.notesTitle }
                el("p", .cls("muted")) { RouteWords.notesHint }
                if notes.isEmpty { UI.empty("Записей нет.") }
                for note in notes {
                    el("div", .cls("panel")) {
                        el("p", .cls("muted")) { "\(note.day), \(note.author)" }
                        el("p") { note.text }
                    }
                }
                UI.formError(noteErrors.isEmpty ? nil : RouteWords.notSaved)
                el("form", .cls("stacked panel"), Attr("method", "post"), Attr("action", RoutePaths.notes(id))) {
                    Layout.csrf(ctx)
                    FieldSpec("notedOn", RouteWords.Field.noteDay, .date, required: true).render(
                        values: noteValues, errors: noteErrors)
                    FieldSpec("text", RouteWords.Field.noteText, .textarea, required: true).render(
                        values: noteValues, errors: noteErrors)
                    el("div", .cls("actions")) { UI.submit("Добавить запись") }
                }
            }
        }
    }
}
