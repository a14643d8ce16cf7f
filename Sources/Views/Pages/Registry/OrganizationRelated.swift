import Domain
import Foundation

/// The lists on an organisation's card: its designations, staff, rooms and agreements (nil: the viewer may not see
/// that kind here).
public struct OrganizationRelated: Sendable {
    /// A year the organisation was a resource centre.
    public struct Center: Sendable {
        public var id: UUID
        public var year: String
        public var subjects: [String]
        /// A designation row.
        public init(id: UUID, year: String, subjects: [String]) {
            self.id = id
            self.year = year
            self.subjects = subjects
        }
    }
    /// A staff member of the organisation.
    public struct Person: Sendable {
        public var id: UUID
        public var name: String
        public var position: String
        /// A staff row.
        public init(id: UUID, name: String, position: String) {
            self.id = id
            self.name = name
            self.position = position
        }
    }
    /// A room of the organisation.
    public struct Room: Sendable {
        public var id: UUID
        public var name: String
        public var capacity: Int
        /// A room row.
        public init(id: UUID, name: String, capacity: Int) {
            self.id = id
            self.name = name
            self.capacity = capacity
        }
    }
    /// An agreement the organisation is a party to.
    public struct Agreement: Sendable {
        public var id: UUID
        public var number: String?
        public var partyA: String
        public var partyB: String
        public var starts: String
        public var ends: String
        /// An agreement row (dates as the page shows them).
        public init(id: UUID, number: String?, partyA: String, partyB: String, starts: String, ends: String) {
            self.id = id
            self.number = number
            self.partyA = partyA
            self.partyB = partyB
            self.starts = starts
            self.ends = ends
        }
    }

    public var centers: [Center]?
    public var staff: [Person]?
    public var rooms: [Room]?
    public var agreements: [Agreement]?

    /// The lists the viewer may see.
    public init(centers: [Center]?, staff: [Person]?, rooms: [Room]?, agreements: [Agreement]?) {
        self.centers = centers
        self.staff = staff
        self.rooms = rooms
        self.agreements = agreements
    }

    /// Made-up lists.
    public static let mock = OrganizationRelated(
        centers: [Center(id: MockID.of(0x581), year: "2025/2026", subjects: ["информатика"])],
        staff: [Person(id: MockID.of(0x582), name: "Соколова Анна Ивановна", position: "учитель информатики")],
        rooms: [], agreements: nil)

    /// The lists as the card shows them.
    public var sections: [RegistryCard.Section] {
        var sections: [RegistryCard.Section] = []
        if let centers {
            sections.append(
                .init(
                    title: "Ресурсный центр", columns: ["Учебный год", "Предметы"],
                    rows: centers.map {
                        [
                            .link($0.year, SiteURL.record(.resourceCenters, $0.id).path),
                            .text($0.subjects.joined(separator: ", ")),
                        ]
                    },
                    emptyText: "Организация не была ресурсным центром."))
        }
        if let staff {
            sections.append(
                .init(
                    title: "Сотрудники", columns: ["ФИО", "Должность"],
                    rows: staff.map { [.link($0.name, SiteURL.record(.staff, $0.id).path), .text($0.position)] },
                    emptyText: "Сотрудники не внесены."))
        }
        if let rooms {
            sections.append(
                .init(
                    title: "Кабинеты", columns: ["Кабинет", "Вместимость"],
                    rows: rooms.map {
                        [.link($0.name, SiteURL.record(.rooms, $0.id).path), .text(String($0.capacity))]
                    },
                    emptyText: "Кабинеты не внесены."))
        }
        if let agreements {
            sections.append(
                .init(
                    title: "Договоры", columns: ["Договор", "Стороны", "Срок"],
                    rows: agreements.map { agreement in
                        [
                            .link(
                                AgreementsWords.label(number: agreement.number),
                                SiteURL.record(.agreements, agreement.id).path),
                            .text(agreement.partyA + " — " + agreement.partyB),
                            .text(agreement.starts + " — " + agreement.ends),
                        ]
                    },
                    emptyText: "Договоров нет."))
        }
        return sections
    }

    /// The lists on a made-up card, as HTML.
    public func render(_ ctx: PageContext) -> String {
        OrganizationCard(org: .mock, history: [], canEdit: false, canArchive: false, related: sections).render(ctx)
    }
}
