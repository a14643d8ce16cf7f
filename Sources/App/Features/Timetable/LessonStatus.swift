import Domain
import Fluent
import Foundation

enum LessonStatus: String {
    case scheduled, cancelled
    var title: String { self == .scheduled ? "по расписанию" : "отменено" }
}
