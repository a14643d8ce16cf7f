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

public enum AttestationRules {
    /// A course is finished once its last scheduled lesson has begun (or, without lessons, after its last day).
    public static func courseFinished(lastLesson: (day: CivilDay, start: Int)?, groupEnd: CivilDay?, today: CivilDay, minute: Int) -> Bool {
        if let last = lastLesson { return RegisterRules.mayMark(day: last.day, start: last.start, today: today, minute: minute) }
        guard let end = groupEnd else { return false }
        return today > end
    }

    /// Certificates wait until every lesson that has taken place is in the register.
    public static func unmarkedMessage(_ days: [CivilDay]) -> String {
        "В журнале не отмечены прошедшие занятия: " + days.prefix(5).map(\.formatted).joined(separator: ", ")
            + (days.count > 5 ? " и ещё \(days.count - 5)" : "") + ". Отметьте их до выдачи сертификатов."
    }

    public static func unfinishedMessage(_ end: CivilDay?) -> String {
        "Курс ещё не завершён" + (end.map { ": последнее занятие \($0.formatted)" } ?? "") + ". Итоги вносятся после окончания курса."
    }
}

/// Certificate numbers «series-year-sequence» (СК-2026-00042): never reused, gap-free per municipality and year of issue
/// (issue 4; `002_f5d848fa5a191e3f.txt` §10 counts 815 certificates over the project).
public enum CertificateNumber {
    public static let defaultSeries = "СК"

    public static func format(series: String, year: Int, sequence: Int) -> String {
        let s = String(sequence)
        return series + "-" + String(year) + "-" + String(repeating: "0", count: max(0, 5 - s.count)) + s
    }

    /// The parts of a number typed by someone verifying it (case, spaces and dash variants ignored).
    public static func parse(_ text: String) -> (series: String, year: Int, sequence: Int)? {
        let cleaned = text.uppercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        let parts = cleaned.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].count <= 10, let y = Int(parts[1]), (2000...2100).contains(y),
              parts[2].count <= 9, let n = Int(parts[2]), n > 0 else { return nil }
        return (String(parts[0]), y, n)
    }

    /// A series as the administrator may set it: 1–6 capital letters (Cyrillic or Latin) or digits.
    public static func isValidSeries(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 6 && s.allSatisfy { $0.isLetter && $0.isUppercase || $0.isNumber }
    }

    /// The numbers handed out by one counter move from `last + 1` for `count` certificates.
    public static func sequences(after last: Int, count: Int) -> ClosedRange<Int>? { count > 0 ? (last + 1)...(last + count) : nil }
}

/// Codes printed on a certificate for verification: eight characters without look-alikes (no 0/O, 1/I/L).
public enum VerificationCode {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    public static func make<G: RandomNumberGenerator>(using g: inout G) -> String {
        let chars = (0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }
        return String(chars[0..<4]) + "-" + String(chars[4..<8])
    }

    public static func make() -> String { var g = SystemRandomNumberGenerator(); return make(using: &g) }

    /// A code as typed: case and the dash do not matter.
    public static func normalize(_ text: String) -> String {
        let raw = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard raw.count == 8 else { return raw }
        return String(raw.prefix(4)) + "-" + String(raw.suffix(4))
    }
}

/// Who gets a certificate «о прослушивании профильного курса»: passed the final attestation and attended at least the
/// share of delivered hours the administrator sets (75 % by default).
public enum CertificateRules {
    public static let defaultMinimumAttendance = 75

    public static func eligible(passed: Bool?, attendance: StudentAttendance, minimum: Int, hasValidCertificate: Bool) -> Bool {
        passed == true && attendance.attended(atLeast: minimum) && !hasValidCertificate
    }

    /// «Ё. А. И.» — all the public verification page shows of the student.
    public static func initials(surname: String, givenName: String, patronymic: String?) -> String {
        [surname, givenName, patronymic ?? ""].compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    }
}
