import Foundation

/// A surname, given name or patronymic as the registry keeps it (the student's and staff forms and the import check the
/// same).
public enum PersonName {
    public static let message = "Только буквы, пробел, дефис и апостроф."

    /// A name as pasted from a word processor: no-break spaces become spaces, the typographic hyphens and the en dash a
    /// hyphen, so that the same name typed and pasted is one person (the identity key compares bytes).
    public static func clean(_ name: String?) -> String? {
        guard let name, name.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return name }
        return String(
            String.UnicodeScalarView(
                name.unicodeScalars.map { scalar -> Unicode.Scalar in
                    switch scalar.value {
                    case 0xA0, 0x202F: " "
                    case 0x2010, 0x2011, 0x2012, 0x2013: "-"
                    default: scalar
                    }
                }))
    }

    /// Letters of any alphabet (with their accents), space, hyphen, apostrophes and the dot of an abbreviation; at
    /// least
    /// one letter, and no accent before the first.
    public static func isValid(_ name: String) -> Bool {
        var sawLetter = false
        for scalar in name.unicodeScalars {
            switch scalar.value {
            // Russian and Latin letters are answered without Foundation's `CharacterSet` (imports check every name).
            case 0x41...0x5A, 0x61...0x7A, 0x0410...0x044F, 0x0401, 0x0451: sawLetter = true
            case 0x20, 0x2D, 0x27, 0x2019, 0x2E: continue
            default:
                if CharacterSet.nonBaseCharacters.contains(scalar) {
                    if !sawLetter { return false }
                } else if CharacterSet.letters.contains(scalar) {
                    sawLetter = true
                } else {
                    return false
                }
            }
        }
        return sawLetter
    }
}

extension FieldErrors {
    /// A surname, given name or patronymic from a form or a file: cleaned (`PersonName.clean`), required or optional,
    /// at most 100 characters, and a name (`PersonName.isValid`) — one check for the student's and staff forms and the
    /// import.
    public mutating func personName(_ field: String, _ value: String?, required: Bool) -> String? {
        let cleaned = PersonName.clean(value)
        let name = required ? self.required(field, cleaned, max: 100) : optional(field, cleaned, max: 100)
        if let name, !name.isEmpty, !PersonName.isValid(name) { add(field, PersonName.message) }
        return name
    }
}
