import Foundation

enum UserAccounts {
    /// A one-time code an administrator passes on: 12 characters without look-alikes (0/O, 1/l/I).
    static func oneTimeCode() -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        let chars = (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] }
        return String(chars[0..<4]) + "-" + String(chars[4..<8]) + "-" + String(chars[8..<12])
    }

    static func isValidUsername(_ username: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        return (3...60).contains(username.count) && username.allSatisfy { allowed.contains($0) }
    }
}
