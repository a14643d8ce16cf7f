import Domain
import Foundation

/// The form that adds a group's lessons by a weekly pattern between two dates.
public struct WeeklyLessonsPage: Sendable {
    public var groupName: String, center: String, window: String, timetableURL: String
    public var rooms: [(value: String, title: String)]
    public var values: FormValues, errors: FieldErrors
    /// The clash rules' answer to the last try, if any.
    public var refusal: TimetableRefusalText?

    public init(
        groupName: String, center: String, window: String, timetableURL: String,
        rooms: [(value: String, title: String)], values: FormValues, errors: FieldErrors,
        refusal: TimetableRefusalText?
    ) {
        self.groupName = groupName
        self.center = center
        self.window = window
        self.timetableURL = timetableURL
        self.rooms = rooms
        self.values = values
        self.errors = errors
        self.refusal = refusal
    }

    public static let mock = WeeklyLessonsPage(
        groupName: "Робототехника-7", center: "ЦДО «Кванториум»", window: "01.09.2026 — 25.05.2027",
        timetableURL: "/groups/x/timetable", rooms: [("r1", "Кабинет № 12 (15 мест)")],
        values: FormValues(single: ["hours": "2", "from": "07.09.2026", "to": "25.05.2027"]), errors: FieldErrors(),
        refusal: TimetableRefusalText(clashes: [], warnings: ["Кабинет № 12 занят 07.09.2026 в 15:00."]))

    /// The form the controller renders.
    public var form: RegistryForm {
        var fields = [
            FieldSpec(
                "weekday", "День недели",
                .select(Weekday.allCases.prefix(6).map { (String($0.rawValue), $0.title) }, empty: "— выберите —"),
                required: true),
            FieldSpec("start", "Начало", required: true, hint: "Время в виде ЧЧ:ММ, например 15:00."),
            FieldSpec(
                "hours", "Академических часов", .number, required: true,
                hint: "Час — 45 минут, между часами перемена 10 минут."),
            FieldSpec("room", "Кабинет", .select(rooms, empty: "— без кабинета —")),
            FieldSpec("from", "С даты", .date, required: true),
            FieldSpec(
                "to", "По дату", .date, required: true,
                hint: "Каникулы и праздничные дни из календаря учебного года пропускаются."),
        ]
        if let accept = refusal?.acceptField { fields.append(accept) }
        return RegistryForm(
            title: "Занятия по неделям",
            crumbs: [Crumb("Группы", SiteURL.list(.groups).path), Crumb(groupName, timetableURL)],
            action: timetableURL + "/weekly", cancelURL: timetableURL, fields: fields, values: values,
            errors: errors, conflict: refusal?.reason,
            intro: "Группа «\(groupName)», \(center). Сроки группы: \(window).", alerts: refusal?.alerts ?? [],
            submitTitle: "Добавить занятия")
    }
}

/// The form of one lesson: a new single lesson, or a change of one (move, substitute teacher, room).
public struct LessonFormPage: Sendable {
    /// The lesson being changed: when and its form's target.
    public struct Existing: Sendable {
        public var day: String, times: String, editURL: String, version: Int
        public init(day: String, times: String, editURL: String, version: Int) {
            self.day = day
            self.times = times
            self.editURL = editURL
            self.version = version
        }
    }
    public var groupName: String, timetableURL: String
    public var lesson: Existing?
    public var rooms: [(value: String, title: String)]
    /// The municipality's staff to choose a substitute from (only when changing a lesson).
    public var teachers: [(value: String, title: String)]
    public var values: FormValues, errors: FieldErrors
    public var refusal: TimetableRefusalText?

    public init(
        groupName: String, timetableURL: String, lesson: Existing?, rooms: [(value: String, title: String)],
        teachers: [(value: String, title: String)], values: FormValues, errors: FieldErrors,
        refusal: TimetableRefusalText?
    ) {
        self.groupName = groupName
        self.timetableURL = timetableURL
        self.lesson = lesson
        self.rooms = rooms
        self.teachers = teachers
        self.values = values
        self.errors = errors
        self.refusal = refusal
    }

