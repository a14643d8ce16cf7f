import Domain
import Fluent
import Foundation

final class ApplicationChoice: Model, @unchecked Sendable {
    static let schema = "application_choices"
    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: CourseApplication
    @Field(key: "rank") var rank: Int
    @Parent(key: "group_id") var group: StudyGroup
    /// pending (ranked, before distribution), enrolled, waitlisted, unused (not needed), released (seat freed).
    @Field(key: "outcome") var outcome: String
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _application, _rank, _group, _outcome] }
}
