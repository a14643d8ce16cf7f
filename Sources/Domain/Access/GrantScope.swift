import Foundation

/// Where a role assignment applies.
public enum GrantScope: Equatable, Sendable {
    case municipality(UUID)
    case organization(UUID, municipalityID: UUID)

    public var municipalityID: UUID {
        switch self {
        case .municipality(let id): id
        case .organization(_, let municipalityID): municipalityID
        }
    }

    public var organizationID: UUID? {
        if case .organization(let id, _) = self { return id }
        return nil
    }
}
