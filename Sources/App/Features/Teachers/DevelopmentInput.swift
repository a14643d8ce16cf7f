import Domain
import Fluent
import Vapor
import Views

/// A course's form read and checked — one place for the page and the API.
struct DevelopmentInput {
    var staff: StaffMember
    var course: String
    var provider: String
    var hours: Int
    var startsOn: CivilDay
    var endsOn: CivilDay
    var trip: DevelopmentTrip
    var isCompleted: Bool
    var certificate: String?
    var note: String?

    /// The form checked; nil with `errors` beside the fields when a check fails. `record`: the course being changed.
    static func read(_ form: FormValues, record: DevelopmentCourse?, req: Request, errors: inout FieldErrors)
        async throws -> DevelopmentInput?
    {
        typealias Check = DevelopmentWords.Check
        let municipalityID = try record?.$municipality.id ?? RegistrySupport.municipality(req)
        var staff: StaffMember?
        if let id = form["teacher"].flatMap(UUID.init(uuidString:)),
            let person = try await StaffMember.find(id, on: req.db), person.$municipality.id == municipalityID
        {
            let kept = record?.$staff.id == id
            if !kept && person.status != RecordStatus.active.rawValue { errors.add("teacher", Check.teacherArchived) }
            let resource = try await DevelopmentScope.resource(of: person, on: req.db)
            if kept || req.can(.create, resource) {
                staff = person
            } else {
                errors.add("teacher", Check.teacherNotYours)
            }
        } else {
            errors.add("teacher", Check.teacherRequired)
        }
        let course = errors.required("course", form["course"], max: 300)
        let provider = errors.required("provider", form["provider"], max: 300)
        let hours = errors.integer("hours", form["hours"], range: 1...2000, required: true)
        if hours == nil && errors["hours"] == nil { errors.add("hours", Check.hours) }
        let startsOn = errors.day("startsOn", form["startsOn"], required: true)
        let endsOn = errors.day("endsOn", form["endsOn"], required: false) ?? startsOn
        if let startsOn, let endsOn {
            if endsOn < startsOn { errors.add("endsOn", Check.endBeforeStart) }
            if endsOn.number - startsOn.number > 366 { errors.add("endsOn", Check.tooLong) }
        }
        let trip = DevelopmentTrip(rawValue: form["trip"] ?? "")
        if trip == nil { errors.add("trip", Check.tripFromList) }
        let isCompleted = form["completed"] == "yes"
        let certificate = errors.optional("certificate", form["certificate"], max: 100)
        if isCompleted {
            if let endsOn, endsOn > CivilDay(Date(), timeZone: try await RegistrySupport.zone(req)) {
                errors.add("completed", Check.completedBeforeEnd)
            }
            if certificate == nil && errors["certificate"] == nil {
                errors.add("certificate", Check.certificateRequired)
            }
        }
        let note = errors.optional("note", form["note"], max: 4000)
        guard errors.isEmpty, let staff, let hours, let startsOn, let endsOn, let trip else { return nil }
        return DevelopmentInput(
            staff: staff, course: course, provider: provider, hours: hours, startsOn: startsOn, endsOn: endsOn,
            trip: trip, isCompleted: isCompleted, certificate: certificate, note: note)
    }

    func apply(to record: DevelopmentCourse, municipalityID: UUID) {
        record.$municipality.id = municipalityID
        record.$staff.id = staff.id!
        record.course = course
        record.provider = provider
        record.hours = hours
        record.startsOn = startsOn.number
        record.endsOn = endsOn.number
        record.trip = trip.rawValue
        record.isCompleted = isCompleted
        record.certificate = certificate
        record.note = note
        record.searchKey = TextKey.search(staff.surname, staff.givenName, staff.patronymic, course, provider)
    }
}
