import Domain
import Fluent
import SQLKit
import Vapor

extension StudentImportService {
    /// The registry's children of a municipality (bind: its id) whose identity key follows: `= ANY(…)` or `IN (…)`.
    static let registeredSelect = """
        SELECT s.id AS id, s.identity_key AS identity_key, s.school_id AS school_id, o.short_name AS school_name,
          s.surname AS surname, s.given_name AS given_name, s.patronymic AS patronymic, s.grade AS grade,
          s.letter AS letter, s.sex AS sex, s.special_needs AS special_needs, s.consent_on AS consent_on,
          s.consent_by AS consent_by, s.status AS status, s.version AS version
        FROM students s JOIN organizations o ON o.id = s.school_id
        WHERE s.municipality_id = ? AND s.identity_key
        """

    /// A row of `registeredSelect`.
    static func registeredChild(_ row: some NamedRow) -> Registered? {
        guard let id = row.uuid("id"), let school = row.uuid("school_id") else { return nil }
        let name = [row.text("surname"), row.text("given_name"), row.optionalText("patronymic")]
        return Registered(
            id: id, identityKey: row.text("identity_key"), schoolID: school, schoolName: row.text("school_name"),
            fullName: name.compactMap { $0 }.joined(separator: " "), grade: row.int("grade"),
            letter: row.optionalText("letter"), sex: row.optionalText("sex"), specialNeeds: row.bool("special_needs"),
            consentOn: row.date("consent_on"), consentBy: row.optionalText("consent_by"), status: row.text("status"),
            version: row.int("version"))
    }
}
