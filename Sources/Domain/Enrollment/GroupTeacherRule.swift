import Foundation

/// Who may teach a network group (issue 19): a person working at the group's resource centre, or a teacher the
/// group's programme names (an outside trainer or a colleague of another organisation, agreed with the programme by
/// the КМЦ). Anyone else would be handed the group's lessons and a journal naming its children, so every path that
/// gives a group or a lesson its teacher asks this rule.
public enum GroupTeacherRule {
    /// A person of the registry as the rule sees them.
    public struct Candidate: Equatable, Sendable {
        /// Not archived in the registry.
        public var isActive: Bool
        /// The organisations the person works at.
        public var organizationIDs: Set<UUID>
        /// The programmes that name the person among their teachers.
        public var programIDs: Set<UUID>

        public init(isActive: Bool, organizationIDs: Set<UUID>, programIDs: Set<UUID>) {
            self.isActive = isActive
            self.organizationIDs = organizationIDs
            self.programIDs = programIDs
        }
    }

    /// Why a person may not teach a group; `reason` is shown next to the field.
    public enum Refusal: Error, Equatable, Sendable {
        /// Nobody of the municipality's registry.
        case unknown
        /// Archived in the registry.
        case archived
        /// Neither staff of the group's centre nor named by its programme.
        case notAtCenter

        public var reason: String {
            switch self {
            case .unknown: "Выберите педагога из реестра сотрудников."
            case .archived: "Сотрудник в архиве реестра: назначить его педагогом нельзя."
            case .notAtCenter:
                "Педагог не работает в ресурсном центре группы и не указан среди педагогов её программы: "
                    + "назначить его нельзя."
            }
        }
    }

    /// Why `candidate` (nil: not found in the municipality) may not teach a group of `programID` at `centerID`; nil
    /// when they may.
    public static func refusal(_ candidate: Candidate?, centerID: UUID, programID: UUID) -> Refusal? {
        guard let candidate else { return .unknown }
        guard candidate.isActive else { return .archived }
        guard candidate.organizationIDs.contains(centerID) || candidate.programIDs.contains(programID) else {
            return .notAtCenter
        }
        return nil
    }
}
