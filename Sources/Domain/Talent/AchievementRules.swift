import Foundation

/// The checks of an achievement that need no database (issue 21, «Bad input and privacy»).
public enum AchievementRules {
    /// The grade a student competed for: the grade studied or a higher one (a student may sit a higher grade's
    /// paper), never a lower one, never above the 11th.
    public static func competedGradeIsValid(studied: Int, competed: Int) -> Bool {
        competed >= studied && competed <= 11
    }

    /// The key that makes an achievement unique for a student and an edition: the olympiad subject, else the
    /// nomination as typed (case and ё ignored), else nothing — two results of one student in one edition must
    /// differ in it.
    public static func subjectKey(subjectID: UUID?, nomination: String?) -> String {
        if let subjectID { return subjectID.uuidString.lowercased() }
        return TextKey.search(nomination ?? "")
    }
}
