import Domain
import Foundation

extension Stylesheet {
    /// The timetable's week grid and lesson boxes.
    public static let timetableCSS = """
        .weeknav { display: flex; gap: 1.2rem; align-items: baseline; margin: .4rem 0 .8rem; flex-wrap: wrap; }
        .week { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .6rem; }
        .week .day { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .6rem; }
        .week .day h2 { font-size: .95rem; margin: 0 0 .4rem; }
        .lesson { border-left: 4px solid var(--accent); background: #f3f7fc; padding: .3rem .5rem; margin-bottom:
          .4rem; font-size: .92rem; }
        .lesson .time { font-weight: 600; }
        .lesson.cancelled, tr.cancelled td { text-decoration: line-through; color: var(--muted); }
        .lesson.cancelled { border-left-color: #aab4c2; background: #f4f4f4; }
        @media print { .week { grid-template-columns: repeat(3, 1fr); } .week .day { break-inside: avoid; } }
        """
}
