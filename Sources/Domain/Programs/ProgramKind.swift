import Foundation

/// Kinds of network programmes (issue 3; `000_5375b2a087477e6d.txt` §4.2: the programme follows the group's target —
/// olympiads, projects, creative contests).
public enum ProgramKind: String, CaseIterable, Codable, Sendable {
    case profile, olympiad, project, creative, additional, shift, chess
    public var title: String {
        switch self {
        case .profile: "профильный курс"
        case .olympiad: "подготовка к олимпиаде"
        case .project: "проектная деятельность"
        case .creative: "подготовка к творческим конкурсам"
        case .additional: "дополнительная общеразвивающая программа"
        case .shift: "профильная смена"
        case .chess: "шахматы"
        }
    }
}
