import Domain
import Fluent
import Foundation

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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _academicYear, _title, _opensAt, _closesAt, _mode, _maxCourses, _confirmDays, _seed,
            _distributedAt, _distributedBy, _lotteryOrder, _programs, _searchKey, _sortKey, _status, _version,
        ]
    }

    var campaignMode: CampaignMode { CampaignMode(rawValue: mode) ?? .firstCome }
    func isOpen(at now: Date = Date()) -> Bool {
        status == RecordStatus.active.rawValue && opensAt <= now && now < closesAt
    }
}
