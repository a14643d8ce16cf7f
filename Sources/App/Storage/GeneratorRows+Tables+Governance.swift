import Foundation

/// The generated network's governing and people tables (issues 22 and 23), after the registry's, in flush order.
extension GeneratorRows {
    /// Plans, reports, programmes, meetings, events, professional development — parents first.
    static let governanceTables: [(table: String, columns: [String])] = [
        (
            "plans",
            [
                "id", "municipality_id", "organization_id", "owner_key", "template_key", "title", "year", "created_by",
                "created_at", "updated_by", "updated_at", "version",
            ]
        ),
        (
            "plan_items",
            [
                "id", "plan_id", "municipality_id", "organization_id", "side", "section", "number", "position",
                "measure", "deadline", "due_on", "starts_on", "quarter", "evidence_required", "status", "done_on",
                "responsible", "responsible_user_id", "evidence_note", "evidence_link", "cancel_reason", "updated_by",
                "updated_at", "version",
            ]
        ),
        (
            "report_campaigns",
            [
                "id", "municipality_id", "form_key", "title", "year", "quarter", "period_from", "period_to", "due_on",
                "created_by", "created_at", "version",
            ]
        ),
        (
            "reports",
            [
                "id", "campaign_id", "municipality_id", "organization_id", "status", "answers", "computed",
                "submitted_at", "submitted_by", "late", "return_comment", "returned_at", "returned_by", "updated_by",
                "updated_at", "version",
            ]
        ),
        (
            "activity_programs",
            [
                "id", "municipality_id", "organization_id", "resource_center_id", "start_year", "status", "content",
                "return_comment", "submitted_at", "decided_at", "decided_by", "plan_id", "created_by", "created_at",
                "updated_by", "updated_at", "version",
            ]
        ),
        (
            "technical_assignments",
            [
                "id", "municipality_id", "organization_id", "title", "basis", "goals", "content", "results",
                "financing", "starts_on", "ends_on", "deliverables", "status", "plan_id", "issued_at", "issued_by",
                "created_by", "created_at", "updated_by", "updated_at", "version",
            ]
        ),
        (
            "kmc_members",
            [
                "id", "municipality_id", "full_name", "organization_id", "position", "kmc_role", "term_from",
                "term_to", "decree_number", "decree_date", "search_key", "sort_key", "status", "version",
            ]
        ),
        (
            "meetings",
            [
                "id", "municipality_id", "held_on", "title", "agenda", "status", "minutes", "created_by", "created_at",
                "updated_by", "updated_at", "version",
            ]
        ),
        ("meeting_participants", ["id", "meeting_id", "kmc_member_id", "present"]),
        (
            "events",
            [
                "id", "municipality_id", "organization_id", "kind", "audience", "title", "description", "starts_on",
                "ends_on", "starts_at", "ends_at", "place", "link", "capacity", "registered_count",
                "registration_until", "is_public", "results", "materials", "search_key", "status", "version",
            ]
        ),
        (
            "event_registrations",
            [
                "id", "event_id", "student_id", "user_id", "full_name", "organization_id", "attended",
                "registered_by", "created_at",
            ]
        ),
        (
            "professional_development",
            [
                "id", "municipality_id", "staff_id", "course", "provider", "hours", "starts_on", "ends_on", "trip",
                "is_completed", "certificate", "note", "search_key", "status", "version",
            ]
        ),
        (
            "award_rounds",
            [
                "id", "municipality_id", "academic_year_id", "budget", "minimum_years", "amount_min", "amount_max",
                "state",
                "approved_by", "approved_at", "status", "version",
            ]
        ),
        (
            "budget_lines",
            [
                "id", "municipality_id", "year", "kind", "title", "planned", "used", "note", "search_key", "status",
                "version",
            ]
        ),
        (
            "budget_entries",
            [
                "id", "line_id", "municipality_id", "amount", "purpose", "source_kind", "source_id", "source_title",
                "state", "committed_on", "paid_on", "created_by", "created_at", "updated_by", "updated_at", "version",
            ]
        ),
        ("meeting_decisions", ["id", "meeting_id", "position", "text", "responsible", "due_on", "plan_item_id"]),
        (
            "designation_hearings",
            [
                "id", "municipality_id", "resource_center_id", "meeting_id", "decision", "reasoning", "next_center_id",
                "created_by", "created_at",
            ]
        ),
        (
            "activity_program_versions",
            [
                "id", "program_id", "number", "content", "submitted_by", "submitted_at", "status", "comment",
                "decided_by", "decided_at",
            ]
        ),
    ]
}
