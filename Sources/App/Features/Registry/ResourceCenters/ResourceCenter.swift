import Fluent
import Foundation

/// A designation of an organisation as a resource centre for one academic year.
final class ResourceCenter: RegistryRecord, @unchecked Sendable {
    static let schema = "resource_centers"
    @ID(key: .id) var id: UUID?
    @Parent(key: "organization_id") var organization: Organization
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    /// Directions (`003_256a4293e3c370c5.txt` §1.4), stored as codes joined by «;».
    @Field(key: "directions") var directions: String
    /// Profiles (`002_f5d848fa5a191e3f.txt` §10), stored as codes joined by «;».
    @Field(key: "profiles") var profiles: String
    @OptionalField(key: "decree_number") var decreeNumber: String?
    @OptionalField(key: "decree_date") var decreeDate: Date?
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Siblings(through: ResourceCenterSubject.self, from: \.$center, to: \.$subject) var subjects: [Subject]

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _organization, _academicYear, _directions, _profiles, _decreeNumber, _decreeDate, _status, _version,
            _subjects,
        ]
    }
}
