import Fluent
import Foundation

final class ResourceCenterSubject: Model, @unchecked Sendable {
    static let schema = "resource_center_subjects"
    @ID(key: .id) var id: UUID?
    @Parent(key: "resource_center_id") var center: ResourceCenter
    @Parent(key: "subject_id") var subject: Subject
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _center, _subject] }
}
