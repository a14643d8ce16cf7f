import Domain
import Foundation

/// The user's own iCal subscriptions, each with a button that revokes it.
public struct CalendarFeedsPage: Sendable {
    /// One live subscription.
    public struct Row: Sendable {
        public var title: String, createdAt: String, revokeURL: String
        public init(title: String, createdAt: String, revokeURL: String) {
            self.title = title
            self.createdAt = createdAt
            self.revokeURL = revokeURL
        }
    }
    public var rows: [Row]
    /// The form token the revoke buttons carry.
    public var csrf: String

    public init(rows: [Row], csrf: String) {
        self.rows = rows
        self.csrf = csrf
    }

    public static let mock = CalendarFeedsPage(
        rows: [
            Row(
                title: "Группа «Робототехника-7»", createdAt: "01.09.2026 10:15", revokeURL: "/timetable/feeds/a/revoke"
            )
        ],
        csrf: "token")

    /// The card the controller renders.
    public var card: RegistryCard {
        RegistryCard(
            title: "Мои подписки на календарь", area: .groups, status: nil,
            facts: [
                (
                    "Что это",
                    "Секретные ссылки iCal на расписания; ссылка работает, пока вам доступно это расписание. Смена "
                        + "пароля отзывает все ссылки."
                )
            ],
            actions: [],
            sections: [
                RegistryCard.Section(
                    title: "Действующие ссылки", columns: ["Расписание", "Создана", ""],
                    rows: rows.map {
                        [.text($0.title), .text($0.createdAt), .post("Отозвать", $0.revokeURL, csrf: csrf)]
                    },
                    emptyText: "Ссылок нет. Создать её можно на странице расписания.")
            ], history: nil)
    }

    /// A subscription whose timetable is gone.
    public static let unknownTitle = "—"
}

/// The confirmation before a new iCal link is made for a timetable.
public struct CalendarFeedNewPage: Sendable {
    public var subject: String, action: String
    public init(subject: String, action: String) {
        self.subject = subject
        self.action = action
    }

    public static let mock = CalendarFeedNewPage(
        subject: "Группа «Робототехника-7»", action: "/timetable/feeds?kind=group&id=x")

    /// The form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: "Подписка в календаре", crumbs: [Crumb("Расписание", SiteURL.timetable.path)], action: action,
            cancelURL: SiteURL.timetable.path, fields: [], values: FormValues(),
            intro:
                "Расписание: \(subject). Сетка создаст секретную ссылку (iCal), которую можно добавить в календарь "
                + "телефона или "
                + "почты; занятия и их изменения появятся там сами. Прежняя ваша ссылка на это расписание перестанет "
                + "работать. "
                + "Не передавайте ссылку посторонним.",
            submitTitle: "Создать ссылку")
    }
}

/// A new iCal link, shown once.
public struct CalendarFeedLinkPage: Sendable {
    public var subject: String, link: String
    public init(subject: String, link: String) {
        self.subject = subject
        self.link = link
    }

    public static let mock = CalendarFeedLinkPage(
        subject: "Группа «Робототехника-7»", link: "https://setka.example/ical/secret.ics")

    /// The notice the controller renders.
    public var notice: NoticePage {
        NoticePage(
            title: "Ссылка для календаря", crumbs: [Crumb("Расписание", SiteURL.timetable.path)],
            lines: [
                "Расписание: \(subject).",
                "Добавьте эту ссылку в календарь как подписку (iCal). Она показана один раз.",
            ],
            highlight: link, backTitle: "Мои подписки", backURL: SiteURL.timetable.path + "/feeds")
    }
}

/// The words of an iCal feed's events.
public enum CalendarFeedWords {
    /// A person's calendar in the subscriber's calendar app: surname and given name, which the subscriber (the person
    /// or their guardian) recognises among their calendars.
    public static func calendarName(surname: String, givenName: String) -> String {
        "Сетка — \(surname) \(givenName)"
    }
    /// A group's calendar: the course, then the group.
    public static func calendarName(course: String, group: String) -> String { "Сетка — \(course), \(group)" }
    /// An event: the course first (what the lesson is), then the group.
    public static func summary(course: String, group: String) -> String { "\(course) (\(group))" }
    /// An event's description: the teacher, then the lesson's note.
    public static func description(teacher: String?, note: String?) -> String {
        (teacher.map { "Педагог: " + $0 } ?? "") + (note.map { "\n" + $0 } ?? "")
    }
}
