import Domain
import Foundation

public struct ProfilePage: Sendable {
    public struct RoleLine: Sendable {
        public var role: String
        public var scope: String
        public var period: String?
        public init(role: String, scope: String, period: String?) {
            self.role = role
            self.scope = scope
            self.period = period
        }
    }
    public struct TokenLine: Sendable {
        public var id: UUID
        public var name: String
        public var created: String
        public var expires: String
        public init(id: UUID, name: String, created: String, expires: String) {
            self.id = id
            self.name = name
            self.created = created
            self.expires = expires
        }
    }

    public var fullName: String
    public var username: String
    public var roles: [RoleLine]
    public var tokens: [TokenLine]
    /// Whether the API keys part is shown: to those whose work has use for the API, and to anyone holding a key.
    public var showsKeys = true
    /// Shown to teachers, students and guardians until their sections exist.
    public var emptyState: String?
    /// The user's own network courses (a student) or groups (a teacher).
    public var courses: RegistryCard.Section?
    /// A student's own achievements in olympiads and contests.
    public var achievements: RegistryCard.Section?

    public init(fullName: String, username: String, roles: [RoleLine], tokens: [TokenLine], emptyState: String?) {
        self.fullName = fullName
        self.username = username
        self.roles = roles
        self.tokens = tokens
        self.emptyState = emptyState
    }

    public static let mock = ProfilePage(
        fullName: "Котова Алла Игоревна", username: "kmc",
        roles: [RoleLine(role: "Координатор КМЦ", scope: "Городской округ Заречный", period: nil)],
        tokens: [
            TokenLine(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!, name: "API", created: "01.09.2025",
                expires: "01.10.2025")
        ],
        emptyState: nil)

    public func render(_ ctx: PageContext) -> String {
        Layout.page(ctx, title: "Мой профиль", crumbs: [Crumb("Мой профиль")]) {
            el("h1") { fullName }
            el("div", .cls("panel")) {
                el("dl", .cls("facts")) {
                    el("dt") { "Имя пользователя" }
                    el("dd") { username }
                    el("dt") { "Роли" }
                    el("dd") {
                        if roles.isEmpty { "Роли не назначены — обратитесь к администратору." }
                        for line in roles {
                            el("div") { line.role + " — " + line.scope + (line.period.map { " (\($0))" } ?? "") }
                        }
                    }
                }
            }
            if let courses { courses.node }
            if let achievements { achievements.node }
            if let emptyState { UI.empty(emptyState) }
            el("div", .cls("actions")) { el("a", .cls("button"), .href(SiteURL.password.path)) { "Сменить пароль" } }
            if showsKeys { keys(ctx) }
        }
    }

    func keys(_ ctx: PageContext) -> Node {
        el("section") {
            el("h2") { "Ключи доступа к API" }
            el("p", .cls("muted")) {
                "Ключ выдаётся запросом POST /api/v1/auth/token с именем пользователя и паролем и действует 30 дней. "
                    + "Ключ, который больше не нужен или мог попасть к посторонним, отзовите."
            }
            if tokens.isEmpty {
                UI.empty("Действующих ключей нет.")
            } else {
                el("table", .cls("list")) {
                    el("thead") {
                        el("tr") {
                            el("th") { "Ключ" }
                            el("th") { "Выдан" }
                            el("th") { "Действует до" }
                            el("th") { "" }
                        }
                    }
                    el("tbody") {
                        for token in tokens {
                            el("tr") {
                                el("td") { token.name }
                                el("td") { token.created }
                                el("td") { token.expires }
                                el("td") {
                                    el(
                                        "form", Attr("method", "post"),
                                        Attr(
                                            "action",
                                            SiteURL.tokens.path + "/" + token.id.uuidString.lowercased() + "/revoke"),
                                        .cls("inline")
                                    ) {
                                        Layout.csrf(ctx)
                                        el("button", .type("submit")) { "Отозвать" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
