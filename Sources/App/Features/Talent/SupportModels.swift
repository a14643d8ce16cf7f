import Domain
import Fluent
import Foundation

/// A measure of support of a student (`GLOSSARY.md`: `SupportMeasure`; issue 21, item 5).
final class SupportMeasure: Model, @unchecked Sendable {
    static let schema = "support_measures"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Parent(key: "school_id") var school: Organization
    @Parent(key: "student_id") var student: Student
    /// `SupportKind`.
    @Field(key: "kind") var kind: String
    /// Roubles: the premium or grant, the stipend's monthly amount, the trip's costs.
    @Field(key: "amount") var amount: Int
    /// Roubles paid in all (a stipend's monthly amount times its months), summed by the list.
    @Field(key: "total") var total: Int
    @OptionalField(key: "starts_on") var startsOn: Int?
    @OptionalField(key: "ends_on") var endsOn: Int?
    @OptionalField(key: "destination") var destination: String?
    @OptionalField(key: "event") var event: String?
    @OptionalField(key: "budget_line") var budgetLine: String?
    @Field(key: "basis") var basis: String
    /// The candidate's achievement points when the measure was chosen.
    @Field(key: "points") var points: Int
    @OptionalField(key: "decree_number") var decreeNumber: String?
    @OptionalField(key: "decree_day") var decreeDay: Int?
    /// The authority's order that awards it (a draft while it is proposed, signed once awarded).
    @OptionalParent(key: "order_id") var order: Order?
    /// `SupportStatus`.
    @Field(key: "status") var status: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _academicYear, _school, _student, _kind, _amount, _total, _startsOn, _endsOn,
            _destination,
            _event, _budgetLine, _basis, _points, _decreeNumber, _decreeDay, _order, _status, _createdBy, _createdAt,
            _updatedBy, _updatedAt, _version,
        ]
    }

    var supportKind: SupportKind { SupportKind(rawValue: kind) ?? .premium }
    var supportStatus: SupportStatus { SupportStatus(rawValue: status) ?? .proposed }
    var isAwarded: Bool { supportStatus == .awarded }

    var input: SupportInput {
        SupportInput(
            kind: supportKind, amount: amount, startsOn: startsOn.map(CivilDay.init(number:)),
            endsOn: endsOn.map(CivilDay.init(number:)), destination: destination, event: event, budgetLine: budgetLine,
            basis: basis, decreeNumber: decreeNumber, decreeDay: decreeDay.map(CivilDay.init(number:)))
    }

    func apply(_ input: SupportInput) {
        kind = input.kind.rawValue
        amount = input.amount
        total = input.total
        startsOn = input.startsOn?.number
        endsOn = input.endsOn?.number
        destination = input.destination
        event = input.event
        budgetLine = input.budgetLine
        basis = input.basis
        decreeNumber = input.decreeNumber
        decreeDay = input.decreeDay?.number
        status = input.status.rawValue
    }
}

/// The administrator's weights of achievement points (one per municipality).
final class SupportWeightsRecord: Model, @unchecked Sendable {
    static let schema = "support_weights"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    /// `SupportPoints.stored`.
    @Field(key: "weights") var weights: String
    @Field(key: "years") var years: Int
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _municipality, _weights, _years, _updatedBy, _updatedAt, _version] }

    var points: SupportPoints { SupportPoints.read(weights, years: years) }
}
