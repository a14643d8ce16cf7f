import Foundation

/// Who prepared a student, as a school writes it in a file («Смирнова Анна Викторовна, Кузнецов И. П.»), matched with
/// the staff registry (issue 21, item 2): a name matches a member of staff by surname, given name and patronymic, or by
/// surname and initials, ignoring case, «ё» and dots; a name that matches nobody or more than one person stays as
/// written.
public enum PreparerNames {
    /// A member of staff who may be named.
    public struct Candidate: Sendable {
        public var id: UUID
        public var surname: String
        public var givenName: String
        public var patronymic: String?

        public init(id: UUID, surname: String, givenName: String, patronymic: String?) {
            self.id = id
            self.surname = surname
            self.givenName = givenName
            self.patronymic = patronymic
        }
    }

    /// The words of a name, normalised: «Смирнова А.В.» → ["смирнова", "а", "в"].
    static func words(_ text: String) -> [String] {
        TextKey.normalize(text).replacingOccurrences(of: ".", with: " ").split(separator: " ").map(String.init)
    }

    /// Whether the written words name the candidate: full words, or the surname and initials.
    static func names(_ written: [String], _ candidate: Candidate) -> Bool {
        let own = words([candidate.surname, candidate.givenName, candidate.patronymic ?? ""].joined(separator: " "))
        guard written.count == own.count, written.first == own.first else { return false }
        return zip(written.dropFirst(), own.dropFirst()).allSatisfy { typed, real in
            typed == real || (typed.count == 1 && real.hasPrefix(typed))
        }
    }

    /// The candidates the text names (each once, in the text's order) and the names left as written.
    public static func match(_ text: String?, among candidates: [Candidate]) -> (ids: [UUID], others: [String]) {
        var ids: [UUID] = []
        var others: [String] = []
        for part in (text ?? "").split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            let found = candidates.filter { names(words(name), $0) }
            if found.count == 1 {
                if !ids.contains(found[0].id) { ids.append(found[0].id) }
            } else {
                others.append(name)
            }
        }
        return (ids, others)
    }
}
