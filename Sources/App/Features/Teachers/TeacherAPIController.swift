import Domain
import Fluent
import Vapor
import Views

/// One teacher across organisations as JSON (issue 23, items 2 and 7): the staff record, its places of work and
/// subjects, the network groups taught year by year with the hours delivered, the years in the network. Read by those
/// who may read the staff record; hours only where the user may read the centre's hours.
struct TeacherAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("teachers", ":id", use: one)
    }

    func one(req: Request) async throws -> TeacherDTO {
        let staff = try await RegistryAPIController().one(StaffSection(), req)
        try await staff.$organizations.load(on: req.db)
        try await staff.$subjects.load(on: req.db)
        return try TeacherDTO(staff, work: try await TeacherWork.load(staff, req: req))
    }

    struct TeacherDTO: Content {
        struct Place: Content {
            var id: UUID
            var name: String
            var kind: String
        }
        struct Group: Content {
            var id: UUID
            var name: String
            var program: String
            var centerId: UUID
            var center: String
            var academicYearId: UUID
            var academicYear: String
            var hours: Int?
        }
        var id: UUID
        var name: String
        var position: String
        var category: String
        var isOutsideTrainer: Bool
        var places: [Place]
        var subjects: [String]
        var yearsInNetwork: Int
        var hoursThisYear: Int?
        var groups: [Group]

        init(_ staff: StaffMember, work: TeacherWork) throws {
            id = try staff.requireID()
            name = staff.fullName
            position = staff.position
            category = staff.category
            isOutsideTrainer = staff.isOutsideTrainer
            places = try staff.organizations.sorted { $0.sortKey < $1.sortKey }.map {
                Place(id: try $0.requireID(), name: $0.shortName, kind: $0.kind)
            }
            subjects = staff.subjects.sorted { $0.sortKey < $1.sortKey }.map(\.name)
            yearsInNetwork = work.yearsInNetwork
            hoursThisYear = work.hoursThisYear
            groups = work.groups.map {
                Group(
                    id: $0.id, name: $0.name, program: $0.program, centerId: $0.center.id, center: $0.centerName,
                    academicYearId: $0.yearID, academicYear: $0.yearTitle, hours: $0.hours)
            }
        }
    }
}
