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
    static func registeredChild(_ r: some NamedRow) -> Registered? {
        guard let id = r.uuid("id"), let school = r.uuid("school_id") else { return nil }
        let name = [r.text("surname"), r.text("given_name"), r.optionalText("patronymic")]
        return Registered(
            id: id, identityKey: r.text("identity_key"), schoolID: school, schoolName: r.text("school_name"),
            fullName: name.compactMap { $0 }.joined(separator: " "), grade: r.int("grade"),
            letter: r.optionalText("letter"), sex: r.optionalText("sex"), specialNeeds: r.bool("special_needs"),
            consentOn: r.date("consent_on"), consentBy: r.optionalText("consent_by"), status: r.text("status"),
            version: r.int("version"))
    }
}
