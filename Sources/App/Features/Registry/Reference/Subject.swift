import Domain
import Fluent
import Foundation

final class Subject: RegistryRecord, @unchecked Sendable {
    static let schema = "subjects"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "name") var name: String
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [_id, _municipality, _name, _searchKey, _sortKey, _status, _version] }
    init(municipalityID: UUID, name: String) {
        self.$municipality.id = municipalityID
        self.name = name
        self.searchKey = TextKey.search(name)
        self.sortKey = TextKey.sort(name)
        self.status = RecordStatus.active.rawValue
        self.version = 1
    }
}
