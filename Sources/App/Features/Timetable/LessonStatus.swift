import Fluent
import Foundation
import Domain

enum LessonStatus: String { case scheduled, cancelled
    var title: String { self == .scheduled ? "по расписанию" : "отменено" }
}
