import Foundation

/// What the journal allows (issue 4: lessons cannot be marked in the future; hours delivered are 0…the lesson's).
public enum JournalRules {
    /// Whether a lesson that starts at `start` minutes on `day` may be marked at the local moment (`today`, `minute`).
    public static func mayMark(day: CivilDay, start: Int, today: CivilDay, minute: Int) -> Bool {
        day < today || (day == today && start <= minute)
    }

    public static let futureMessage = "Занятие ещё не началось: отметить его можно с начала занятия."

    /// Adds the errors of a journal entry to the fields: a topic, and hours between 0 and the lesson's.
    public static func check(topic: String, hours: Int?, lessonHours: Int, errors: inout FieldErrors) {
        if topic.isEmpty { errors.add("topic", "Укажите тему занятия.") }
        if let hours, !(0...lessonHours).contains(hours) {
            errors.add("hours", "Проведено от 0 до \(lessonHours) ак. ч — столько, сколько длится занятие.")
        }
    }
}
