import Domain
import Vapor
import Views

extension OrganizationAPIController {
    static let operations = [
        APIOperation(
            .GET, "/organizations", id: "listOrganizations", area: .registry, summary: "Организации",
            description: "Организации муниципалитета пользователя: школы, ресурсные центры, партнёры.",
            list: APIParameter.list(
                sorts: ["name", "kind"], search: true,
                filters: [
                    APIParameter("kind", "Вид организации.", values: OrganizationKind.allCases.map(\.rawValue)),
                    RegistryDocs.status,
                ]),
            responses: [.ok(.page(DTO.schema))]),
        APIOperation(
            .GET, "/organizations/{id}", id: "getOrganization", area: .registry, summary: "Организация",
            description: "Одна организация.", responses: [.ok(DTO.schema)]),
    ]
}

/// Parameters the registry's lists share.
enum RegistryDocs {
    static let status = APIParameter(
        "status", "Состояние записей: действующие (по умолчанию), архивные или `all` — все.",
        values: RegistrySupport.statusChoices)
    static let organization = APIParameter("organization", "Только записи этой организации.")
}

extension RegistryAPIController {
    static let operations = [
        APIOperation(
            .GET, "/resource-centers", id: "listResourceCenters", area: .registry, summary: "Ресурсные центры",
            description: "Ресурсные центры учебного года (текущего, если год не указан).",
            list: APIParameter.list(
                sorts: ["name"], search: true, filters: [RegistryDocs.status],
                also: [APIParameter("year", "Учебный год: идентификатор или название («2025/2026»).")]),
            responses: [.ok(.page(CenterDTO.schema))]),
        APIOperation(
            .GET, "/resource-centers/{id}", id: "getResourceCenter", area: .registry, summary: "Ресурсный центр",
            description: "Один ресурсный центр: предметы, направления, профили.", responses: [.ok(CenterDTO.schema)]),
        APIOperation(
            .GET, "/agreements", id: "listAgreements", area: .registry, summary: "Договоры",
            description: "Договоры о сетевой форме обучения, видимые пользователю.",
            list: APIParameter.list(
                sorts: ["ends", "number"], search: true,
                filters: [
                    RegistryDocs.status,
                    APIParameter("state", "Состояние договора.", values: AgreementState.allCases.map(\.rawValue)),
                    APIParameter("kind", "Вид договора.", values: AgreementKind.allCases.map(\.rawValue)),
                    APIParameter("expiring", "`1` — только истекающие.", values: ["1"]),
                ]),
            responses: [.ok(.page(AgreementDTO.schema))]),
        APIOperation(
            .GET, "/agreements/{id}", id: "getAgreement", area: .registry, summary: "Договор",
            description: "Один договор.", responses: [.ok(AgreementDTO.schema)]),
        APIOperation(
            .GET, "/staff", id: "listStaff", area: .registry, summary: "Сотрудники",
            description: "Педагоги и сотрудники организаций, видимых пользователю.",
            list: APIParameter.list(
                sorts: ["name", "position"], search: true,
                filters: [
                    RegistryDocs.status, RegistryDocs.organization, APIParameter("subject", "Преподаёт предмет."),
                    APIParameter(
                        "trainer", "`yes` — только внешние совместители, `no` — без них.", values: ["yes", "no"]),
                ]),
            responses: [.ok(.page(StaffDTO.schema))]),
        APIOperation(
            .GET, "/staff/{id}", id: "getStaffMember", area: .registry, summary: "Сотрудник",
            description: "Один сотрудник.", responses: [.ok(StaffDTO.schema)]),
        APIOperation(
            .GET, "/rooms", id: "listRooms", area: .registry, summary: "Кабинеты",
            description: "Кабинеты организаций, видимых пользователю.",
            list: APIParameter.list(
                sorts: ["name", "capacity", "organization"], search: true,
                filters: [RegistryDocs.status, RegistryDocs.organization]),
            responses: [.ok(.page(RoomDTO.schema))]),
        APIOperation(
            .GET, "/rooms/{id}", id: "getRoom", area: .registry, summary: "Кабинет", description: "Один кабинет.",
            responses: [.ok(RoomDTO.schema)]),
        APIOperation(
            .GET, "/students", id: "listStudents", area: .registry, summary: "Обучающиеся",
            description: "Обучающиеся школ, видимых пользователю (КМЦ — все).",
            list: APIParameter.list(
                sorts: ["name", "grade"], search: true,
                filters: [
                    RegistryDocs.status, APIParameter("school", "Только обучающиеся этой школы."),
                    APIParameter("grade", "Класс."),
                    APIParameter("consent", "`no` — только без согласия на обработку данных.", values: ["no"]),
                ]),
            responses: [.ok(.page(StudentDTO.schema))]),
        APIOperation(
            .GET, "/students/{id}", id: "getStudent", area: .registry, summary: "Обучающийся",
            description: "Один обучающийся.", responses: [.ok(StudentDTO.schema)]),
        APIOperation(
            .GET, "/programs", id: "listPrograms", area: .programs, summary: "Программы",
            description: "Сетевые образовательные программы ресурсных центров.",
            list: APIParameter.list(
                sorts: ["title", "center"], search: true,
                filters: [
                    RegistryDocs.status,
                    APIParameter("approval", "Согласование.", values: ProgramApproval.allCases.map(\.rawValue)),
                    RegistryDocs.organization,
                    APIParameter("kind", "Вид программы.", values: ProgramKind.allCases.map(\.rawValue)),
                    APIParameter("profile", "Профиль."),
                    APIParameter("form", "Форма обучения.", values: StudyForm.allCases.map(\.rawValue)),
                    APIParameter("grade", "Программы для этого класса."),
                ]),
            responses: [.ok(.page(ProgramDTO.schema))]),
        APIOperation(
            .GET, "/programs/{id}", id: "getProgram", area: .programs, summary: "Программа",
            description: "Одна программа.", responses: [.ok(ProgramDTO.schema)]),
    ]
}
