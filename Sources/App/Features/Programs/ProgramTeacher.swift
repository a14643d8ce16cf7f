import Fluent
import Foundation

final class ProgramTeacher: Model, @unchecked Sendable {
    static let schema = "program_teachers"
    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: NetworkProgram
    @Parent(key: "staff_id") var staff: StaffMember
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _program, _staff] }
}
