import Foundation

/// Fixed ids for page mocks, so that snapshots of links stay the same from run to run.
enum MockID {
    /// The id `00000000-0000-0000-0000-…n` (n in hexadecimal).
    static func of(_ number: Int) -> UUID {
        UUID(uuidString: "00000000-0000-0000-0000-" + String(format: "%012x", number))!
    }
}
