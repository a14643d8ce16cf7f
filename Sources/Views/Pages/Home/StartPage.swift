import Domain
import Foundation

/// A signed-in user's start page (`/`): for each role they hold, what is waiting for them — each line a link to the
/// record where it is done —, the week's lessons where the role has lessons, and the network's key figures for those
/// who run it.
public struct StartPage: Sendable {
    public var userName: String
    public var sections: [Section]

    public init(userName: String, sections: [Section]) {
        self.userName = userName
        self.sections = sections
    }

    /// One role's part of the page (or one child's, for a guardian).
    public struct Section: Sendable {
        public var title: String
        /// A child's section keeps its title even when it is the only one.
        public var isPerson = false
        public var tasks: [Task]
        /// What the role keeps an eye on rather than acts on: applications and their answers, results, certificates.
        public var records: [Task]
        public var figures: [Figure]
        /// The week's lessons by day; nil where the role has no lessons of its own.
        public var week: Week?
        /// Where the role's records are: the child's pages, the school's timetable…
        public var links: [Link]
        public init(
            title: String, tasks: [Task], records: [Task] = [], figures: [Figure] = [], week: Week? = nil,
            links: [Link] = []
        ) {
            self.title = title
            self.tasks = tasks
            self.records = records
            self.figures = figures
            self.week = week
            self.links = links
        }
    }

    /// Something waiting: how many, the first few records, and the list with all of them.
    public struct Task: Sendable {
        public var kind: TaskKind
        public var total: Int
        public var items: [Link]
        public var moreURL: String?
        public init(kind: TaskKind, total: Int, items: [Link], moreURL: String? = nil) {
            self.kind = kind
            self.total = total
            self.items = items
            self.moreURL = moreURL
        }
    }

    /// A line leading to a record.
    public struct Link: Sendable {
        public var title: String
        public var detail: String
        public var url: String
        public init(title: String, detail: String = "", url: String) {
            self.title = title
            self.detail = detail
            self.url = url
        }
    }

    /// A key figure of the network this year, linked to its list.
    public struct Figure: Sendable {
        public var kind: FigureKind
        public var value: String
        public var detail: String
        public var url: String
        public init(kind: FigureKind, value: String, detail: String = "", url: String) {
            self.kind = kind
            self.value = value
            self.detail = detail
            self.url = url
        }
    }

    /// The days of a week that have lessons, today first marked.
    public struct Week: Sendable {
        public var title: String
        public var days: [Day]
        public var url: String
        public init(title: String, days: [Day], url: String) {
            self.title = title
            self.days = days
            self.url = url
        }
    }

    public struct Day: Sendable {
        public var title: String
        public var isToday: Bool
        public var entries: [LessonEntry]
        public init(title: String, isToday: Bool, entries: [LessonEntry]) {
            self.title = title
            self.isToday = isToday
            self.entries = entries
        }
    }

    /// What may be waiting on a start page; the words are in `StartWords`.
    public enum TaskKind: String, CaseIterable, Sendable {
        case programsToReview, listsReturned, campaignsToDistribute, applicationsWaiting
        case groupsWithoutTeacher, groupsWithoutRoom, groupsWithoutTimetable, certificatesDue, ordersToSign
        case lessonsUnmarked, diagnosticsDue, resultsDue
        case listsToAccept, programsReturned
        case applicationsToConfirm, studentsWithoutConsent, invitationsUnused
        case applicationsToAgree, consentMissing
        case applications, results, certificates
        case deadlines, reportsDue, quartersWithoutMeeting, programsToAgree, programsToWrite
    }

    public enum FigureKind: String, CaseIterable, Sendable {
        case seniorsCoverage, groups, students
    }

    public static let mock = StartPage(
        userName: "Котова Алла Игоревна",
        sections: [
            Section(
                title: "Координатор КМЦ",
                tasks: [
                    Task(
                        kind: .programsToReview, total: 7,
                        items: [
                            Link(
                                title: "Робототехника", detail: "МБОУ «Гимназия № 2»",
                                url: SiteURL.record(.programs, MockID.of(1)).path)
                        ], moreURL: SiteURL.list(.programs).path),
                    Task(kind: .groupsWithoutTeacher, total: 0, items: []),
                ],
                figures: [
                    Figure(
                        kind: .seniorsCoverage, value: "18,2\u{00A0}%", detail: "73 из 401",
                        url: SiteURL.coverage.path),
                    Figure(kind: .groups, value: "9", url: SiteURL.list(.groups).path),
                ]),
            Section(
                title: "Педагог", tasks: [],
                week: Week(
                    title: "07.12.2026 — 13.12.2026",
                    days: [
                        Day(
                            title: "понедельник, 07.12.2026", isToday: true,
                            entries: [
                                LessonEntry(
                                    time: "15:00–16:30", title: "Физика-10", url: SiteURL.lesson(MockID.of(2)).path,
                                    lines: ["Механика", "МБОУ «Гимназия № 2», каб. 12"], cancelled: false)
                            ])
                    ], url: SiteURL.timetable.path)),
        ])
}
