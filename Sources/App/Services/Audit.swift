import Vapor
import Fluent
import Domain

/// The append-only audit log: every change to the registry and every login event goes through here.
enum Audit {
    enum Action: String, CaseIterable {
        case create, update, archive, restore
        case login, logout, loginFailed = "login_failed", loginBlocked = "login_blocked"
        case passwordChange = "password_change", tokenCreate = "token_create", tokenRevoke = "token_revoke", setup
        case importBatch = "import", revert
        case invite, consentWithdraw = "consent_withdraw", link
    }

    static func record(on db: any Database, req: Request?, userID: UUID? = nil, username: String? = nil,
                       action: Action, entityType: String, entityID: UUID?, title: String,
                       municipalityID: UUID?, organizationID: UUID?,
                       before: [String: String]? = nil, after: [String: String]? = nil) async throws {
        let e = AuditEntry()
        e.at = Date()
        e.userID = userID ?? req?.currentUser?.userID
        e.username = username ?? req?.currentUser?.username ?? "система"
        e.action = action.rawValue
        e.entityType = entityType
        e.entityID = entityID
        e.entityTitle = title
        e.municipalityID = municipalityID
        e.organizationID = organizationID
        // Keep only what changed, so the log reads as a diff.
        if let before, let after {
            let keys = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            e.before = encode(before.filter { keys.contains($0.key) })
            e.after = encode(after.filter { keys.contains($0.key) })
        } else {
            e.before = before.map(encode)
            e.after = after.map(encode)
        }
        e.ip = req?.remoteAddress?.ipAddress
        e.searchKey = TextKey.search(e.username, title)
        try await e.create(on: db)
    }

    static func encode(_ dict: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: dict, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String: String] {
        guard let text, let data = text.data(using: .utf8),
              let dict = try? JSONSerialization.jsonObject(with: data) as? [String: String] else { return [:] }
        return dict
    }
}
