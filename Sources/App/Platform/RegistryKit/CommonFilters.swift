import Domain
import Fluent
import SQLKit
import Vapor
import Views

enum CommonFilters {
    static let status = RegistryWords.Filters.status
    static let search = RegistryWords.Filters.search
}
