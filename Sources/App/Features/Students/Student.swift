import Fluent
import Foundation

/// A learner of a school (personal data of a minor: access through the policy, every change audited).
final class Student: RegistryRecord, @unchecked Sendable {
    static let schema = "students"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: Organization
    @Field(key: "surname") var surname: String
    @Field(key: "given_name") var givenName: String
    @OptionalField(key: "patronymic") var patronymic: String?
    @Field(key: "birth_date") var birthDate: Date
    @Field(key: "grade") var grade: Int
    @OptionalField(key: "letter") var letter: String?
    @OptionalField(key: "sex") var sex: String?
    @Field(key: "special_needs") var specialNeeds: Bool
    /// Consent to the processing of personal data: when, and who gave it (a guardian for a minor).
    @OptionalField(key: "consent_on") var consentOn: Date?
    @OptionalField(key: "consent_by") var consentBy: String?
    /// Surname, name, patronymic and birth date normalised: duplicates are found by it.
    @Field(key: "identity_key") var identityKey: String
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "search_key") var searchKey: String
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    /// The import that created this record, so that the import can be undone.
    @OptionalField(key: "import_batch_id") var importBatchID: UUID?
    /// A guardian withdrew the consent (the school and the КМЦ see it at once).
    @OptionalField(key: "consent_withdrawn_at") var consentWithdrawnAt: Date?
    @OptionalField(key: "consent_withdrawn_by") var consentWithdrawnBy: String?
    /// Unique within the municipality, given on registration and never changed (`StudentRegistryNumbers`): how the
    /// child is shown to those who may not see the name.
    @OptionalField(key: "registry_number") var registryNumber: Int?
    /// Consent to publishing the child's name with their achievements (152-ФЗ art. 10.1; issue 21, item 7): when, and
    /// who gave it. Withdrawn, both are cleared (the audit keeps the history).
    @OptionalField(key: "publication_consent_on") var publicationConsentOn: Date?
    @OptionalField(key: "publication_consent_by") var publicationConsentBy: String?
    init() {}
    /// Every property wrapper above, listed so that FluentKit need not find them by reflection (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            _id, _municipality, _school, _surname, _givenName, _patronymic, _birthDate, _grade, _letter, _sex,
            _specialNeeds, _consentOn, _consentBy, _identityKey, _user, _searchKey, _sortKey, _status, _version,
            _importBatchID, _consentWithdrawnAt, _consentWithdrawnBy, _registryNumber, _publicationConsentOn,
            _publicationConsentBy,
        ]
    }

    var fullName: String { Self.fullName(surname: surname, givenName: givenName, patronymic: patronymic) }
    static func fullName(surname: String, givenName: String, patronymic: String?) -> String {
        [surname, givenName, patronymic].compactMap { $0 }.joined(separator: " ")
    }
    /// Consent is in force: given and not withdrawn since.
    var hasConsent: Bool { consentOn != nil && consentWithdrawnAt == nil }
    /// The child's name may be published with their achievements: both consents are in force.
    var mayPublish: Bool { hasConsent && publicationConsentOn != nil }
}
