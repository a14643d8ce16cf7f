import Domain
import Fluent
import SQLKit
import Vapor

/// A timetable change refused by the clash rules (nothing was written), or held back until its warnings are accepted.
struct TimetableRefusal: Error {
    var clashes: [String]
    var warnings: [String]
    var reason: String {
        clashes.isEmpty
            ? "Есть предупреждения: проверьте их и подтвердите сохранение."
            : "Расписание не сохранено: есть пересечения."
    }
}
