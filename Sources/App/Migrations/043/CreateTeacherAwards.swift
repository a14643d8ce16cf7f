import Fluent
import SQLKit

/// The yearly round of financial support for the network's teachers and its lines (issue 23, item 3;
/// `002_f5d848fa5a191e3f.txt` §15–18): one round per municipality and academic year with its budget, the rule's minimum years
/// and the amounts' range; one line per teacher and kind (money or a letter of gratitude) in a round.
struct CreateTeacherAwards: AsyncMigration {
    var name: String { "043_CreateTeacherAwards" }

    func prepare(on db: any Database) async throws {
        try await db.schema("award_rounds").id()
            .field("municipality_id", .uuid, .required, .references("municipalities", "id"))
            .field("academic_year_id", .uuid, .required, .references("academic_years", "id"))
            .field("budget", .int, .required)
            .field("minimum_years", .int, .required)
            .field("amount_min", .int, .required)
            .field("amount_max", .int, .required)
            .field("state", .string, .required)
            .field("approved_by", .string)
            .field("approved_at", .datetime)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .unique(on: "municipality_id", "academic_year_id")
            .constraint(
                .sql(
                    unsafeRaw: "CHECK (budget >= 0 AND minimum_years >= 1 AND amount_min > 0 "
                        + "AND amount_max >= amount_min AND state IN ('draft', 'approved'))")
            )
            .create()
        try await db.schema("teacher_awards").id()
            .field("round_id", .uuid, .required, .references("award_rounds", "id"))
            .field("staff_id", .uuid, .required, .references("staff", "id"))
            .field("kind", .string, .required)
            .field("amount", .int)
            .field("years", .int, .required)
            .field("reason", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "round_id", "staff_id", "kind")
            // Money has an amount, a letter of gratitude none.
            .constraint(
                .sql(
                    unsafeRaw: "CHECK ((kind = 'money' AND amount > 0) OR (kind = 'gratitude' AND amount IS NULL))")
            )
            .create()
        try await db.sql().create(index: "teacher_awards_staff").on("teacher_awards").column("staff_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("teacher_awards").delete()
        try await db.schema("award_rounds").delete()
    }
}
