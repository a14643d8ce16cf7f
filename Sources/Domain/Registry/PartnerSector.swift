import Foundation

/// Who a partner is (`004_5209da8e0aa92458.txt`, second year §1: ОО, СПО, наука, промышленность, бизнес).
public enum PartnerSector: String, CaseIterable, Sendable {
    case school, college, university, science, industry, business, other
    public var title: String {
        switch self {
        case .school: "образовательная организация муниципалитета"
        case .college: "организация СПО"
        case .university: "вуз"
        case .science: "наука"
        case .industry: "промышленность"
        case .business: "бизнес"
        case .other: "иное"
        }
    }
}
