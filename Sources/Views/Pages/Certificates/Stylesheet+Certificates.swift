import Domain
import Foundation

extension Stylesheet {
    public static let certificateCSS = """
        .certificate { background: #fff; border: 6px double #8a6d1f; padding: 2.2rem 3rem; margin: 0 auto 1.5rem;
          max-width: 60rem; min-height: 36rem;
          text-align: center; font-family: "Times New Roman", serif; position: relative; }
        .certificate h1 { font-size: 2.4rem; letter-spacing: .2em; text-transform: uppercase; margin: .8rem 0 .2rem; }
        .cert-authority { font-size: 1rem; } .cert-sub { font-size: 1.2rem; font-style: italic; margin-top: 0; }
        .cert-name { font-size: 1.8rem; font-weight: bold; margin: 1.6rem 0 1rem; }
        .cert-foot { margin-top: 2.5rem; text-align: left; font-size: .95rem; }
        .cert-annulled { color: var(--err); font-size: 1.6rem; font-weight: bold; border: 3px solid var(--err);
          display: inline-block; padding: .2rem 1rem; }
        @page certificate { size: A4 landscape; margin: 12mm; }
        @media print { .certificate { page: certificate; break-after: page; border-width: 6px; margin: 0; max-width:
          none; min-height: 170mm; } }
        """
}
