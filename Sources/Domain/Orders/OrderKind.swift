import Foundation

/// The authority's recurring orders on the network (`002_f5d848fa5a191e3f.txt` §15, «Приказы УО»), drafted from data.
public enum OrderKind: String, CaseIterable, Codable, Sendable {
    case organization, schedule, attestation, support, certificates, gratitude, interaction, talentSupport

    /// The title as the source lists it, for an academic year («2026/2027»).
    public func title(year: String) -> String {
        switch self {
        case .organization: "Об организации работы муниципальной сети профильных курсов в \(year) учебном году"
        case .schedule:
            "Об утверждении расписания занятий муниципальной сети профильного обучения на \(year) учебный год"
        case .attestation:
            "О проведении итоговой аттестации в муниципальной сети профильных курсов в \(year) учебном году"
        case .support:
            "О финансовой поддержке учителей, работающих в муниципальной сети профильных курсов в \(year) учебном году"
        case .certificates:
            "О выдаче сертификатов о прослушивании профильных курсов в муниципальной сети профильных курсов в \(year) "
                + "учебном году"
        case .gratitude:
            "Об объявлении благодарностей по итогам работы муниципальной сети профильных курсов в \(year) учебном году"
        case .interaction:
            "Об организации сетевого взаимодействия муниципальных образовательных учреждений в \(year) учебном году"
        case .talentSupport:
            "О мерах поддержки одарённых обучающихся в \(year) учебном году"
        }
    }

    /// Short name for lists.
    public var short: String {
        switch self {
        case .organization: "организация сети"
        case .schedule: "расписание"
        case .attestation: "итоговая аттестация"
        case .support: "финансовая поддержка учителей"
        case .certificates: "выдача сертификатов"
        case .gratitude: "благодарности"
        case .interaction: "сетевое взаимодействие"
        case .talentSupport: "поддержка одарённых обучающихся"
        }
    }

    /// Orders whose appendix names students (results, certificates): opened only by who sees the network's students.
    public var namesStudents: Bool { self == .attestation || self == .certificates || self == .talentSupport }

    /// Orders that name teachers the administrator chooses (support and gratitude; award rules come later).
    public var needsRecipients: Bool { self == .support || self == .gratitude }
}
