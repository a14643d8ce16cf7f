import Domain
import Foundation

/// A user account's card: access, password state, roles and history.
public struct UserCardPage: Sendable {
    /// One role assignment.
    public struct Assignment: Sendable {
        public var id: UUID
        /// The role; nil shows the stored code.
        public var role: Role?
        public var rawRole: String
        /// The organisation, or the municipality for a municipality-wide role.
        public var place: String
        /// From and to dates as the page shows them (nil: open).
        public var from: String?
        public var to: String?
        /// A role row.
        public init(id: UUID, role: Role?, rawRole: String, place: String, from: String?, to: String?) {
            self.id = id
            self.role = role
            self.rawRole = rawRole
            self.place = place
            self.from = from
            self.to = to
        }
    }

    public var id: UUID
    public var name: String
    public var username: String
    public var isActive: Bool
    public var mustChangePassword: Bool
    /// Whether the viewer may edit the account.
    public var mayUpdate: Bool
    /// Whether the account is the viewer's own (it cannot be blocked).
    public var isSelf: Bool
    public var assignments: [Assignment]
    public var history: [HistoryLine]
    public var csrf: String

    /// The card's data.
    public init(
        id: UUID, name: String, username: String, isActive: Bool, mustChangePassword: Bool, mayUpdate: Bool,
        isSelf: Bool, assignments: [Assignment], history: [HistoryLine], csrf: String
    ) {
        self.id = id
        self.name = name
        self.username = username
        self.isActive = isActive
        self.mustChangePassword = mustChangePassword
        self.mayUpdate = mayUpdate
        self.isSelf = isSelf
        self.assignments = assignments
        self.history = history
        self.csrf = csrf
    }

    /// A made-up card.
    public static let mock = UserCardPage(
        id: MockID.of(0x701), name: "Соколова Анна Ивановна", username: "sokolova", isActive: true,
        mustChangePassword: true, mayUpdate: true, isSelf: false,
        assignments: [
            Assignment(
                id: MockID.of(0x711), role: .teacher, rawRole: "teacher", place: "МБОУ «Лицей № 1»", from: "01.09.2025",
                to: nil)
        ], history: [], csrf: "token")

    /// The card as the registry kit shows it.
    public var card: RegistryCard {
        let url = SiteURL.record(.users, id).path
        var actions: [RegistryCard.Action] =
            mayUpdate
            ? [
                .link("Изменить", SiteURL.edit(.users, id).path, primary: true),
                .link("Назначить роль", url + "/roles/new", primary: false),
                .link("Сбросить пароль", url + "/reset", primary: false),
            ] : []
        if !isSelf && mayUpdate {
            actions.append(
                isActive ? .post("Заблокировать", url + "/block") : .post("Разблокировать", url + "/unblock"))
        }
        return RegistryCard(
            title: name, area: .users, status: nil,
            facts: [
                ("Имя пользователя", username), ("Доступ", isActive ? "действует" : "заблокирован"),
                (
                    "Пароль",
                    mustChangePassword ? "выдан одноразовый код, пользователь ещё не сменил его" : "задан пользователем"
                ),
            ],
            actions: actions,
            sections: [
                RegistryCard.Section(
                    title: "Роли", columns: ["Роль", "Где", "Срок", ""],
                    rows: assignments.map { assignment in
                        [
                            .text(assignment.role?.title ?? assignment.rawRole), .text(assignment.place),
                            .text(
                                (assignment.from == nil && assignment.to == nil)
                                    ? "бессрочно" : "с " + (assignment.from ?? "—") + " по " + (assignment.to ?? "—")),
                            .post(
                                "Снять роль", url + "/roles/\(assignment.id.uuidString.lowercased())/remove", csrf: csrf
                            ),
                        ]
                    }, emptyText: "Ролей нет: пользователь не видит ничего, кроме своего профиля.")
            ],
            history: history)
    }

    /// The card as HTML.
    public func render(_ ctx: PageContext) -> String { card.render(ctx) }
}
