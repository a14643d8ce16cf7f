import Domain
import Foundation

/// What every page needs to know about the request.
public struct PageContext: Sendable {
    public var userName: String?
    public var roleTitles: [String]
    public var menu: [MenuArea]
    public var activeArea: MenuArea?
    public var csrfToken: String
    public var flash: String?

    public init(
        userName: String? = nil, roleTitles: [String] = [], menu: [MenuArea] = [],
        activeArea: MenuArea? = nil, csrfToken: String = "", flash: String? = nil
    ) {
        self.userName = userName
        self.roleTitles = roleTitles
        self.menu = menu
        self.activeArea = activeArea
        self.csrfToken = csrfToken
        self.flash = flash
    }

    public static let mock = PageContext(
        userName: "Котова Алла Игоревна", roleTitles: ["Координатор КМЦ"],
        menu: MenuArea.order, activeArea: .organizations,
        csrfToken: "csrf-mock", flash: nil)
}
