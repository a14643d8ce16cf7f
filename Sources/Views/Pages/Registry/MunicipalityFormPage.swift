import Domain
import Foundation

/// The municipality's settings form: name, time zone, certificates' number series and attendance threshold.
public struct MunicipalityFormPage: Sendable {
    /// Russian time zones an education authority may be in.
    public static let zones: [(value: String, title: String)] = [
        ("Europe/Kaliningrad", "Калининград (МСК−1)"), ("Europe/Moscow", "Москва (МСК)"),
        ("Europe/Samara", "Самара (МСК+1)"),
        ("Asia/Yekaterinburg", "Екатеринбург (МСК+2)"), ("Asia/Omsk", "Омск (МСК+3)"),
        ("Asia/Novosibirsk", "Новосибирск (МСК+4)"),
        ("Asia/Krasnoyarsk", "Красноярск (МСК+4)"), ("Asia/Irkutsk", "Иркутск (МСК+5)"), ("Asia/Chita", "Чита (МСК+6)"),
        ("Asia/Yakutsk", "Якутск (МСК+6)"), ("Asia/Vladivostok", "Владивосток (МСК+7)"),
        ("Asia/Magadan", "Магадан (МСК+8)"),
        ("Asia/Kamchatka", "Петропавловск-Камчатский (МСК+9)"),
    ]

    /// Words of the settings outside the form.
    public enum Words {
        /// A time zone outside the list.
        public static let zoneFromList = "Выберите часовой пояс из списка."
        /// A series that is not 1–6 capital letters or digits.
        public static let badSeries = "Серия — от 1 до 6 заглавных букв или цифр, например СК."
        /// After the settings were saved.
        public static let saved = "Настройки муниципалитета сохранены."
        /// What the audit log records of the settings.
        public static func audit(name: String, zone: String, series: String, minAttendance: Int) -> [String: String] {
            [
                "Название": name, "Часовой пояс": zone, "Серия сертификатов": series,
                "Посещаемость для сертификата": String(minAttendance),
            ]
        }
    }

    public var values: FormValues
    public var errors: FieldErrors

    /// The form with what it shows.
    public init(values: FormValues, errors: FieldErrors = FieldErrors()) {
        self.values = values
        self.errors = errors
    }

    /// A made-up form.
    public static let mock = MunicipalityFormPage(
        values: FormValues(single: [
            "name": "Энский муниципальный округ", "timeZone": "Asia/Yekaterinburg", "series": "СК",
            "minAttendance": "75",
        ]))

    /// The form as the registry kit shows it.
    public var form: RegistryForm {
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

    /// The form as HTML.
    public func render(_ ctx: PageContext) -> String { form.render(ctx) }
}
