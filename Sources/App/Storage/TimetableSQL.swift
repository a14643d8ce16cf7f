/// The timetable's rules as SQL, for the statements that check clashes inside the database (the enrolment paths).
enum TimetableSQL {
    /// `LessonSpan.overlaps` over two `lessons` rows: the same day, and each starts before the other ends (minutes are
    /// half-open intervals, so a lesson that ends at 15:00 does not clash with one that starts at 15:00).
    static func overlaps(_ lesson: String, _ other: String) -> String {
        "\(other).day = \(lesson).day AND \(other).start_minute < \(lesson).end_minute AND \(lesson).start_minute < \(other).end_minute"
    }
}
