import Domain
import Fluent
import Foundation

/// An olympiad, contest, conference, festival or competition (issue 21): where achievements come from; its yearly
/// editions (`ContestEdition`) gather the results over the years.
final class Contest: RegistryRecord, @unchecked Sendable {
    static let schema = "contests"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "title") var title: String
    /// `ContestKind`.
    @Field(key: "kind") var kind: String
    /// `ContestLevel`: the level its editions have unless one says otherwise (the ВсОШ's editions are its stages).
    @Field(key: "level") var level: String
    /// `ContestDirection`.
    @Field(key: "direction") var direction: String
    @Field(key: "organizer") var organizer: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _title, _kind, _level, _direction, _organizer, _note, _searchKey, _sortKey, _status,
            _version,
        ]
    }

    var contestKind: ContestKind { ContestKind(rawValue: kind) ?? .contest }
}

/// A contest held in an academic year at a level (for the ВсОШ: its stage), with its dates and place.
final class ContestEdition: RegistryRecord, @unchecked Sendable {
    static let schema = "contest_editions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "contest_id") var contest: Contest
    @Parent(key: "academic_year_id") var academicYear: AcademicYear
    /// `ContestLevel`.
    @Field(key: "level") var level: String
    @OptionalField(key: "starts_on") var startsOn: Date?
    @OptionalField(key: "ends_on") var endsOn: Date?
    @OptionalField(key: "place") var place: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _contest, _academicYear, _level, _startsOn, _endsOn, _place, _searchKey, _sortKey,
            _status, _version,
        ]
    }

    var contestLevel: ContestLevel { ContestLevel(rawValue: level) ?? .municipal }
}
