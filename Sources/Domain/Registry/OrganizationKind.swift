import Foundation

/// Kinds of institutions (`GLOSSARY.md`: Образовательная организация).
public enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    case school
    case additionalEducation = "additional_education"
    case college, university, enterprise
    case authority
    case coordinationCenter = "coordination_center"
    case methodService = "method_service"
    case other

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
