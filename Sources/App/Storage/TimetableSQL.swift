/// The timetable's rules as SQL, for the statements that check clashes inside the database (the enrolment paths).
enum TimetableSQL {
    /// `LessonSpan.overlaps` over two `lessons` rows: the same day, and each starts before the other ends (minutes are
    /// half-open intervals, so a lesson that ends at 15:00 does not clash with one that starts at 15:00).
    static func overlaps(_ a: String, _ b: String) -> String {
        "\(b).day = \(a).day AND \(b).start_minute < \(a).end_minute AND \(a).start_minute < \(b).end_minute"
    }
}
