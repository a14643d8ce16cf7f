import Foundation

/// The profiles of study in the network (`002_f5d848fa5a191e3f.txt` §10).
public enum StudyProfile: String, CaseIterable, Codable, Sendable {
    case it, arts
    case chemBio = "chem_bio"
    case socialHumanities = "social_humanities"
    case socioEconomic = "socio_economic"
    case pedagogical, medical, journalism, culinary

    public var title: String {
        switch self {
        case .it: "информационно-технологический"
        case .arts: "художественно-эстетический"
        case .chemBio: "химико-биологический"
        case .socialHumanities: "социально-гуманитарный"
        case .socioEconomic: "социально-экономический"
        case .pedagogical: "педагогический класс"
        case .medical: "медицинский класс"
        case .journalism: "основы журналистики"
        case .culinary: "основы кулинарии"
        }
    }
}
