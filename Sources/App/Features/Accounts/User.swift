import Domain
import Fluent
import Foundation

final class User: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    /// Set by an administrator's password reset: the one-time code works once, then a new password is required.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Children(for: \.$user) var assignments: [RoleAssignment]

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _username, _fullName, _passwordHash, _isActive, _mustChangePassword, _searchKey, _sortKey, _version,
            _createdAt, _assignments,
        ]
    }
    init(username: String, fullName: String, passwordHash: String) {
        self.username = username
        self.fullName = fullName
        self.passwordHash = passwordHash
        self.isActive = true
        self.mustChangePassword = false
        self.searchKey = TextKey.search(username, fullName)
        self.sortKey = TextKey.sort(fullName)
        self.version = 1
    }
}
