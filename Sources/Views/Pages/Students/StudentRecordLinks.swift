import Domain
import Foundation

/// Where a student's record continues: the week's lessons, attendance with results and certificates, and the
/// applications — linked from the school's student card and from each child on «Мои дети».
public enum StudentRecordLinks {
    public static let week = "Расписание на неделю"
    /// One page holds the attendance per course, the final results and the certificates.
    public static let progress = "Посещаемость, итоги и сертификаты"
    public static let applications = "Заявки"

    /// The links; `applicationsURL` is the applications as the viewer lists them (a guardian's own list, a school's
    /// queue filtered to the student).
    public static func links(studentID: UUID, applicationsURL: String) -> [(title: String, url: String)] {
        [
            (week, SiteURL.studentWeek(studentID).path), (progress, SiteURL.studentWeek(studentID).path + "/progress"),
            (applications, applicationsURL),
        ]
    }

    /// A school's queue of applications showing every state of one student's.
    public static func schoolApplicationsURL(_ studentID: UUID) -> String {
        SiteURL.applications.with([("student", studentID.uuidString.lowercased())]) + "&state="
    }
}
