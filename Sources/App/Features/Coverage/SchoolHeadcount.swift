import Domain
import Fluent
import Foundation

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
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _school, _academicYear, _grade, _count, _updatedAt] }
}
