import Foundation

/// The words of enrolment that controllers use outside a page: flash messages, validation errors, refusals, audit
/// field names (grouped by the part of enrolment they belong to).
public enum EnrollmentWords {}
