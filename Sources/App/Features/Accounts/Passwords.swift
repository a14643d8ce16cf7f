import Vapor

/// bcrypt off the event loop; cost from the configuration (≥ 12).
enum Passwords {
    static func hash(_ password: String, app: Application) async throws -> String {
        let cost = app.setkaConfig.bcryptCost
        return try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String, app: Application) async throws -> Bool {
        try await app.threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }

    /// A hash to verify against when the user does not exist, so timing does not reveal usernames.
    static let dummyHash: String = (try? Bcrypt.hash("setka-no-such-user", cost: 12)) ?? ""
}
