import Domain
import Foundation

/// An area of the left menu; App decides from the access policy which ones a user sees.
public enum MenuArea: Hashable, Sendable {
    case start, profile, children, applications, enrollments, lists, coverage, organizations, audit, municipality,
        timetable, journal, certificates, orders, roadmaps, plans, reports, meetings, activityPrograms, assignments,
        analyticNotes, awards
    case registry(Registry)

    static let first: [Registry] = [.programs, .groups, .students, .campaigns]
    public static let order: [MenuArea] =
        [.start, .children, .applications] + first.map { .registry($0) } + [
            .timetable, .registry(.events), .journal, .certificates,
        ] + talent.map { .registry($0) } + [
            .orders, .awards, .plans, .activityPrograms, .assignments, .analyticNotes, .reports, .meetings, .roadmaps,
            .enrollments, .lists,
            .coverage,
            .organizations,
        ]
        + Registry.allCases.filter { !first.contains($0) && !ownAreas.contains($0) }.map { .registry($0) } + [
            .municipality, .audit, .profile,
        ]

    /// The areas a role uses in its day; the menu shows those of the user's roles that the access policy also allows.
    /// Those who run the municipality use every area the policy opens to them.
    public static func uses(_ role: Role) -> Set<MenuArea> {
        let everyone: Set<MenuArea> = [.start, .timetable, .registry(.events), .profile]
        switch role {
        case .authorityAdmin, .coordinator, .methodologist:
            return Set(order)
        case .centerHead:
            return everyone.union([
                .journal, .certificates, .enrollments, .lists, .registry(.programs), .registry(.groups),
                .registry(.campaigns), .registry(.resourceCenters), .registry(.agreements), .registry(.staff),
                .registry(.rooms), .registry(.busySlots), .registry(.holidays), .registry(.users),
                .registry(.development),
                .registry(.olympiadStages), .roadmaps, .plans, .activityPrograms, .assignments, .analyticNotes,
                .reports,
                .meetings,
            ])
        case .teacher:
            return everyone.union([.journal, .registry(.groups), .registry(.programs), .registry(.development)])
        case .schoolAdmin:
            return everyone.union([
                .applications, .enrollments, .coverage, .certificates, .registry(.students), .registry(.programs),
                .registry(.campaigns), .registry(.agreements), .registry(.staff), .registry(.development),
                .registry(.busySlots), .registry(.users), .registry(.achievements), .registry(.contests),
                .registry(.olympiadStages),
                .registry(.gifted), .registry(.support), .registry(.routes), .registry(.talentStatistics), .roadmaps,
                .plans, .activityPrograms, .assignments, .analyticNotes, .reports, .meetings,
            ])
        case .student:
            return everyone.union([.applications])
        case .guardian:
            return everyone.union([.children, .applications])
        }
    }
    /// Registry lists reached through their own menu area.
    static let ownAreas: [Registry] = [.certificates, .orders, .contestEditions, .events] + talent
    /// The talent registry's lists, after the certificates.
    static let talent: [Registry] = [
        .gifted, .support, .routes, .achievements, .contests, .olympiadStages, .talentStatistics,
    ]

    public var title: String {
        switch self {
        case .start: "Главная"
        case .journal: "Журнал"
        case .profile: "Мой профиль"
        case .children: "Мои дети"
        case .lists: "Списки КМЦ"
        case .enrollments: "Записи в группы"
        case .applications: "Заявки (ИУП)"
        case .coverage: "Охват"
        case .organizations: "Организации"
        case .audit: "Журнал изменений"
        case .municipality: "Муниципалитет"
        case .timetable: "Расписание"
        case .certificates: "Сертификаты"
        case .orders: "Приказы"
        case .roadmaps: "Дорожные карты"
        case .plans: "Планы"
        case .reports: "Отчёты"
        case .meetings: "Совещания КМЦ"
        case .activityPrograms: "Программы РЦ"
        case .assignments: "Технические задания"
        case .analyticNotes: "Аналитические справки"
        case .awards: "Поддержка педагогов"
        case .registry(let registry):
            switch registry {
            case .resourceCenters: "Ресурсные центры"
            case .agreements: "Договоры"
            case .partners: "Партнёры"
            case .staff: "Сотрудники"
            case .rooms: "Кабинеты"
            case .subjects: "Предметы"
            case .academicYears: "Учебные годы"
            case .kmcMembers: "Состав КМЦ"
            case .groups: "Группы"
            case .programs: "Программы"
            case .students: "Обучающиеся"
            case .campaigns: "Кампании записи"
            case .holidays: "Каникулы и праздники"
            case .busySlots: "Занятость школ"
            case .travelTimes: "Время в пути"
            case .users: "Пользователи"
            case .certificates: "Сертификаты"
            case .orders: "Приказы"
            case .olympiadSubjects: "Предметы олимпиады"
            case .achievements: "Достижения"
            case .contests: "Олимпиады и конкурсы"
            case .contestEditions: "Проведения конкурсов"
            case .olympiadStages: "Муниципальный этап олимпиады"
            case .gifted: "Банк одарённых"
            case .support: "Меры поддержки"
            case .routes: "Индивидуальные маршруты"
            case .talentStatistics: "Статистика олимпиад"
            case .events: "Мероприятия"
            case .development: "Повышение квалификации"
            case .budget: "Бюджет программы"
            }
        }
    }

    public var url: SiteURL {
        switch self {
        case .start: .home
        case .journal: .journal
        case .profile: .profile
        case .children: .children
        case .lists: .lists
        case .enrollments: .enrollments
        case .applications: .applications
        case .coverage: .coverage
        case .organizations: .organizations
        case .audit: .audit
        case .municipality: .municipality
        case .timetable: .timetable
        case .certificates: .certificates
        case .orders: .orders
        case .roadmaps: .roadmaps
        case .plans: .plans
        case .reports: .reportCampaigns
        case .meetings: .meetings
        case .activityPrograms: .activityPrograms
        case .assignments: .assignments
        case .analyticNotes: .analyticNotes
        case .awards: .awards
        case .registry(let registry): .list(registry)
        }
    }
}
