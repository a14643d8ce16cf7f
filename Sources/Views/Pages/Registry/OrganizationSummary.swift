import Domain
import Foundation

/// One row of the organisations list and the facts of its card.
public struct OrganizationSummary: Sendable {
    public var id: UUID
    public var kind: OrganizationKind
    public var fullName: String
    public var shortName: String
    public var address: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    public var headName: String?
    public var municipality: String
    public var status: RecordStatus
    public var isResourceCenter: Bool

    public init(
        id: UUID, kind: OrganizationKind, fullName: String, shortName: String, address: String?, phone: String?,
        email: String?, website: String?, headName: String?, municipality: String, status: RecordStatus,
        isResourceCenter: Bool
    ) {
        self.id = id
        self.kind = kind
        self.fullName = fullName
        self.shortName = shortName
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.headName = headName
        self.municipality = municipality
        self.status = status
        self.isResourceCenter = isResourceCenter
    }

    public static let mock = OrganizationSummary(
        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!, kind: .school,
        fullName: "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»",
        shortName: "МБОУ «Гимназия № 2»", address: "ул. Лесная, 4", phone: "+7 (900) 000-00-02",
        email: "gym2@example.ru",
        website: nil, headName: "Белова Ирина Олеговна", municipality: "Городской округ Заречный", status: .active,
        isResourceCenter: true)
}
