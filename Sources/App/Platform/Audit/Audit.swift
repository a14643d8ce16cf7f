import Domain
import Fluent
import Vapor
import Views

/// The append-only audit log: every change to the registry and every login event goes through here.
enum Audit {
    enum Action: String, CaseIterable {
        case create, update, archive, restore
        case login, logout
        case loginFailed = "login_failed"
        case loginBlocked = "login_blocked"
        case passwordChange = "password_change"
        case tokenCreate = "token_create"
        case tokenRevoke = "token_revoke"
        case setup
        case importBatch = "import"
        case revert
        case invite
        case consentWithdraw = "consent_withdraw"
        case link
        /// A record removed for good (a registration for an event cancelled: the place is given back).
        case delete
    }

    static func record(
        on db: any Database, req: Request?, userID: UUID? = nil, username: String? = nil,
        action: Action, entityType: String, entityID: UUID?, title: String,
        municipalityID: UUID?, organizationID: UUID?,
        before: [String: String]? = nil, after: [String: String]? = nil
    ) async throws {
        let row = entry(
            req: req, userID: userID, username: username, action: action, entityType: entityType, entityID: entityID,
            title: title,
            municipalityID: municipalityID, organizationID: organizationID, before: before, after: after)
        let model = AuditEntry()
        model.id = row.id
        model.at = row.at
        model.userID = row.userID
        model.username = row.username
        model.action = row.action
        model.entityType = row.entityType
        model.entityID = row.entityID
        model.entityTitle = row.title
        model.municipalityID = row.municipalityID
        model.organizationID = row.organizationID
        model.before = row.before
        model.after = row.after
        model.ip = row.ip
        model.searchKey = row.searchKey
        try await model.create(on: db)
    }

    /// An entry as plain values: `record` saves it as a model, the SQLite writer's jobs with `insert`.
    struct Row: Sendable {
        var id = UUID()
        var at = Date()
        var userID: UUID?
        var username: String
        var action: String
        var entityType: String
        var entityID: UUID?
        var title: String
        var municipalityID: UUID?
        var organizationID: UUID?
        var before: String?
        var after: String?
        var ip: String?
        var searchKey: String
    }

    static func entry(
        req: Request?, userID: UUID? = nil, username: String? = nil,
        action: Action, entityType: String, entityID: UUID?, title: String,
        municipalityID: UUID?, organizationID: UUID?,
        before: [String: String]? = nil, after: [String: String]? = nil
    ) -> Row {
        let name = username ?? req?.currentUser?.username ?? PlatformWords.system
        var row = Row(
            userID: userID ?? req?.currentUser?.userID, username: name, action: action.rawValue, entityType: entityType,
            entityID: entityID,
            title: title, municipalityID: municipalityID, organizationID: organizationID, before: nil, after: nil,
            ip: req?.clientAddress?.description, searchKey: TextKey.search(name, title))
        // Keep only what changed, so the log reads as a diff.
        if let before, let after {
            let keys = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            row.before = encode(before.filter { keys.contains($0.key) })
            row.after = encode(after.filter { keys.contains($0.key) })
        } else {
            row.before = before.map(encode)
            row.after = after.map(encode)
        }
        return row
    }

    /// A JSON object with its keys sorted, written by hand: `JSONSerialization` (through `NSDictionary`) cost more than
    /// the rest of an enrolment's audit entry (issue 3's benchmark).
    static func encode(_ dict: [String: String]) -> String {
        var out = "{"
        for (i, key) in dict.keys.sorted().enumerated() {
            if i > 0 { out += "," }
            appendJSON(key, to: &out)
            out += ":"
            appendJSON(dict[key]!, to: &out)
        }
        return out + "}"
    }

    private static func appendJSON(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    static func decode(_ text: String?) -> [String: String] {
        guard let text, let data = text.data(using: .utf8),
            let dict = try? JSONSerialization.jsonObject(with: data) as? [String: String]
        else { return [:] }
        return dict
    }
}
