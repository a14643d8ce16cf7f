import Domain
import Fluent
import Foundation

/// A line of the municipal programme's budget for a year (issue 23, item 6): what it pays for, the planned amount, and
/// the money used by its entries (committed and paid), kept with each entry's write.
final class BudgetLine: RegistryRecord, @unchecked Sendable {
    static let schema = "budget_lines"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    /// The financial (calendar) year of the programme.
    @Field(key: "year") var year: Int
    /// `BudgetKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    /// Roubles.
    @Field(key: "planned") var planned: Int
    /// Roubles committed and paid; changed only by the entries' conditional writes (`BudgetEntries`).
    @Field(key: "used") var used: Int
    @OptionalField(key: "note") var note: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _year, _kind, _title, _planned, _used, _note, _searchKey, _status, _version]
    }

    var budgetKind: BudgetKind { BudgetKind(rawValue: kind) ?? .other }
}

/// Money committed or paid from a line for one purpose, naming the record it pays for.
final class BudgetEntry: Model, @unchecked Sendable {
    static let schema = "budget_entries"
    @ID(key: .id) var id: UUID?
    @Parent(key: "line_id") var line: BudgetLine
    @Parent(key: "municipality_id") var municipality: Municipality
    /// Roubles.
    @Field(key: "amount") var amount: Int
    @Field(key: "purpose") var purpose: String
    /// `BudgetSource` and the record's id; the record's name as it was when the entry was made.
    @OptionalField(key: "source_kind") var sourceKind: String?
    @OptionalField(key: "source_id") var sourceID: UUID?
    @OptionalField(key: "source_title") var sourceTitle: String?
    /// `BudgetEntryState`.
    @Field(key: "state") var state: String
    /// Days (`CivilDay.number`).
    @Field(key: "committed_on") var committedOn: Int
    @OptionalField(key: "paid_on") var paidOn: Int?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _line, _municipality, _amount, _purpose, _sourceKind, _sourceID, _sourceTitle, _state, _committedOn,
            _paidOn, _createdBy, _createdAt, _updatedBy, _updatedAt, _version,
        ]
    }

    var entryState: BudgetEntryState { BudgetEntryState(rawValue: state) ?? .committed }
}
