import Foundation

/// Paging of lists: `?page=&per=`.
public struct PageRequest: Equatable, Sendable {
    public var page: Int
    public var per: Int
    public static let maxPer = 200
    /// Far beyond any real list; keeps offset arithmetic from overflowing on a crafted `?page=` (pages ask for no more,
    /// the API refuses a larger page, so a page beyond the last is answered as asked: empty, with the true total).
    public static let maxPage = Int(Int32.max)

    public init(page: Int?, per: Int?, defaultPer: Int = 25) {
        self.page = min(Self.maxPage, max(1, page ?? 1))
        self.per = min(Self.maxPer, max(1, per ?? defaultPer))
    }

    public var offset: Int { (page - 1) * per }

    public func pageCount(total: Int) -> Int { max(1, (total + per - 1) / per) }
}
