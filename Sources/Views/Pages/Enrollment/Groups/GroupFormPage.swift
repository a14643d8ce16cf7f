import Domain
import Foundation

/// The form that opens a group of an agreed programme or changes an open one.
public struct GroupFormPage: Sendable {
    /// An agreed programme a group may be opened for (`year`: its academic year's title, if any).
    public struct Program: Sendable {
        public var id: UUID, title: String, center: String, year: String?
        public init(id: UUID, title: String, center: String, year: String?) {
            self.id = id
            self.title = title
            self.center = center
            self.year = year
        }
    }
    /// A room of a centre.
    public struct Room: Sendable {
        public var id: UUID, name: String, center: String
        public init(id: UUID, name: String, center: String) {
            self.id = id
            self.name = name
            self.center = center
        }
    }
    /// The group being changed (nil: a new one).
    public struct Group: Sendable {
        public var id: UUID, name: String, version: Int
        public init(id: UUID, name: String, version: Int) {
            self.id = id
            self.name = name
            self.version = version
        }
    }

    public var group: Group?
    public var programs: [Program]
    public var teachers: [(value: String, title: String)]
    public var rooms: [Room]
    public var values: FormValues, errors: FieldErrors, conflict: String?

    public init(
        group: Group?, programs: [Program], teachers: [(value: String, title: String)], rooms: [Room],
        values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) {
        self.group = group
        self.programs = programs
        self.teachers = teachers
        self.rooms = rooms
        self.values = values
        self.errors = errors
        self.conflict = conflict
    }

    public static let mock = GroupFormPage(
        group: nil,
        programs: [
            Program(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000d1")!, title: "Основы программирования",
                center: "Лицей № 2", year: "2025/2026")
        ],
        teachers: [(value: "00000000-0000-0000-0000-0000000000d2", title: "Ёлкина Ольга Петровна")],
        rooms: [
            Room(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000d3")!, name: "Кабинет № 12", center: "Лицей № 2"
            )
        ],
        values: FormValues(single: ["open": "yes"]))

    /// The registry form the controller renders.
    public var form: RegistryForm {
        RegistryForm(
            title: group.map { "Изменение группы «\($0.name)»" } ?? "Новая группа",
            crumbs: [Crumb("Группы", SiteURL.list(.groups).path)],
            action: group.map { SiteURL.edit(.groups, $0.id).path } ?? SiteURL.new(.groups).path,
            cancelURL: group.map { SiteURL.record(.groups, $0.id).path } ?? SiteURL.list(.groups).path,
            fields: fields, values: values, errors: errors, version: group?.version, conflict: conflict)
    }

    var fields: [FieldSpec] {
        [
            FieldSpec(
                "program", "Согласованная программа",
                .select(
                    programs.map {
                        ($0.id.uuidString.lowercased(), "\($0.title) — \($0.center)\($0.year.map { ", \($0)" } ?? "")")
                    },
                    empty: "— выберите —"), required: true,
                hint: "Группы открываются только по программам, согласованным КМЦ."),
            FieldSpec("name", "Название группы", required: true, hint: "Например: Математика-10."),
            FieldSpec("capacity", "Вместимость (мест)", .number, required: true),
            FieldSpec(
                "plannedHours", "Часов по плану", .number, hint: "Пусто — столько, сколько в программе (обычно 64)."),
            FieldSpec("teacher", "Педагог", .select(teachers, empty: "— не назначен —")),
            FieldSpec(
                "room", "Кабинет",
                .select(
                    rooms.map { ($0.id.uuidString.lowercased(), "\($0.name) — \($0.center)") }, empty: "— не назначен —"
                )),
            FieldSpec("startsOn", "Начало занятий", .date),
            FieldSpec("endsOn", "Окончание занятий", .date),
            FieldSpec("open", "Запись", .checkboxes([("yes", "запись в группу открыта")])),
        ]
    }
}
