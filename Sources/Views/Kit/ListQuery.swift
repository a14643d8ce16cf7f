import Domain
import Foundation

/// The state of a list page: search text, filters, sorting and page, kept in the query string.
public struct ListQuery: Sendable, Equatable {
    public var q: String
    public var filters: [String: String]
    public var sort: String
    public var descending: Bool
    public var page: Int
    public var per: Int

    public init(
        q: String = "", filters: [String: String] = [:], sort: String, descending: Bool = false,
        page: Int = 1, per: Int = 25
    ) {
        self.q = q
        self.filters = filters
        self.sort = sort
        self.descending = descending
        self.page = page
        self.per = per
    }

    public var items: [(String, String?)] {
        var items: [(String, String?)] = [("q", q)]
        for key in filters.keys.sorted() { items.append((key, filters[key])) }
        items.append(("sort", sort))
        items.append(("dir", descending ? "desc" : nil))
        items.append(("page", page > 1 ? String(page) : nil))
        return items
    }

    /// The same list on another page.
    public func onPage(_ page: Int) -> ListQuery {
        var other = self
        other.page = page
        return other
    }
}
