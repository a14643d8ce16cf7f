import Domain
import Foundation

/// A group's timetable as a card: the group's facts, the lessons with their state, and the scheduling actions.
public struct GroupTimetablePage: Sendable {
    /// One lesson of the group.
    public struct Row: Sendable {
        public var date: String, url: String?, marked: Bool, times: String, hours: Int, room: String, teacher: String
        public var substitute: Bool, cancelled: Bool, note: String?, editURL: String?, cancelURL: String?
        public init(
            date: String, url: String?, marked: Bool, times: String, hours: Int, room: String, teacher: String,
            substitute: Bool, cancelled: Bool, note: String?, editURL: String?, cancelURL: String?
        ) {
            self.date = date
            self.url = url
            self.marked = marked
            self.times = times
            self.hours = hours
            self.room = room
            self.teacher = teacher
            self.substitute = substitute
            self.cancelled = cancelled
            self.note = note
            self.editURL = editURL
            self.cancelURL = cancelURL
        }
    }

    public var groupName: String, program: String, center: String, teacher: String, room: String, window: String
    public var plannedHours: Int, hours: Int, scheduled: Int, cancelled: Int
    public var baseURL: String, groupURL: String, journalURL: String?, feedURL: String
    public var mayEdit: Bool
    public var rows: [Row]

    public init(
        groupName: String, program: String, center: String, teacher: String, room: String, window: String,
        plannedHours: Int, hours: Int, scheduled: Int, cancelled: Int, baseURL: String, groupURL: String,
        journalURL: String?, feedURL: String, mayEdit: Bool, rows: [Row]
    ) {
        self.groupName = groupName
        self.program = program
        self.center = center
        self.teacher = teacher
        self.room = room
        self.window = window
        self.plannedHours = plannedHours
        self.hours = hours
        self.scheduled = scheduled
        self.cancelled = cancelled
        self.baseURL = baseURL
        self.groupURL = groupURL
        self.journalURL = journalURL
        self.feedURL = feedURL
        self.mayEdit = mayEdit
        self.rows = rows
    }

    public static let mock = GroupTimetablePage(
        groupName: "Робототехника-7", program: "Основы робототехники", center: "ЦДО «Кванториум»",
        teacher: "Орлов Денис Андреевич", room: "Кабинет № 12", window: "01.09.2026 — 25.05.2027", plannedHours: 72,
        hours: 4, scheduled: 2, cancelled: 1, baseURL: "/groups/x/timetable", groupURL: "/groups/x",
        journalURL: "/groups/x/journal", feedURL: "/timetable/feeds/new?kind=group&id=x", mayEdit: true,
        rows: [
            Row(
                date: "пн, 07.09.2026", url: "/lessons/a", marked: true, times: "15:00–16:40", hours: 2,
                room: "Кабинет № 12", teacher: "Орлов Денис Андреевич", substitute: false, cancelled: false, note: nil,
                editURL: nil, cancelURL: nil),
            Row(
                date: "пн, 14.09.2026", url: "/lessons/b", marked: false, times: "15:00–16:40", hours: 2,
                room: "Кабинет № 12", teacher: "Смирнова Анна Петровна", substitute: true, cancelled: false,
                note: nil, editURL: "/lessons/b/edit", cancelURL: "/lessons/b/cancel"),
            Row(
                date: "пн, 21.09.2026", url: nil, marked: false, times: "15:00–16:40", hours: 2, room: "",
                teacher: "Орлов Денис Андреевич", substitute: false, cancelled: true, note: "болезнь педагога",
                editURL: nil, cancelURL: nil),
        ])

    /// What the card says when the scheduled hours differ from the plan (or nothing is scheduled).
    public var warnings: [String] {
        if scheduled == 0 { return ["Занятия группы ещё не запланированы."] }
        if hours < plannedHours {
            return ["В расписании \(hours) ч из \(plannedHours) по плану: не хватает \(plannedHours - hours) ч."]
        }
        if hours > plannedHours { return ["В расписании \(hours) ч — больше, чем \(plannedHours) по плану."] }
        return []
    }

    /// The card the controller renders.
    public var card: RegistryCard {
        var actions: [RegistryCard.Action] = []
        if mayEdit {
            actions.append(.link("Добавить занятия по неделям", baseURL + "/weekly", primary: true))
            actions.append(.link("Добавить одно занятие", baseURL + "/lesson", primary: false))
        }
        actions.append(.link("К группе", groupURL, primary: false))
        if let journalURL { actions.append(.link("Журнал группы", journalURL, primary: false)) }
        actions.append(.link("Подписка в календаре (iCal)", feedURL, primary: false))
        let cells: [[Cell]] = rows.enumerated().map { i, lesson in
            var cells: [Cell] = [
                .text(String(i + 1)),
                lesson.url.map { .linkWithNote(lesson.date, $0, lesson.marked ? "в журнале" : nil) }
                    ?? .text(lesson.date),
                .text(lesson.times), .text(String(lesson.hours)), .text(lesson.room),
                .text(lesson.teacher + (lesson.substitute ? " (замена)" : "")),
                lesson.cancelled
                    ? .tag("отменено" + (lesson.note.map { ": \($0)" } ?? ""), "archived")
                    : lesson.marked ? .tag("проведено", "signed") : .tag("по плану", "active"),
            ]
            if let edit = lesson.editURL, let cancel = lesson.cancelURL {
                cells.append(.link("Изменить", edit))
                cells.append(.link("Отменить", cancel))
            } else if mayEdit {
                cells += [.text(""), .text("")]
            }
            return cells
        }
        return RegistryCard(
            title: "Расписание группы «\(groupName)»", area: .groups, status: nil,
            facts: [
                ("Программа", program), ("Ресурсный центр", center), ("Педагог", teacher), ("Кабинет группы", room),
                ("Сроки", window), ("Часов по плану", String(plannedHours)), ("Часов в расписании", String(hours)),
                ("Занятий", String(scheduled) + (cancelled > 0 ? " (и отменённых: \(cancelled))" : "")),
            ],
            actions: actions, warnings: warnings,
            sections: [
                RegistryCard.Section(
                    title: "Занятия",
                    columns: ["№", "Дата", "Время", "Часов", "Кабинет", "Педагог", "Состояние"]
                        + (mayEdit ? ["", ""] : []),
                    rows: cells,
                    emptyText: mayEdit ? "Занятий пока нет: добавьте их по неделям или по одному." : "Занятий пока нет."
                )
            ],
            history: nil)
    }
}
