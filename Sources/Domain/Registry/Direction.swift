import Foundation

/// The 11 directions a resource centre may serve (`003_256a4293e3c370c5.txt` §1.4).
public enum Direction: String, CaseIterable, Codable, Sendable {
    case educationQuality = "education_quality"
    case methodologicalSupport = "methodological_support"
    case schoolCommunity = "school_community"
    case difficultSituations = "difficult_situations"
    case specialNeeds = "special_needs"
    case giftedChildren = "gifted_children"
    case careerGuidance = "career_guidance"
    case urbanProjects = "urban_projects"
    case engineering
    case metaSubject = "meta_subject"
    case health

    public var title: String {
        switch self {
        case .educationQuality: "пути повышения качества образования"
        case .methodologicalSupport: "система методического обеспечения образовательной работы"
        case .schoolCommunity: "детско-взрослая общность и уклад образовательного учреждения"
        case .difficultSituations: "работа с детьми в сложных жизненных ситуациях"
        case .specialNeeds: "методы работы с детьми с ОВЗ"
        case .giftedChildren: "методы работы с одарёнными детьми"
        case .careerGuidance: "работа с производственными предприятиями в рамках профориентации"
        case .urbanProjects: "социально-образовательные проекты по развитию городской среды"
        case .engineering: "инженерно-технические проекты"
        case .metaSubject: "метапредметные образовательные технологии"
        case .health: "межсекторальное сотрудничество в области сохранения здоровья учащихся"
        }
    }

    /// Directions are stored as codes joined by «;».
    public static func decode(_ stored: String) -> [Direction] {
        stored.split(separator: ";").compactMap { Direction(rawValue: String($0)) }
    }

    public static func encode(_ list: [Direction]) -> String { list.map(\.rawValue).joined(separator: ";") }
}
