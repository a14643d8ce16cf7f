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
    static let zones: [(value: String, title: String)] = [
        ("Europe/Kaliningrad", "Калининград (МСК−1)"), ("Europe/Moscow", "Москва (МСК)"),
        ("Europe/Samara", "Самара (МСК+1)"),
        ("Asia/Yekaterinburg", "Екатеринбург (МСК+2)"), ("Asia/Omsk", "Омск (МСК+3)"),
        ("Asia/Novosibirsk", "Новосибирск (МСК+4)"),
        ("Asia/Krasnoyarsk", "Красноярск (МСК+4)"), ("Asia/Irkutsk", "Иркутск (МСК+5)"), ("Asia/Chita", "Чита (МСК+6)"),
        ("Asia/Yakutsk", "Якутск (МСК+6)"), ("Asia/Vladivostok", "Владивосток (МСК+7)"),
        ("Asia/Magadan", "Магадан (МСК+8)"),
        ("Asia/Kamchatka", "Петропавловск-Камчатский (МСК+9)"),
    ]

    func load(_ req: Request) async throws -> Municipality {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.update, .users(municipalityID: municipalityID))
        guard let m = try await Municipality.find(municipalityID, on: req.db) else { throw AppError.notFound() }
        return m
    }

    func page(_ m: Municipality, values: FormValues, errors: FieldErrors = FieldErrors()) -> RegistryForm {
        RegistryForm(
            title: "Муниципалитет", crumbs: [], action: "/municipality", cancelURL: SiteURL.profile.path,
            fields: [
                FieldSpec("name", "Название", required: true),
                FieldSpec(
                    "timeZone", "Часовой пояс", .select(Self.zones, empty: nil), required: true,
                    hint: "Время в журналах и расписаниях показывается в этом поясе."),
                FieldSpec(
                    "series", "Серия номеров сертификатов", required: true,
                    hint: "Заглавные буквы или цифры, до 6 знаков: номер выглядит как СК-2026-00042."),
                FieldSpec(
                    "minAttendance", "Посещаемость для сертификата, %", .number, required: true,
                    hint: "Доля проведённых часов, которую нужно посетить, чтобы получить сертификат (обычно 75)."),
            ],
            values: values, errors: errors)
    }

    func form(req: Request) async throws -> Response {
        let m = try await load(req)
        return req.render(
            page(
                m,
                values: FormValues(single: [
                    "name": m.name, "timeZone": m.timeZone, "series": m.certificateSeries,
                    "minAttendance": String(m.certificateMinAttendance),
                ])
            )
            .render(await req.pageContext(active: .municipality)))
    }

    func save(req: Request) async throws -> Response {
        let m = try await load(req)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let name = errors.required("name", form["name"], max: 200)
        let zone = form["timeZone"] ?? ""
        if !Self.zones.contains(where: { $0.value == zone }) {
            errors.add("timeZone", "Выберите часовой пояс из списка.")
        }
        let series = (form["series"] ?? "").trimmingCharacters(in: .whitespaces)
        if !CertificateNumber.isValidSeries(series) {
            errors.add("series", "Серия — от 1 до 6 заглавных букв или цифр, например СК.")
        }
        let minAttendance = errors.integer("minAttendance", form["minAttendance"], range: 0...100, required: true)
        guard errors.isEmpty else {
            return req.render(
                page(m, values: form, errors: errors).render(await req.pageContext(active: .municipality)),
                status: .unprocessableEntity)
        }
        let before = [
            "Название": m.name, "Часовой пояс": m.timeZone, "Серия сертификатов": m.certificateSeries,
            "Посещаемость для сертификата": String(m.certificateMinAttendance),
        ]
        m.name = name
        m.timeZone = zone
        m.certificateSeries = series
        m.certificateMinAttendance = minAttendance ?? m.certificateMinAttendance
        try await req.db.transaction { db in
            try await m.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "municipality", entityID: m.id, title: name,
                municipalityID: m.id, organizationID: nil, before: before,
                after: [
                    "Название": name, "Часовой пояс": zone, "Серия сертификатов": series,
                    "Посещаемость для сертификата": String(m.certificateMinAttendance),
                ])
        }
        return req.redirect(to: "/municipality", flash: "Настройки муниципалитета сохранены.")
    }
}
