import Domain
import Fluent
import Vapor
import Views

/// The municipality's own settings: its name, time zone (times are stored in UTC and shown in this zone), and the
/// certificates' number series and attendance threshold (issue 4).
struct MunicipalityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("municipality", use: form)
        routes.post("municipality", use: save)
    }

    /// Russian time zones an education authority may be in.
    static let zones = MunicipalityFormPage.zones

    func load(_ req: Request) async throws -> Municipality {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.update, .users(municipalityID: municipalityID))
        guard let municipality = try await Municipality.find(municipalityID, on: req.db) else {
            throw AppError.notFound()
        }
        return municipality
    }

    func page(_ municipality: Municipality, values: FormValues, errors: FieldErrors = FieldErrors()) -> RegistryForm {
        MunicipalityFormPage(values: values, errors: errors).form
    }

    func form(req: Request) async throws -> Response {
        let municipality = try await load(req)
        return req.render(
            page(
                municipality,
                values: FormValues(single: [
                    "name": municipality.name, "timeZone": municipality.timeZone,
                    "series": municipality.certificateSeries,
                    "minAttendance": String(municipality.certificateMinAttendance),
                ])
            )
            .render(await req.pageContext(active: .municipality)))
    }

    func save(req: Request) async throws -> Response {
        let municipality = try await load(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let name = errors.required("name", form["name"], max: 200)
        let zone = form["timeZone"] ?? ""
        if !Self.zones.contains(where: { $0.value == zone }) {
            errors.add("timeZone", MunicipalityFormPage.Words.zoneFromList)
        }
        let series = (form["series"] ?? "").trimmingCharacters(in: .whitespaces)
        if !CertificateNumber.isValidSeries(series) {
            errors.add("series", MunicipalityFormPage.Words.badSeries)
        }
        let minAttendance = errors.integer("minAttendance", form["minAttendance"], range: 0...100, required: true)
        guard errors.isEmpty else {
            return req.render(
                page(municipality, values: form, errors: errors).render(await req.pageContext(active: .municipality)),
                status: .unprocessableEntity)
        }
        let before = MunicipalityFormPage.Words.audit(
            name: municipality.name, zone: municipality.timeZone, series: municipality.certificateSeries,
            minAttendance: municipality.certificateMinAttendance)
        let oldMinimum = municipality.certificateMinAttendance
        municipality.name = name
        municipality.timeZone = zone
        municipality.certificateSeries = series
        municipality.certificateMinAttendance = minAttendance ?? municipality.certificateMinAttendance
        let municipalityID = try municipality.requireID()
        let minimumChanged = municipality.certificateMinAttendance != oldMinimum
        try await req.db.transaction { db in
            try await municipality.save(on: db)
            if minimumChanged { try await CertificateService.refreshDue(municipalityID: municipalityID, on: db) }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "municipality", entityID: municipality.id, title: name,
                municipalityID: municipality.id, organizationID: nil, before: before,
                after: MunicipalityFormPage.Words.audit(
                    name: name, zone: zone, series: series, minAttendance: municipality.certificateMinAttendance))
        }
        return req.redirect(to: "/municipality", flash: MunicipalityFormPage.Words.saved)
    }
}
