/// `word/charts/chart1.xml`: the profile as a native column chart with its values cached in the
/// part, so Word and LibreOffice draw it without an embedded workbook.
enum DocxChart {
  /// Series colours: a muted red for risk, a muted blue for opportunity.
  private static let colours = ["C0504D", "4F81BD"]

  /// The chart part for `chart`, with texts in `language` (e.g. `da-DK`).
  static func part(_ chart: ReportDocument.Chart, language: String) -> String {
    let c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    func rich(_ text: String, size: Int, bold: Bool) -> String {
      "<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(size)\" b=\"\(bold ? 1 : 0)\"/></a:pPr>"
        + "<a:r><a:rPr lang=\"\(language)\" sz=\"\(size)\" b=\"\(bold ? 1 : 0)\"/><a:t>\(OOXML.escape(text))</a:t></a:r>"
        + "</a:p></c:rich></c:tx>"
    }
    let count = chart.categories.count
    let lastRow = count + 1
    let categories =
      "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(lastRow)</c:f><c:strCache><c:ptCount val=\"\(count)\"/>"
      + chart.categories.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(OOXML.escape($0.element))</c:v></c:pt>" }
        .joined()
      + "</c:strCache></c:strRef></c:cat>"
    var series = ""
    for (i, s) in chart.series.enumerated() {
      let column = String(UnicodeScalar(UInt8(66 + i)))  // B, C, …
      series += "<c:ser><c:idx val=\"\(i)\"/><c:order val=\"\(i)\"/>"
      series += "<c:tx><c:strRef><c:f>Sheet1!$\(column)$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
      series += "<c:pt idx=\"0\"><c:v>\(OOXML.escape(s.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
      series += "<c:spPr><a:solidFill><a:srgbClr val=\"\(colours[i % colours.count])\"/></a:solidFill></c:spPr>"
      series += "<c:invertIfNegative val=\"0\"/>"
      series += "<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
      series += "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr><a:endParaRPr lang=\"\(language)\"/></a:p></c:txPr>"
      series += "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
      series += "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
      series += categories
      series += "<c:val><c:numRef><c:f>Sheet1!$\(column)$2:$\(column)$\(lastRow)</c:f><c:numCache>"
      series += "<c:formatCode>0</c:formatCode><c:ptCount val=\"\(count)\"/>"
      for (j, value) in s.values.enumerated() {
        // A level without a figure has no point, so it shows as a gap rather than as a 0.
        if let value { series += "<c:pt idx=\"\(j)\"><c:v>\(Numbers.whole(value))</c:v></c:pt>" }
      }
      series += "</c:numCache></c:numRef></c:val></c:ser>"
    }
    let axisText =
      "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr><a:endParaRPr lang=\"\(language)\"/></a:p></c:txPr>"
    return OOXML.declaration
      + "<c:chartSpace xmlns:c=\"\(c)\" xmlns:a=\"\(a)\" xmlns:r=\"\(r)\"><c:date1904 val=\"0\"/>"
      + "<c:lang val=\"\(language)\"/><c:roundedCorners val=\"0\"/><c:chart>"
      + "<c:title>" + rich(chart.title, size: 1100, bold: true) + "<c:overlay val=\"0\"/></c:title>"
      + "<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>"
      + "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>" + series
      + "<c:gapWidth val=\"80\"/><c:overlap val=\"0\"/><c:axId val=\"50010\"/><c:axId val=\"50020\"/></c:barChart>"
      + "<c:catAx><c:axId val=\"50010\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
      + "<c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/>"
      + "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>" + axisText
      + "<c:crossAx val=\"50020\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/>"
      + "<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
      + "<c:valAx><c:axId val=\"50020\"/><c:scaling><c:orientation val=\"minMax\"/><c:max val=\"100\"/><c:min val=\"0\"/>"
      + "</c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines><c:spPr><a:ln w=\"3175\">"
      + "<a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
      + "<c:title>" + rich(chart.axis, size: 800, bold: false) + "<c:overlay val=\"0\"/></c:title>"
      + "<c:numFmt formatCode=\"0\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>"
      + "<c:tickLblPos val=\"nextTo\"/>" + axisText + "<c:crossAx val=\"50010\"/><c:crosses val=\"autoZero\"/>"
      + "<c:crossBetween val=\"between\"/><c:majorUnit val=\"20\"/></c:valAx></c:plotArea>"
      + "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>" + axisText + "</c:legend>"
      + "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>\n"
  }
}
