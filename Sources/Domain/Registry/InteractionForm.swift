import Foundation

/// Forms of interaction with a partner.
public enum InteractionForm: String, CaseIterable, Sendable {
    case networkPrograms = "network_programs"
    case remote, resources
    case careerGuidance = "career_guidance"
    case mentorship, projects
    public var title: String {
        switch self {
        case .networkPrograms: "реализация образовательных программ в сетевой форме"
        case .remote: "дистанционное взаимодействие"
        case .resources: "предоставление площадок и оборудования"
        case .careerGuidance: "профориентация: экскурсии, практики, встречи"
        case .mentorship: "наставничество"
        case .projects: "совместные проекты, конкурсы, олимпиады"
        }
    }
}
