import Domain
import Foundation
import Vapor
import Views

/// The query parameters an API list takes, as the list declared them to `RegistrySupport.listQuery`: paging, sorting,
/// `q` when it searches, its filters and any other parameter it reads. `APIQueryCheck` refuses a request naming any
/// other one (`/api/v1/enrollments?student=` was ignored and answered every row), or a sort the list does not have.
struct APIListParameters: Sendable {
    static let paging = ["page", "per", "sort", "dir"]
    static let directions = ["asc", "desc"]

    /// Every name the list reads, in the order the refusal lists them.
    var names: [String]
    var sorts: [String]

    init(filters: [String], sorts: [String], search: Bool, also extra: [String]) {
        var names = Self.paging + (search ? ["q"] : [])
        for name in filters + extra where !names.contains(name) { names.append(name) }
        self.names = names
        self.sorts = sorts
    }

    /// The parameters of the request this list cannot read, each with what it takes; nil when there are none.
    func refusal(_ req: Request) -> AppError? {
        let given = URLComponents(string: "?" + (req.url.query ?? ""))?.queryItems ?? []
        var fields: [String: String] = [:]
        for item in given where !names.contains(item.name) {
            fields[item.name] = PlatformWords.Decoding.unknownParameter(accepted: names)
        }
        if let sort = given.last(where: { $0.name == "sort" })?.value, !sort.isEmpty, !sorts.contains(sort) {
            fields["sort"] = RegistryWords.allowedValues(sorts)
        }
        if let dir = given.last(where: { $0.name == "dir" })?.value, !dir.isEmpty, !Self.directions.contains(dir) {
            fields["dir"] = RegistryWords.allowedValues(Self.directions)
        }
        return fields.isEmpty ? nil : AppError.badParameters(fields)
    }

    struct Key: StorageKey { typealias Value = APIListParameters }
}
