import Domain
import Fluent
import Foundation

/// A subject of the All-Russian olympiad as a municipality lists it (issue 21), with the profiles it is held in.
final class OlympiadSubject: RegistryRecord, @unchecked Sendable {
    static let schema = "olympiad_subjects"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "name") var name: String
    @OptionalField(key: "profiles") var profiles: String?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int

    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [_id, _municipality, _name, _profiles, _searchKey, _sortKey, _status, _version]
    }
    init(municipalityID: UUID, name: String, profiles: String? = nil) {
        self.$municipality.id = municipalityID
        self.name = name
        self.profiles = profiles
        self.searchKey = TextKey.search(name)
        self.sortKey = TextKey.sort(name)
        self.status = RecordStatus.active.rawValue
        self.version = 1
    }
}

/// Gives every municipality created through Fluent the olympiad's built-in subjects (`OlympiadSubjects.builtIn`), in
/// the same transaction; the generator writes them with its rows.
struct OlympiadSubjectsSeed: AsyncModelMiddleware {
    func create(model: Municipality, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        let id = try model.requireID()
        try await OlympiadSubjects.builtIn.map {
            OlympiadSubject(municipalityID: id, name: $0.name, profiles: $0.profiles)
        }
        .create(on: db)
    }
}
