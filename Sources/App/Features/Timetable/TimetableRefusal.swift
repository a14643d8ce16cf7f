import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// A timetable change refused by the clash rules (nothing was written), or held back until its warnings are accepted.
struct TimetableRefusal: Error {
    var clashes: [String]
    var warnings: [String]
    /// What the pages show of it.
    var text: TimetableRefusalText { TimetableRefusalText(clashes: clashes, warnings: warnings) }
    var reason: String { text.reason }
}
