import Domain
import Fluent
import Vapor
import Views

/// A registry record: archived rather than deleted, versioned against lost updates.
protocol RegistryRecord: Model, AnyObject where IDValue == UUID {
    var status: String { get set }
    var version: Int { get set }
}
