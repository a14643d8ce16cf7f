import Domain
import Foundation

/// An area of the left menu; App decides from the access policy which ones a user sees.
public enum MenuArea: Hashable, Sendable {
    case profile, children, applications, enrollments, lists, coverage, organizations, audit, municipality, timetable,
        certificates, orders
    case registry(Registry)

    static let first: [Registry] = [.programs, .groups, .students, .campaigns]
    public static let order: [MenuArea] =
        [.profile, .children, .applications] + first.map { .registry($0) } + [
            .timetable, .certificates, .orders, .enrollments, .lists, .coverage, .organizations,
        ]
        + Registry.allCases.filter { !first.contains($0) && !ownAreas.contains($0) }.map { .registry($0) } + [
            .municipality, .audit,
        ]
    /// Registry lists reached through their own menu area.
    static let ownAreas: [Registry] = [.certificates, .orders]

    public var title: String {
        switch self {
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
            }
        }
    }

    public var url: SiteURL {
        switch self {
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
        case .registry(let registry): .list(registry)
        }
    }
}
