import Domain
import Fluent
import Foundation

/// The administrator's rule of entry into the databank of gifted students (issue 21, item 4).
final class GiftedRuleRecord: Model, @unchecked Sendable {
    static let schema = "gifted_rules"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    /// `ContestLevel`.
    @Field(key: "min_level") var minLevel: String
    /// `AchievementResult`.
    @Field(key: "min_result") var minResult: String
    @Field(key: "years") var years: Int
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _minLevel, _minResult, _years, _updatedBy, _updatedAt, _version]
    }

    var rule: GiftedRule {
        GiftedRule(
            minLevel: ContestLevel(rawValue: minLevel) ?? .municipal,
            minResult: AchievementResult(rawValue: minResult) ?? .prizeWinner, years: years)
    }
}

/// The КМЦ's decision to enter a student into the databank, with its reason.
final class GiftedDecision: Model, @unchecked Sendable {
    static let schema = "gifted_decisions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: Organization
    @Parent(key: "student_id") var student: Student
    @Field(key: "reason") var reason: String
    @Field(key: "decided_by") var decidedBy: String
    @Field(key: "decided_at") var decidedAt: Date

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _municipality, _school, _student, _reason, _decidedBy, _decidedAt] }
}
