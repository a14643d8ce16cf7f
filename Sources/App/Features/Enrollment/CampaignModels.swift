import Fluent
import Foundation
import Domain

/// An enrolment campaign: which programmes, when the window is open, how places are given (issue 3).
final class EnrollmentCampaign: RegistryRecord, @unchecked Sendable {
    static let schema = "enrollment_campaigns"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Field(key: "title") var title: String
    @Field(key: "opens_at") var opensAt: Date
    @Field(key: "closes_at") var closesAt: Date
    @Field(key: "mode") var mode: String
    @Field(key: "max_courses") var maxCourses: Int
    /// First-come mode: days the guardian and the school have to confirm before a held seat is freed.
    @Field(key: "confirm_days") var confirmDays: Int
    /// Ranked mode: the lottery seed, stored and shown for appeals.
    @OptionalField(key: "seed") var seed: String?
    @OptionalField(key: "distributed_at") var distributedAt: Date?
    @OptionalField(key: "distributed_by") var distributedBy: String?
    /// The lottery order (application ids, comma-separated), kept as it was drawn.
    @OptionalField(key: "lottery_order") var lotteryOrder: String?
    @Siblings(through: CampaignProgram.self, from: \.$campaign, to: \.$program) var programs: [NetworkProgram]
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    init() {}

    var campaignMode: CampaignMode { CampaignMode(rawValue: mode) ?? .firstCome }
    func isOpen(at now: Date = Date()) -> Bool { status == RecordStatus.active.rawValue && opensAt <= now && now < closesAt }
}

final class CampaignProgram: Model, @unchecked Sendable {
    static let schema = "campaign_programs"
    @ID(key: .id) var id: UUID?
    @Parent(key: "campaign_id") var campaign: EnrollmentCampaign
    @Parent(key: "program_id") var program: NetworkProgram
    init() {}
}

/// A student's individual curriculum (ИУП) in a campaign: ranked courses, the guardian's agreement, the school's confirmation.
final class CourseApplication: Model, @unchecked Sendable {
    static let schema = "applications"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "campaign_id") var campaign: EnrollmentCampaign
    @Parent(key: "student_id") var student: Student
    @Parent(key: "school_id") var school: Organization
    @Field(key: "state") var state: String
    @Field(key: "submitted_by_name") var submittedByName: String
    @Field(key: "submitted_at") var submittedAt: Date
    @OptionalField(key: "guardian_agreed_by") var guardianAgreedBy: String?
    @OptionalField(key: "guardian_agreed_at") var guardianAgreedAt: Date?
    /// pending, confirmed, refused.
    @Field(key: "school_decision") var schoolDecision: String
    @OptionalField(key: "school_decided_at") var schoolDecidedAt: Date?
    @OptionalField(key: "school_decided_by") var schoolDecidedBy: String?
    @OptionalField(key: "school_comment") var schoolComment: String?
    @OptionalField(key: "hold_expires_at") var holdExpiresAt: Date?
    @OptionalField(key: "closed_reason") var closedReason: String?
    @Field(key: "version") var version: Int
    @Children(for: \.$application) var choices: [ApplicationChoice]
    init() {}

    var applicationState: ApplicationState { ApplicationState(rawValue: state) ?? .submitted }
}

final class ApplicationChoice: Model, @unchecked Sendable {
    static let schema = "application_choices"
    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: CourseApplication
    @Field(key: "rank") var rank: Int
    @Parent(key: "group_id") var group: StudyGroup
    /// pending (ranked, before distribution), enrolled, waitlisted, unused (not needed), released (seat freed).
    @Field(key: "outcome") var outcome: String
    init() {}
}

/// A school's official number of students in one grade for one year.
final class SchoolHeadcount: Model, @unchecked Sendable {
    static let schema = "school_headcounts"
    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: Organization
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Field(key: "grade") var grade: Int
    @Field(key: "count") var count: Int
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}
