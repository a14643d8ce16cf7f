import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// The signed-in user of a request, with what the access policy needs.
struct CurrentUser: Sendable {
    var userID: UUID
    var username: String
    var fullName: String
    var actor: Actor
    /// Municipalities the user's active roles cover.
    var municipalityIDs: [UUID]
    var sessionID: UUID?
    var csrfToken: String?
    var viaToken: Bool
    /// Signed in with a one-time code from an administrator: must set a password before anything else.
    var mustChangePassword: Bool = false
}

struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }

struct PreAuthTokenKey: StorageKey { typealias Value = String }

extension Request {
    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user, or 401.
    func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw AppError.unauthorized }
        return user
    }

    var policy: AccessPolicy { AccessPolicy(now: Date()) }

    /// Refuses with 403 unless the policy allows it.
    func authorize(_ action: Domain.Action, _ resource: Resource) throws {
        let user = try requireUser()
        guard policy.allows(user.actor, action, resource) else { throw AppError.forbidden }
    }

    func can(_ action: Domain.Action, _ resource: Resource) -> Bool {
        guard let user = currentUser else { return false }
        return policy.allows(user.actor, action, resource)
    }
}
