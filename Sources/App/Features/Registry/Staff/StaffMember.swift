import Fluent
import Foundation

/// A person working in one or more organisations; an outside trainer may have no account.
final class StaffMember: RegistryRecord, @unchecked Sendable {
    static let schema = "staff"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "surname") var surname: String
    @Field(key: "given_name") var givenName: String
    @OptionalField(key: "patronymic") var patronymic: String?
    @Field(key: "position") var position: String
    @Field(key: "category") var category: String
    @Field(key: "is_outside_trainer") var isOutsideTrainer: Bool
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Siblings(through: StaffOrganization.self, from: \.$staff, to: \.$organization) var organizations: [Organization]
    @Siblings(through: StaffSubject.self, from: \.$staff, to: \.$subject) var subjects: [Subject]
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _surname, _givenName, _patronymic, _position, _category, _isOutsideTrainer, _phone,
            _email, _user, _searchKey, _sortKey, _status, _version, _organizations, _subjects,
        ]
    }

    var fullName: String { Self.fullName(surname: surname, givenName: givenName, patronymic: patronymic) }
    static func fullName(surname: String, givenName: String, patronymic: String?) -> String {
        [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ")
    }
}
