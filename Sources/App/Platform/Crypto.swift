import Foundation
import Vapor

enum Secrets {
    /// A URL-safe random token of 32 bytes.
    static func token() -> String {
        let bytes = [UInt8].random(count: 32)
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex of the SHA-256 of the text (every API call hashes its token: no `String(format:)` per byte).
    static func sha256(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Constant-time comparison of two tokens.
    static func equal(_ first: String, _ second: String) -> Bool {
        let firstBytes = Array(first.utf8)
        let secondBytes = Array(second.utf8)
        guard firstBytes.count == secondBytes.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<firstBytes.count { diff |= firstBytes[i] ^ secondBytes[i] }
        return diff == 0
    }
}
