import Domain
import Foundation
import Vapor

/// Configuration read once from the environment, with defaults (`DESIGN.md`: fail fast listing every bad variable).
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(String)
        /// A throwaway SQLite file (tests), removed when the application stops.
        case sqliteTemporary(String)
        case postgres(String)
    }

    public var database: Database
    /// Load the demo municipality into a new database on `serve` (SQLite only).
    public var loadDemo: Bool
    /// bcrypt cost for new password hashes.
    public var bcryptCost: Int
    /// Mark cookies Secure (behind TLS).
    public var secureCookies: Bool
    public var sessionPolicy: SessionPolicyConfig
    /// Reverse proxies whose `X-Forwarded-For` names the client (`SETKA_TRUSTED_PROXIES`); nobody's by default.
    public var trustedProxies = TrustedProxies()
    /// Where uploaded scans are kept as files (`SETKA_FILES_DIR`; nil: in the database). Every Setka process behind a
    /// load balancer must see the same folder (a shared volume).
    public var filesDirectory: String?
    /// Login throttling's numbers (fixed, not read from the environment; tests shorten the waits).
    public var loginThrottle = LoginThrottle()

    public struct SessionPolicyConfig: Sendable {
        public var idleMinutes: Int
        public var absoluteHours: Int
    }

    public var isPostgres: Bool { if case .postgres = database { true } else { false } }

    /// The SQLite file, if the database is SQLite.
    var sqlitePath: String? {
        switch database {
        case .sqliteFile(let path), .sqliteTemporary(let path): path
        case .postgres: nil
        }
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> AppConfig
    {
        var problems: [String] = []
        var database = Database.sqliteFile(env["SETKA_SQLITE_PATH"] ?? "setka.sqlite")
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url)
            } else {
                problems.append("DATABASE_URL: ожидается адрес вида postgres://user:password@host:5432/db")
            }
        }
        func flag(_ name: String, default value: Bool) -> Bool {
            guard let raw = env[name], !raw.isEmpty else { return value }
            switch raw.lowercased() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default:
                problems.append("\(name): ожидается 1 или 0, получено «\(raw)»")
                return value
            }
        }
        func int(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let raw = env[name], !raw.isEmpty else { return value }
            guard let number = Int(raw), range.contains(number) else {
                problems.append(
                    "\(name): ожидается целое число от \(range.lowerBound) до \(range.upperBound), получено «\(raw)»")
                return value
            }
            return number
        }
        let demo = flag("SETKA_DEMO", default: true)
        let secure = flag("SETKA_SECURE_COOKIES", default: false)
        let cost = int("SETKA_BCRYPT_COST", default: 12, range: 12...16)
        let idle = int("SETKA_SESSION_IDLE_MINUTES", default: 120, range: 5...1440)
        let absolute = int("SETKA_SESSION_MAX_HOURS", default: 12, range: 1...168)
        let proxies = TrustedProxies.read(env["SETKA_TRUSTED_PROXIES"] ?? "")
        for item in proxies.bad {
            problems.append(
                "SETKA_TRUSTED_PROXIES: «\(item)» — не адрес и не сеть (ожидается, например, 127.0.0.1,10.0.0.0/8)")
        }
        let files = env["SETKA_FILES_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        if let files, let problem = FileStore.prepare(files) {
            problems.append("SETKA_FILES_DIR: \(problem)")
        }
        if !problems.isEmpty {
            throw ConfigError(problems: problems)
        }
        var config = AppConfig(
            database: database, loadDemo: demo, bcryptCost: cost, secureCookies: secure,
            sessionPolicy: .init(idleMinutes: idle, absoluteHours: absolute), trustedProxies: proxies.proxies)
        config.filesDirectory = files
        return config
    }

    /// Tests: a throwaway SQLite file, or PostgreSQL from `TEST_DATABASE_URL` (never `DATABASE_URL`).
    public static func testing(_ env: [String: String] = ProcessInfo.processInfo.environment) -> AppConfig {
        let db: Database =
            env["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : Database.postgres($0) }
            ?? .sqliteTemporary(
                FileManager.default.temporaryDirectory.appendingPathComponent("setka-test-\(UUID().uuidString).sqlite")
                    .path)
        return AppConfig(
            database: db, loadDemo: false, bcryptCost: 12, secureCookies: false,
            sessionPolicy: .init(idleMinutes: 120, absoluteHours: 12))
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "Неверная конфигурация:\n" + problems.map { "  • \($0)" }.joined(separator: "\n")
    }
}

struct AppConfigKey: StorageKey { typealias Value = AppConfig }

extension Application {
    public var setkaConfig: AppConfig {
        get { storage[AppConfigKey.self]! }
        set { storage[AppConfigKey.self] = newValue }
    }
}
