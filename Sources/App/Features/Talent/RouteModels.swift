import Domain
import Fluent
import Foundation

/// A databank student's individual educational route in a year (`GLOSSARY.md`: `IndividualRoute`; issue 21, item 6).
final class IndividualRoute: Model, @unchecked Sendable {
    static let schema = "individual_routes"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    @Parent(key: "school_id") var school: Organization
    @Parent(key: "student_id") var student: Student
    @Field(key: "goals") var goals: String
    @OptionalField(key: "mentor") var mentor: String?
    /// Who answers for the route at the school (a class teacher, a deputy head).
    @Field(key: "curator") var curator: String
    /// `RouteStatus`.
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
            _id, _municipality, _academicYear, _school, _student, _goals, _mentor, _curator, _status, _createdBy,
            _createdAt, _updatedBy, _updatedAt, _version,
        ]
    }

    var routeStatus: RouteStatus { RouteStatus(rawValue: status) ?? .active }

    func apply(_ input: RouteInput) {
        goals = input.goals
        mentor = input.mentor
        curator = input.curator
        status = input.status.rawValue
    }
}

/// A step of a route: an activity with its milestone.
final class IndividualRouteStep: Model, @unchecked Sendable {
    static let schema = "individual_route_steps"
    @ID(key: .id) var id: UUID?
    @Parent(key: "route_id") var route: IndividualRoute
    /// `RouteStepKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @OptionalField(key: "starts_on") var startsOn: Int?
    @Field(key: "due_on") var dueOn: Int
    /// `RouteStepStatus`.
    @Field(key: "status") var status: String
    @OptionalField(key: "result") var result: String?
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _route, _kind, _title, _startsOn, _dueOn, _status, _result, _version] }

    var input: RouteStepInput {
        RouteStepInput(
            kind: RouteStepKind(rawValue: kind) ?? .other, title: title, startsOn: startsOn.map(CivilDay.init(number:)),
            dueOn: CivilDay(number: dueOn), status: RouteStepStatus(rawValue: status) ?? .planned, result: result)
    }

    func apply(_ input: RouteStepInput) {
        kind = input.kind.rawValue
        title = input.title
        startsOn = input.startsOn?.number
        dueOn = input.dueOn.number
        status = input.status.rawValue
        result = input.result
    }
}

/// A psychological-pedagogical support note of a route: the school's confidential record.
final class RouteSupportNote: Model, @unchecked Sendable {
    static let schema = "route_support_notes"
    @ID(key: .id) var id: UUID?
    @Parent(key: "route_id") var route: IndividualRoute
    @Field(key: "noted_on") var notedOn: Int
    @Field(key: "text") var text: String
    @Field(key: "author") var author: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _route, _notedOn, _text, _author, _createdAt] }
}
