import Foundation

enum AppLimits {
    /// The largest file a user may upload (an import of 200 000 rows fits).
    static let uploadBytes = 26 * 1_048_576
    /// The only routes that take file uploads (multipart bodies larger than the default limit).
    static let uploadPaths: Set<String> = ["/students/import"]
    /// The most events the public calendar and its iCal feed show (a year of a region's open events stays a page).
    static let publicEvents = 500
}
