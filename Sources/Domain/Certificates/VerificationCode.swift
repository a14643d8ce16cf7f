import Foundation

/// Codes printed on a certificate for verification: eight characters without look-alikes (no 0/O, 1/I/L).
public enum VerificationCode {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let chars = (0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(chars[0..<4]) + "-" + String(chars[4..<8])
    }

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// A code as typed: case and the dash do not matter.
    public static func normalize(_ text: String) -> String {
        let raw = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard raw.count == 8 else { return raw }
        return String(raw.prefix(4)) + "-" + String(raw.suffix(4))
    }
}
