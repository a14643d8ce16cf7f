import Foundation

/// Kinds of institutions (`GLOSSARY.md`: Образовательная организация).
public enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    case school, additionalEducation = "additional_education", college, university, enterprise
    case authority, coordinationCenter = "coordination_center", methodService = "method_service", other

    public var title: String {
        switch self {
        case .school: "Общеобразовательная школа"
        case .additionalEducation: "Учреждение дополнительного образования"
        case .college: "Колледж (СПО)"
        case .university: "Вуз"
        case .enterprise: "Предприятие"
        case .authority: "Орган управления образованием"
        case .coordinationCenter: "Координационно-методический центр"
        case .methodService: "Методическая служба"
        case .other: "Иная организация"
        }
    }
}
