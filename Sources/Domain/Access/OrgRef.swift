import Foundation

/// A record's place in the network, which is what access is decided from.
public struct OrgRef: Equatable, Sendable {
    public var id: UUID
    public var municipalityID: UUID
    public init(id: UUID, municipalityID: UUID) {
        self.id = id
        self.municipalityID = municipalityID
    }
}