    public static let mock = LessonFormPage(
        groupName: "Робототехника-7", timetableURL: "/groups/x/timetable",
        lesson: Existing(day: "7 сентября 2026", times: "15:00–16:40", editURL: "/lessons/a/edit", version: 1),
        rooms: [("r1", "Кабинет № 12 (15 мест)")], teachers: [("t1", "Орлов Денис Андреевич")],
        values: FormValues(single: ["day": "07.09.2026", "start": "15:00", "hours": "2"]), errors: FieldErrors(),
        refusal: nil)

    /// The form the controller renders.
    public var form: RegistryForm {
        var fields = [
            FieldSpec("day", "Дата", .date, required: true),
            FieldSpec("start", "Начало", required: true, hint: "Время в виде ЧЧ:ММ, например 15:00."),
            FieldSpec("hours", "Академических часов", .number, required: true),
            FieldSpec("room", "Кабинет", .select(rooms, empty: "— без кабинета —")),
        ]
        if lesson != nil {
            fields.append(
                FieldSpec(
                    "teacher", "Педагог", .select(teachers, empty: "— не назначен —"),
                    hint: "Другой педагог, чем у группы, — это замена: она отмечается в расписании."))
        }
        fields.append(FieldSpec("note", "Примечание", hint: "Например, причина переноса."))
        if let accept = refusal?.acceptField { fields.append(accept) }
        return RegistryForm(
            title: lesson == nil ? "Новое занятие" : "Изменить занятие",
            crumbs: [Crumb("Группы", SiteURL.list(.groups).path), Crumb(groupName, timetableURL)],
            action: lesson?.editURL ?? timetableURL + "/lesson", cancelURL: timetableURL, fields: fields,
            values: values, errors: errors, version: lesson?.version, conflict: refusal?.reason,
            intro: lesson.map { "Занятие \($0.day), \($0.times). Перенос, замена педагога или кабинета." }
                ?? "Разовое занятие группы «\(groupName)» вне недельного расписания.",
            alerts: refusal?.alerts ?? [])
    }
}

/// The form that cancels a lesson with a reason.
public struct LessonCancelPage: Sendable {
    public var groupName: String, timetableURL: String, day: String, times: String, action: String, version: Int
    public var values: FormValues, errors: FieldErrors

    public init(
        groupName: String, timetableURL: String, day: String, times: String, action: String, version: Int,
        values: FormValues, errors: FieldErrors
    ) {
        self.groupName = groupName
        self.timetableURL = timetableURL
        self.day = day
        self.times = times
        self.action = action
        self.version = version
        self.values = values
        self.errors = errors
    }

    public static let mock = LessonCancelPage(
        groupName: "Робототехника-7", timetableURL: "/groups/x/timetable", day: "7 сентября 2026",
        times: "15:00–16:40", action: "/lessons/a/cancel", version: 1, values: FormValues(), errors: FieldErrors())

    /// The form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Отменить занятие",
            crumbs: [Crumb("Группы", SiteURL.list(.groups).path), Crumb(groupName, timetableURL)],
            action: action, cancelURL: timetableURL,
            fields: [FieldSpec("reason", "Причина", required: true, hint: "Её увидят в расписании группы.")],
            values: values, errors: errors, version: version,
            intro: "Занятие \(day), \(times) будет отменено; часы занятия не войдут в расписание.",
            submitTitle: "Отменить занятие")
    }
}

/// What the clash rules said about a refused timetable change (their lines come from the Domain).
public struct TimetableRefusalText: Sendable {
    public var clashes: [String], warnings: [String]
    public init(clashes: [String], warnings: [String]) {
        self.clashes = clashes
        self.warnings = warnings
    }

    /// The message above the lines.
    public var reason: String {
        clashes.isEmpty
            ? "Есть предупреждения: проверьте их и подтвердите сохранение."
            : "Расписание не сохранено: есть пересечения."
    }
    /// The clashes, then the warnings.
    public var alerts: [String] { clashes + warnings.map { "Предупреждение: " + $0 } }
    /// The checkbox that accepts the warnings, when there are only warnings.
    var acceptField: FieldSpec? {
        guard clashes.isEmpty, !warnings.isEmpty else { return nil }
        return FieldSpec("accept", "Предупреждения", .checkboxes([("yes", "сохранить, несмотря на предупреждения")]))
    }
}
