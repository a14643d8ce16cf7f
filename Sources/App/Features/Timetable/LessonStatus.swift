import Domain
import Fluent
import Foundation
import Views

enum LessonStatus: String {
    case scheduled, cancelled
    var title: String { TimetableWords.lessonStatus(cancelled: self == .cancelled) }
}
