import Foundation

/// The letter of a class («10А»): up to three letters, nothing else.
public enum ClassLetter {
    public static let message = "Буква класса — до трёх букв: А, Б, В…"

    public static func isValid(_ letter: String) -> Bool {
        !letter.isEmpty && letter.count <= 3
            && letter.unicodeScalars.allSatisfy {
                CharacterSet.letters.contains($0) && !CharacterSet.nonBaseCharacters.contains($0)
            }
    }

    /// As kept: composed («й» typed as «и» and a breve becomes one letter), upper case — «10б» and «10Б» are one class.
    public static func normalized(_ letter: String) -> String {
        letter.precomposedStringWithCanonicalMapping.uppercased()
    }
}
