import Foundation

public enum Sex: String, CaseIterable, Sendable {
    case male, female
    public var title: String { self == .male ? "мужской" : "женский" }

    /// A word that agrees with a person's sex, as an official writes it: «прослушал» for a boy, «прослушала» for a
    /// girl; when the registry does not know the sex, both forms the way a blank form shows them («прослушал(а)» when
    /// the feminine form extends the masculine one, «переведён/переведена» otherwise), or `unknown` when given.
    public static func agree(_ sex: Sex?, masculine: String, feminine: String, unknown: String? = nil) -> String {
        switch sex {
        case .male: masculine
        case .female: feminine
        case nil:
            unknown
                ?? (feminine.hasPrefix(masculine)
                    ? masculine + "(" + feminine.dropFirst(masculine.count) + ")" : masculine + "/" + feminine)
        }
    }
}
