import Fluent
import Foundation

/// One failed login (or invitation code), kept to throttle guessing: by account name and source address.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"
    @ID(key: .id) var id: UUID?
    @Field(key: "username_key") var usernameKey: String
    /// The source address's throttle key (`IPAddress.throttleKey`, `?` unknown); nil for invitation codes, whose key
    /// is the address already, and for failures recorded before migration 015.
    @OptionalField(key: "source_address") var sourceAddress: String?
    @Field(key: "at") var at: Date
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _usernameKey, _sourceAddress, _at] }
    init(usernameKey: String, sourceAddress: String? = nil, at: Date) {
        self.usernameKey = usernameKey
        self.sourceAddress = sourceAddress
        self.at = at
    }
}
