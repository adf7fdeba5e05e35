import Foundation

/// Whether the survey's figures may be shown as a comparison for a workplace.
///
/// Dansk Metal's survey asked union representatives in industrial firms, and its figure 3 only
/// those in firms that use AI; a municipal home-care unit compared with metal workshops reads a
/// figure that does not describe it. So the summary, the Scope step and the working papers show the
/// figures "for comparison" only when the About step's sector is private production and industry;
/// for any other sector the working papers may show them as context, labelled as figures from
/// industry with their base, and the summary and the Scope step leave them out.
public enum SurveyComparison {
  /// The sector the survey's figures describe.
  public static let sector = "private-production"

  /// True when the survey's figures compare with the workplace `about` describes.
  public static func applies(to about: About) -> Bool { about.sector == sector }
}
