import Fluent
import Foundation
import Views

/// A list of students the КМЦ composes for a group and sends to the centre, which accepts or returns it.
final class EnrollmentList: Model, @unchecked Sendable {
    static let schema = "enrollment_lists"
    enum State: String {
        case draft, sent, accepted, returned
        var title: String { EnrollmentWords.Lists.state(rawValue) }
    }
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "group_id") var group: StudyGroup
    @Field(key: "state") var state: String
    @Field(key: "created_by_name") var createdByName: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "version") var version: Int
    @Children(for: \.$list) var items: [EnrollmentListItem]
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _group, _state, _createdByName, _createdAt, _sentAt, _decidedAt, _decidedByName,
            _comment, _version, _items,
        ]
    }
}
