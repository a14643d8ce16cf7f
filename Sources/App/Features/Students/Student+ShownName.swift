import Domain
import Vapor
import Views

extension Student {
    /// The student's name on a centre's pages, or «Обучающийся № N» (the registry number) for those who read them
    /// without the right to see who studies there (the methodologist): the policy's `.groupStudent`, or marking the
    /// journal.
    func shownName(at center: OrgRef, req: Request, marks: Bool = false) -> String {
        let school = OrgRef(id: $school.id, municipalityID: $municipality.id)
        if marks || req.can(.read, .groupStudent(school: school, center: center)) { return fullName }
        return StudentLabel.masked(registryNumber)
    }
}
