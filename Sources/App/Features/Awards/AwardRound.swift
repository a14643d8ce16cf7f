import Domain
import Fluent
import Foundation

/// A year's round of financial support for teachers (`GLOSSARY.md`: `TeacherAward`; issue 23, item 3): the budget set
/// by the administrator (e.g. 111 000 ₽), the rule (≥ `minimumYears` in the network) and the amounts' range; the КМЦ
/// assigns the amounts (`TeacherAward`) while the round is a draft, saving under the round's version; approving
/// freezes it and makes the order.
final class AwardRound: RegistryRecord, @unchecked Sendable {
    static let schema = "award_rounds"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    /// The academic year whose teachers are supported: years in the network are counted up to it, and its order on
    /// financial support names the round's teachers.
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Field(key: "budget") var budget: Int
    @Field(key: "minimum_years") var minimumYears: Int
    @Field(key: "amount_min") var amountMin: Int
    @Field(key: "amount_max") var amountMax: Int
    /// «draft» or «approved».
    @Field(key: "state") var state: String
    @OptionalField(key: "approved_by") var approvedBy: String?
    @OptionalField(key: "approved_at") var approvedAt: Date?
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _academicYear, _budget, _minimumYears, _amountMin, _amountMax, _state, _approvedBy,
            _approvedAt, _status, _version,
        ]
    }

    var rule: AwardRule { AwardRule(budget: budget, minimumYears: minimumYears, amounts: amountMin...amountMax) }
    var isApproved: Bool { state == "approved" }
}

/// One line of a round: money to a teacher, or a letter of gratitude (`kind`).
final class TeacherAward: Model, @unchecked Sendable {
    static let schema = "teacher_awards"
    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: AwardRound
    @Parent(key: "staff_id") var staff: StaffMember
    /// «money» or «gratitude».
    @Field(key: "kind") var kind: String
    @OptionalField(key: "amount") var amount: Int?
    /// Years in the network when the line was saved (the fact eligibility was decided on).
    @Field(key: "years") var years: Int
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _round, _staff, _kind, _amount, _years, _reason, _createdBy, _createdAt]
    }
}
