import Domain
import Foundation

/// The list of user accounts the current user manages.
public struct UserListPage: Sendable {
    /// One account of the list.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var username: String
        public var roles: [Role]
        public var isActive: Bool
        /// An account row.
        public init(id: UUID, name: String, username: String, roles: [Role], isActive: Bool) {
            self.id = id
            self.name = name
            self.username = username
            self.roles = roles
            self.isActive = isActive
        }
    }

    public var query: ListQuery
    public var rows: [Row]
    public var total: Int
    /// Whether the user manages every account (administrator) or only teachers of own organisations.
    public var managesAll: Bool

    /// The list's data.
    public init(query: ListQuery, rows: [Row], total: Int, managesAll: Bool) {
        self.query = query
        self.rows = rows
        self.total = total
        self.managesAll = managesAll
    }

    /// A made-up list.
    public static let mock = UserListPage(
        query: ListQuery(sort: "name"),
        rows: [
            Row(
                id: MockID.of(0x701), name: "Соколова Анна Ивановна", username: "sokolova", roles: [.teacher],
                isActive: true),
            Row(id: MockID.of(0x702), name: "Белов Олег Петрович", username: "belov", roles: [], isActive: false),
        ], total: 2, managesAll: true)

    /// The list as the registry kit shows it.
    public var list: RegistryList {
        RegistryList(
            title: "Пользователи", area: .users, query: query,
            filters: [
                RegistryWords.Filters.search,
                FieldSpec("role", "Роль", .select(Role.allCases.map { ($0.rawValue, $0.title) }, empty: "Все роли")),
                FieldSpec(
                    "state", "Доступ", .select([("active", "действует"), ("blocked", "заблокирован")], empty: "Все")),
            ],
            columns: [
                Column("ФИО", sort: "name"), Column("Имя пользователя", sort: "login"), Column("Роли"),
                Column("Доступ"),
            ],
            rows: rows.map { user in
                [
                    .link(user.name, SiteURL.record(.users, user.id).path), .text(user.username),
                    .text(user.roles.map(\.title).joined(separator: ", ")),
                    user.isActive ? .tag("действует", "active") : .tag("заблокирован", "terminated"),
                ]
            },
            total: total, noun: ("пользователь", "пользователя", "пользователей"),
            createTitle: managesAll ? "Добавить пользователя" : "Добавить учётную запись педагога",
            emptyText: "Пользователей с такими условиями нет.")
    }

    /// The list as HTML.
    public func render(_ ctx: PageContext) -> String { list.render(ctx) }
}
