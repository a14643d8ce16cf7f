import Foundation
import Domain

/// An area of the left menu; App decides from the access policy which ones a user sees.
public enum MenuArea: Hashable, Sendable {
    case profile, children, applications, enrollments, lists, coverage, organizations, audit, municipality, timetable, certificates, orders
    case registry(Registry)

    static let first: [Registry] = [.programs, .groups, .students, .campaigns]
    public static let order: [MenuArea] = [.profile, .children, .applications] + first.map { .registry($0) } + [.timetable, .certificates, .orders, .enrollments, .lists, .coverage, .organizations]
        + Registry.allCases.filter { !first.contains($0) && !ownAreas.contains($0) }.map { .registry($0) } + [.municipality, .audit]
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
        case .registry(let r):
            switch r {
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
        case .registry(let r): .list(r)
        }
    }
}

/// What every page needs to know about the request.
public struct PageContext: Sendable {
    public var userName: String?
    public var roleTitles: [String]
    public var menu: [MenuArea]
    public var activeArea: MenuArea?
    public var csrfToken: String
    public var flash: String?

    public init(userName: String? = nil, roleTitles: [String] = [], menu: [MenuArea] = [],
                activeArea: MenuArea? = nil, csrfToken: String = "", flash: String? = nil) {
        self.userName = userName
        self.roleTitles = roleTitles
        self.menu = menu
        self.activeArea = activeArea
        self.csrfToken = csrfToken
        self.flash = flash
    }

    public static let mock = PageContext(userName: "Котова Алла Игоревна", roleTitles: ["Координатор КМЦ"],
                                         menu: MenuArea.order, activeArea: .organizations,
                                         csrfToken: "csrf-mock", flash: nil)
}

public struct Crumb: Sendable {
    public var title: String
    public var url: String?
    public init(_ title: String, _ url: String? = nil) { self.title = title; self.url = url }
}

public enum Layout {
    public static let siteName = "Сетка"

    /// A whole HTML document.
    public static func page(_ ctx: PageContext, title: String, crumbs: [Crumb] = [], @HTMLBuilder _ content: () -> [Node]) -> String {
        let body = content()
        let doc = el("html", Attr("lang", "ru")) {
            el("head") {
                el("meta", Attr("charset", "utf-8"))
                el("meta", .name("viewport"), Attr("content", "width=device-width, initial-scale=1"))
                el("title") { "\(title) — \(siteName)" }
                el("link", Attr("rel", "stylesheet"), .href(SiteURL.stylesheet.path))
            }
            el("body") {
                header(ctx)
                el("div", .cls(ctx.menu.isEmpty ? "shell shell-public" : "shell")) {
                    if !ctx.menu.isEmpty { menu(ctx) }
                    el("main", .id("main")) {
                        if !crumbs.isEmpty { breadcrumbs(crumbs) }
                        if let flash = ctx.flash { el("p", .cls("flash"), Attr("role", "status")) { flash } }
                        body
                    }
                }
            }
        }
        return "<!DOCTYPE html>" + doc.render()
    }

    static func header(_ ctx: PageContext) -> Node {
        el("header", .cls("top")) {
            el("a", .cls("brand"), .href(SiteURL.home.path)) { siteName }
            el("span", .cls("tagline")) { "сеть школ и ресурсных центров" }
            el("div", .cls("who")) {
                if let name = ctx.userName {
                    el("a", .href(SiteURL.profile.path)) { name }
                    el("form", Attr("method", "post"), Attr("action", SiteURL.logout.path), .cls("inline")) {
                        csrf(ctx)
                        el("button", .type("submit"), .cls("link")) { "Выйти" }
                    }
                } else {
                    el("a", .href(SiteURL.login.path)) { "Войти" }
                }
            }
        }
    }

    static func menu(_ ctx: PageContext) -> Node {
        el("nav", .cls("menu"), Attr("aria-label", "Разделы")) {
            el("ul") {
                for area in ctx.menu {
                    el("li") {
                        el("a", .href(area.url.path), Attr("aria-current", area == ctx.activeArea ? "page" : nil)) { area.title }
                    }
                }
            }
        }
    }

    static func breadcrumbs(_ crumbs: [Crumb]) -> Node {
        el("nav", .cls("crumbs"), Attr("aria-label", "Навигационная цепочка")) {
            for (i, c) in crumbs.enumerated() {
                if i > 0 { el("span", Attr("aria-hidden", "true")) { " / " } }
                if let url = c.url { el("a", .href(url)) { c.title } } else { el("span") { c.title } }
            }
        }
    }

    public static func csrf(_ ctx: PageContext) -> Node {
        el("input", .type("hidden"), .name("_csrf"), .value(ctx.csrfToken))
    }
}
