import Fluent
import Foundation

final class StaffSubject: Model, @unchecked Sendable {
    static let schema = "staff_subjects"
    @ID(key: .id) var id: UUID?
    @Parent(key: "staff_id") var staff: StaffMember
    @Parent(key: "subject_id") var subject: Subject
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _staff, _subject] }
}
