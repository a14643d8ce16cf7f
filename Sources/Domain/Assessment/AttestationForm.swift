import Foundation

/// Forms of final attestation at the end of a network course (`002_f5d848fa5a191e3f.txt` §15: the order on final
/// attestation).
public enum AttestationForm: String, CaseIterable, Codable, Sendable {
    case credit, exam, project, test, olympiad
    public var title: String {
        switch self {
        case .credit: "зачёт"
        case .exam: "экзамен"
        case .project: "защита проекта"
        case .test: "итоговое тестирование"
        case .olympiad: "участие в олимпиаде"
        }
    }
}
