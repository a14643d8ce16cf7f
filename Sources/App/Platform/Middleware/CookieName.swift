import Domain
import Fluent
import SQLKit
import Vapor
import Views

enum CookieName {
    static let session = "setka_session"
    static let preAuth = "setka_pre"
    static let flash = "setka_flash"
}
