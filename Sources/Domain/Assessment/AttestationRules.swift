import Foundation

public enum AttestationRules {
    /// A course is finished once its last scheduled lesson has begun (or, without lessons, after its last day).
    public static func courseFinished(
        lastLesson: (day: CivilDay, start: Int)?, groupEnd: CivilDay?, today: CivilDay, minute: Int
    ) -> Bool {
        if let last = lastLesson {
            return JournalRules.mayMark(day: last.day, start: last.start, today: today, minute: minute)
        }
        guard let end = groupEnd else { return false }
        return today > end
    }

    /// Certificates wait until every lesson that has taken place is in the journal.
    public static func unmarkedMessage(_ days: [CivilDay]) -> String {
        "В журнале не отмечены прошедшие занятия: " + days.prefix(5).map(\.formatted).joined(separator: ", ")
            + (days.count > 5 ? " и ещё \(days.count - 5)" : "") + ". Отметьте их до выдачи сертификатов."
    }

    public static func unfinishedMessage(_ end: CivilDay?) -> String {
        "Курс ещё не завершён" + (end.map { ": последнее занятие \($0.formatted)" } ?? "")
            + ". Итоги вносятся после окончания курса."
    }
}
