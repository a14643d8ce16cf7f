import Fluent
import Foundation

/// One failed login, kept to throttle guessing per account.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"
    @ID(key: .id) var id: UUID?
    @Field(key: "username_key") var usernameKey: String
    @Field(key: "at") var at: Date
    init() {}
    init(usernameKey: String, at: Date) {
        self.usernameKey = usernameKey
        self.at = at
    }
}
