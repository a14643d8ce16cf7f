import Domain
import Foundation

/// The guardians list on a student's card, for the school and the КМЦ.
public struct GuardiansSection: Sendable {
    /// Whether a guardian can sign in to Setka.
    public enum Access: Sendable {
        /// The guardian has an account.
        case signedIn
        /// An invitation code was issued and is valid until the date.
        case codeUntil(String)
        /// The invitation code has expired.
        case codeExpired
        /// No code was issued.
        case none
    }
    /// One guardian.
    public struct Row: Sendable {
        public var id: UUID
        public var name: String
        public var relation: String?
        public var phone: String?
        public var email: String?
        public var access: Access
        /// A guardian row.
        public init(id: UUID, name: String, relation: String?, phone: String?, email: String?, access: Access) {
            self.id = id
            self.name = name
            self.relation = relation
            self.phone = phone
            self.email = email
            self.access = access
        }
    }

    public var studentID: UUID
    public var rows: [Row]
    /// Whether the viewer may issue codes and remove guardians.
    public var canEdit: Bool
    /// The CSRF token of the code buttons.
    public var csrf: String

    /// The list's data.
    public init(studentID: UUID, rows: [Row], canEdit: Bool, csrf: String) {
        self.studentID = studentID
        self.rows = rows
        self.canEdit = canEdit
        self.csrf = csrf
    }

    /// A made-up list.
    public static let mock = GuardiansSection(
        studentID: MockID.of(0x601),
        rows: [
            Row(
                id: MockID.of(0x611), name: "Иванова Мария Петровна", relation: "мать", phone: "+7 900 000-00-01",
                email: nil, access: .codeUntil("15.09.2025")),
            Row(
                id: MockID.of(0x612), name: "Иванов Сергей Ильич", relation: "отец", phone: nil, email: nil,
                access: .signedIn),
        ], canEdit: true, csrf: "token")

    /// The list as a card section.
    public var section: RegistryCard.Section {
        let card = SiteURL.record(.students, studentID).path
        return RegistryCard.Section(
            title: "Законные представители",
            columns: ["ФИО", "Кем приходится", "Телефон", "Эл. почта", "Доступ в «Сетку»"] + (canEdit ? ["", ""] : []),
            rows: rows.map { guardian in
                let access: Cell
                switch guardian.access {
                case .signedIn: access = .tag("вход выполнен", "signed")
                case .codeUntil(let date): access = .text("код выдан, до \(date)")
                case .codeExpired: access = .tag("код истёк", "expired")
                case .none: access = .text("нет")
                }
                let base = card + "/guardians/\(guardian.id.uuidString.lowercased())"
                // One header per cell: the two actions have a column each.
                return [
                    .text(guardian.name), .text(guardian.relation ?? ""), .text(guardian.phone ?? ""),
                    .text(guardian.email ?? ""), access,
                ]
                    + (canEdit
                        ? [
                            .post(
                                guardian.access.isSignedIn ? "Выдать новый код" : "Выдать код приглашения",
                                base + "/invite",
                                csrf: csrf),
                            .link("Убрать…", base + "/remove"),
                        ] : [])
            }, emptyText: "Законные представители не указаны.")
    }
}

extension GuardiansSection.Access {
    var isSignedIn: Bool {
        if case .signedIn = self { return true }
        return false
    }
}
