import Foundation

/// The tables the generated network fills, in the order a flush writes them.
extension GeneratorRows {
    /// Every table the generator fills, parents first, with its columns in the order a row's values are given.
    static let order: [(table: String, columns: [String])] = registryTables + governanceTables

    /// The registry, teaching and talent tables, parents first.
    static let registryTables: [(table: String, columns: [String])] = [
        (
            "municipalities",
            [
                "id", "name", "time_zone", "created_at", "certificate_series", "certificate_min_attendance",
                "last_student_number",
            ]
        ),
        (
            "organizations",
            [
                "id", "municipality_id", "kind", "full_name", "short_name", "address", "phone", "email", "website",
                "head_name", "status", "search_key", "sort_key", "version", "created_at", "updated_at",
            ]
        ),
        (
            "academic_years",
            ["id", "municipality_id", "title", "starts_on", "ends_on", "is_current", "status", "version"]
        ),
        (
            "holiday_periods",
            [
                "id", "municipality_id", "academic_year_id", "title", "kind", "first_day", "last_day", "status",
                "version",
            ]
        ),
        ("subjects", ["id", "municipality_id", "name", "search_key", "sort_key", "status", "version"]),
        (
            "resource_centers",
            [
                "id", "organization_id", "academic_year_id", "directions", "profiles", "decree_number", "decree_date",
                "status", "version",
            ]
        ),
        ("resource_center_subjects", ["id", "resource_center_id", "subject_id"]),
        (
            "rooms",
            ["id", "organization_id", "name", "capacity", "note", "search_key", "sort_key", "status", "version"]
        ),
        (
            "users",
            [
                "id", "username", "full_name", "password_hash", "is_active", "must_change_password", "search_key",
                "sort_key", "version", "created_at",
            ]
        ),
        (
            "role_assignments",
            ["id", "user_id", "role", "municipality_id", "organization_id", "valid_from", "valid_to"]
        ),
        (
            "staff",
            [
                "id", "municipality_id", "surname", "given_name", "patronymic", "position", "category",
                "is_outside_trainer", "phone", "email", "user_id", "search_key", "sort_key", "status", "version",
            ]
        ),
        ("staff_organizations", ["id", "staff_id", "organization_id"]),
        ("staff_subjects", ["id", "staff_id", "subject_id"]),
        ("students", StudentImportService.studentColumns + ["user_id"]),
        (
            "guardians",
            [
                "id", "municipality_id", "student_id", "full_name", "relation", "phone", "email", "user_id",
                "status", "version", "created_at",
            ]
        ),
        (
            "network_programs",
            [
                "id", "organization_id", "academic_year_id", "title", "kind", "subject_id", "profile", "target",
                "grade_from", "grade_to", "hours", "form", "modules", "description", "results", "approval",
                "search_key", "sort_key", "status", "version",
            ]
        ),
        ("program_teachers", ["id", "program_id", "staff_id"]),
        (
            "study_groups",
            [
                "id", "program_id", "organization_id", "academic_year_id", "name", "search_key", "capacity",
                "enrolled_count", "waitlist_seq", "planned_hours", "teacher_id", "room_id", "starts_on", "ends_on",
                "is_open", "status", "version",
            ]
        ),
        ("enrollments", ["id", "student_id", "group_id", "status", "created_at", "updated_at", "source"]),
        (
            "lesson_patterns",
            [
                "id", "group_id", "weekday", "start_minute", "hours", "room_id", "first_day", "last_day", "created_at",
                "created_by",
            ]
        ),
        (
            "lessons",
            [
                "id", "group_id", "pattern_id", "day", "start_minute", "end_minute", "hours", "room_id", "teacher_id",
                "status", "version", "updated_at",
            ]
        ),
        ("lesson_records", ["id", "lesson_id", "topic", "hours", "marked_at", "marked_by", "version"]),
        ("attendance_marks", ["id", "lesson_id", "student_id", "status"]),
        (
            "final_results",
            [
                "id", "group_id", "student_id", "form", "passed", "grade", "result_day", "recorded_by", "recorded_at",
                "version",
            ]
        ),
        (
            "certificates",
            [
                "id", "municipality_id", "year", "sequence", "number", "verification_code", "student_id", "group_id",
                "student_name", "search_key", "initials", "program_title", "hours", "center_name", "first_day",
                "last_day", "issued_at", "issued_by", "status",
            ]
        ),
        ("certificate_counters", ["id", "municipality_id", "year", "last_sequence"]),
        (
            "olympiad_subjects",
            ["id", "municipality_id", "name", "profiles", "search_key", "sort_key", "status", "version"]
        ),
        (
            "contests",
            [
                "id", "municipality_id", "title", "kind", "level", "direction", "organizer", "note", "search_key",
                "sort_key", "status", "version",
            ]
        ),
        (
            "contest_editions",
            [
                "id", "municipality_id", "contest_id", "academic_year_id", "level", "starts_on", "ends_on", "place",
                "search_key", "sort_key", "status", "version",
            ]
        ),
        (
            "achievements",
            [
                "id", "municipality_id", "school_id", "student_id", "edition_id", "subject_id", "nomination",
                "subject_key", "result", "score", "place", "grade_studied", "grade_competed", "achieved_on",
                "prepared_by", "document_number", "search_key", "sort_key", "status", "version",
            ]
        ),
        (
            "olympiad_stages",
            [
                "id", "municipality_id", "academic_year_id", "subject_id", "edition_id", "quota_percent",
                "winner_min_percent", "prize_min_percent", "published_at", "published_by", "search_key", "sort_key",
                "status", "version",
            ]
        ),
        ("olympiad_stage_grades", ["id", "stage_id", "grade", "passing_score", "task_maxima"]),
        (
            "olympiad_participants",
            [
                "id", "stage_id", "municipality_id", "school_id", "student_id", "code", "grade_studied",
                "grade_competed", "task_scores", "total", "invited_as", "sort_key", "version",
            ]
        ),
        (
            "support_measures",
            [
                "id", "municipality_id", "academic_year_id", "school_id", "student_id", "kind", "amount", "total",
                "starts_on", "ends_on", "destination", "event", "budget_line", "basis", "points", "decree_number",
                "decree_day", "order_id", "status", "created_by", "created_at", "updated_by", "updated_at", "version",
            ]
        ),
        (
            "individual_routes",
            [
                "id", "municipality_id", "academic_year_id", "school_id", "student_id", "goals", "mentor", "curator",
                "status", "created_by", "created_at", "updated_by", "updated_at", "version",
            ]
        ),
        (
            "individual_route_steps",
            ["id", "route_id", "kind", "title", "starts_on", "due_on", "status", "result", "version"]
        ),
    ]
}
