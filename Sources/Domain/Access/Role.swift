import Foundation

/// A role a user holds within a scope (`GLOSSARY.md`: «Роль и её назначение»).
public enum Role: String, CaseIterable, Codable, Sendable {
    case authorityAdmin = "authority_admin"
    case coordinator
    case methodologist
    case centerHead = "center_head"
    case teacher
    case schoolAdmin = "school_admin"
    case student
    case guardian

    /// Russian name shown in the interface.
    public var title: String {
        switch self {
        case .authorityAdmin: "Администратор органа управления образованием"
        case .coordinator: "Координатор КМЦ"
        case .methodologist: "Методист"
        case .centerHead: "Руководитель ресурсного центра"
        case .teacher: "Педагог"
        case .schoolAdmin: "Администратор школы"
        case .student: "Обучающийся"
        case .guardian: "Родитель (законный представитель)"
        }
    }

    /// Roles whose scope is the whole municipality; the others are scoped to one organisation.
    public var isMunicipalityWide: Bool {
        switch self {
        case .authorityAdmin, .coordinator, .methodologist: true
        default: false
        }
    }
}
