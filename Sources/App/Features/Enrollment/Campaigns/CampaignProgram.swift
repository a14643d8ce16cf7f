import Domain
import Fluent
import Foundation

final class CampaignProgram: Model, @unchecked Sendable {
    static let schema = "campaign_programs"
    @ID(key: .id) var id: UUID?
    @Parent(key: "campaign_id") var campaign: EnrollmentCampaign
    @Parent(key: "program_id") var program: NetworkProgram
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _campaign, _program] }
}
