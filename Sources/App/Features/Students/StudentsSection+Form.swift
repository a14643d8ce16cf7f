import Domain
import Fluent
import Vapor
import Views

/// The student form: its fields, the record's values in it, and the checks and writes of a save.
extension StudentsSection {
    func fields(_ req: Request, record: Student?) async throws -> [FieldSpec] {
        let municipalityID = try RegistrySupport.municipality(req)
        let schools = try await RegistrySupport.writableOrganizations(
            req, municipalityID: municipalityID, kinds: [.school]
        ) {
            .student(school: $0)
        }
        return StudentFormPage(schools: schools).fields
    }

    func values(_ record: Student, req: Request) async throws -> FormValues {
        let zone = try await RegistrySupport.zone(req)
        return FormValues(single: [
            "school": record.$school.id.uuidString.lowercased(), "surname": record.surname,
            "givenName": record.givenName,
            "patronymic": record.patronymic ?? "",
            "birthDate": RuDate.format(record.birthDate, timeZone: zone), "sex": record.sex ?? "",
            "grade": String(record.grade),
            "letter": record.letter ?? "",
            "specialNeeds": record.specialNeeds ? "yes" : "", "consentOn": RegistrySupport.date(record.consentOn, zone),
            "consentBy": record.consentBy ?? "",
            "publicationConsentOn": RegistrySupport.date(record.publicationConsentOn, zone),
            "publicationConsentBy": record.publicationConsentBy ?? "",
        ])
    }

    func apply(_ form: FormValues, to record: Student, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws
        -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let zone = try await RegistrySupport.zone(req)
        let school = try await RegistrySupport.organization(
            form["school"], field: "school", municipalityID: municipalityID, errors: &errors, on: req.db)
        if let school, school.orgKind != .school || !req.can(isNew ? .create : .update, .student(school: school.ref)) {
            errors.add("school", StudentsWords.Check.notYourSchool)
        }
        let surname = errors.personName("surname", form["surname"], required: true) ?? ""
        let given = errors.personName("givenName", form["givenName"], required: true) ?? ""
        let patronymic = errors.personName("patronymic", form["patronymic"], required: false)
        let birth = errors.date("birthDate", form["birthDate"], timeZone: zone, required: true)
        if let birth, birth > Date() { errors.add("birthDate", StudentsWords.Check.birthInFuture) }
        var sex: Sex?
        if let raw = form["sex"], !raw.isEmpty { sex = errors.choice("sex", raw, as: Sex.self) }
        let grade = errors.integer("grade", form["grade"], range: 1...11, required: true)
        let letter = errors.optional("letter", form["letter"], max: 3).map(ClassLetter.normalized)
        if let letter, !ClassLetter.isValid(letter) { errors.add("letter", ClassLetter.message) }
        let consentOn = errors.date("consentOn", form["consentOn"], timeZone: zone, required: false)
        let consentBy = errors.optional("consentBy", form["consentBy"], max: 200)
        if consentOn != nil && consentBy == nil { errors.add("consentBy", StudentsWords.Check.consentByMissing) }
        let publicationOn = errors.date(
            "publicationConsentOn", form["publicationConsentOn"], timeZone: zone, required: false)
        let publicationBy = errors.optional("publicationConsentBy", form["publicationConsentBy"], max: 200)
        if publicationOn != nil && publicationBy == nil {
            errors.add("publicationConsentBy", StudentsWords.Check.consentByMissing)
        }
        if let publicationOn, publicationOn > Date() {
            errors.add("publicationConsentOn", StudentsWords.Check.consentInFuture)
        }
        var key = ""
        if let birth, !surname.isEmpty, !given.isEmpty {
            key = StudentIdentity.key(
                surname: surname, givenName: given, patronymic: patronymic, birthDate: birth, timeZone: zone)
            if let twin = try await Student.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                \.$identityKey == key
            ).first(), twin.id != record.id {
                if twin.$school.id == school?.id
                    || req.can(.read, .student(school: OrgRef(id: twin.$school.id, municipalityID: municipalityID)))
                {
                    errors.add(
                        "surname",
                        StudentsWords.Check.duplicate(
                            name: twin.fullName, birth: RuDate.format(twin.birthDate, timeZone: zone)))
                } else {
                    // Another school's child: say so without revealing who or where.
                    errors.add("surname", StudentsWords.Check.duplicateElsewhere)
                }
            }
        }
        if let consentDate = consentOn, consentDate > Date() {
            errors.add("consentOn", StudentsWords.Check.consentInFuture)
        }
        // A new consent dated on or after the withdrawal means the school has received a new consent.
        var clearWithdrawal = false
        if let withdrawn = record.consentWithdrawnAt, let consentDate = consentOn, consentDate != record.consentOn {
            let day = Calendar(identifier: .gregorian).startOfDay(for: withdrawn).addingTimeInterval(-86_400)
            if consentDate < day {
                errors.add(
                    "consentOn",
                    StudentsWords.Check.consentBeforeWithdrawal(RuDate.format(withdrawn, timeZone: zone)))
            } else {
                clearWithdrawal = true
            }
        }
        guard errors.isEmpty, let school, let birth, let grade else { return nil }
        record.$municipality.id = municipalityID
        record.$school.id = try school.requireID()
        record.$school.value = school
        record.surname = surname
        record.givenName = given
        record.patronymic = patronymic
        record.birthDate = birth
        record.sex = sex?.rawValue
        record.grade = grade
        record.letter = letter
        record.specialNeeds = form.all("specialNeeds").contains("yes")
        if clearWithdrawal {
            record.consentWithdrawnAt = nil
            record.consentWithdrawnBy = nil
        }
        record.consentOn = consentOn
        record.consentBy = consentBy
        record.publicationConsentOn = publicationOn
        record.publicationConsentBy = publicationOn == nil ? nil : publicationBy
        record.identityKey = key
        record.searchKey = TextKey.search(surname, given, patronymic)
        record.sortKey = TextKey.sort([surname, given, patronymic ?? ""].joined(separator: " "))
        return { _ in }
    }
}
