import Foundation

/// The fixed and generated parts of the Word package besides the body.
enum DocxParts {
  private static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  private static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  private static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

  /// `word/document.xml`: the body, then an A4 portrait section with 2 cm margins and the footer.
  static func document(_ body: DocxBody) -> String {
    // 2 cm at the sides, which the tables' widths assume; 1.5 cm at top and bottom, with the footer inside.
    let margin = OOXML.twips(2)
    let edge = OOXML.twips(1.5)
    return OOXML.declaration
      + "<w:document xmlns:w=\"\(w)\" xmlns:r=\"\(r)\" xmlns:wp=\"\(wp)\"><w:body>" + body.xml
      + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"
      + "<w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\"/>"
      + "<w:pgMar w:top=\"\(edge)\" w:right=\"\(margin)\" w:bottom=\"\(edge)\" w:left=\"\(margin)\" "
      + "w:header=\"454\" w:footer=\"454\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n"
  }

  /// `word/styles.xml`: Word's Normal, Heading 1–4, List Paragraph, and the report's table styles,
  /// in the report's language.
  static func styles(language: String) -> String {
    func heading(_ level: Int, size: Int, before: Int) -> String {
      "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/>"
        + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
        + "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"\(before)\" w:after=\"60\"/>"
        + "<w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
        + "<w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }
    return OOXML.declaration + "<w:styles xmlns:w=\"\(w)\">"
      + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
      + "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/><w:lang w:val=\"\(language)\" w:eastAsia=\"\(language)\" w:bidi=\"ar-SA\"/>"
      + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"40\" w:line=\"232\" w:lineRule=\"auto\"/></w:pPr>"
      + "</w:pPrDefault></w:docDefaults>"
      + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
      + heading(1, size: 32, before: 240) + heading(2, size: 26, before: 200) + heading(3, size: 22, before: 100)
      + heading(4, size: 20, before: 80)
      + "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"34\"/><w:qFormat/>"
      + "<w:pPr><w:spacing w:after=\"20\"/><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:style>"
      + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"10\" w:after=\"10\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
      + "<w:rPr><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr></w:style>"
      + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableGap\"><w:name w:val=\"Table Gap\"/>"
      + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr>"
      + "<w:rPr><w:sz w:val=\"8\"/></w:rPr></w:style>"
      + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
      + "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"
      + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
      + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
      + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
      + "</w:tblCellMar></w:tblPr></w:style>"
      + "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/>"
      + "<w:tblPr><w:tblBorders>"
      + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
        "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"
      }.joined()
      + "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
      + "</w:tblPr></w:style></w:styles>\n"
  }

  /// `word/numbering.xml`: one bulleted list, and `numbered` numbered lists that each start at 1.
  static func numbering(numbered: Int) -> String {
    let indent = "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr>"
    var out = OOXML.declaration + "<w:numbering xmlns:w=\"\(w)\">"
    out += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">"
    out += "<w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>"
    out += indent + "</w:lvl></w:abstractNum>"
    out += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">"
    out += "<w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/>"
    out += indent + "</w:lvl></w:abstractNum>"
    out += "<w:num w:numId=\"\(DocxBody.bulletList)\"><w:abstractNumId w:val=\"0\"/></w:num>"
    for i in 0..<numbered {
      out += "<w:num w:numId=\"\(DocxBody.firstNumberedList + i)\"><w:abstractNumId w:val=\"1\"/>"
      out += "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    }
    return out + "</w:numbering>\n"
  }

  /// `word/settings.xml`: no automatic hyphenation, so a word in a narrow column is never split.
  static func settings(language: String) -> String {
    OOXML.declaration + "<w:settings xmlns:w=\"\(w)\"><w:autoHyphenation w:val=\"false\"/>"
      + "<w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
      + "<w:themeFontLang w:val=\"\(language)\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
      + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>\n"
  }

  /// `word/footer1.xml`: the workplace and date, then the page number of the page count.
  ///
  /// `page` is the page wording with `\u{1}` where the page number goes and `\u{2}` for the count.
  static func footer(_ lead: String, page: String) -> String {
    func field(_ instruction: String) -> String {
      "<w:fldSimple w:instr=\" \(instruction) \\* MERGEFORMAT \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
    }
    var runs = DocxBody.runs([.plain(lead + " · ")])
    var text = ""
    for ch in page {
      if ch == "\u{1}" || ch == "\u{2}" {
        runs += DocxBody.runs([.plain(text)])
        text = ""
        runs += field(ch == "\u{1}" ? "PAGE" : "NUMPAGES")
      } else {
        text.append(ch)
      }
    }
    runs += DocxBody.runs([.plain(text)])
    return OOXML.declaration + "<w:ftr xmlns:w=\"\(w)\" xmlns:r=\"\(r)\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
      + "<w:jc w:val=\"center\"/></w:pPr>" + runs + "</w:p></w:ftr>\n"
  }

  /// `docProps/core.xml`: the title and language; no dates, so the same session gives the same bytes.
  static func core(title: String, language: String) -> String {
    OOXML.declaration
      + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(OOXML.escape(title))</dc:title>"
      + "<dc:creator>igloo</dc:creator><dc:language>\(language)</dc:language></cp:coreProperties>\n"
  }

  /// `[Content_Types].xml`.
  static func contentTypes(chart: Bool) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    var out = OOXML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    out += "<Override PartName=\"/word/document.xml\" ContentType=\"\(main).document.main+xml\"/>"
    out += "<Override PartName=\"/word/styles.xml\" ContentType=\"\(main).styles+xml\"/>"
    out += "<Override PartName=\"/word/numbering.xml\" ContentType=\"\(main).numbering+xml\"/>"
    out += "<Override PartName=\"/word/settings.xml\" ContentType=\"\(main).settings+xml\"/>"
    out += "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(main).footer+xml\"/>"
    if chart {
      out += "<Override PartName=\"/word/charts/chart1.xml\" "
      out += "ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
    }
    out += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    return out + "</Types>\n"
  }

  /// `_rels/.rels`.
  static let packageRelationships =
    OOXML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    + "Target=\"word/document.xml\"/>"
    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
    + "Target=\"docProps/core.xml\"/></Relationships>\n"

  /// `word/_rels/document.xml.rels`.
  static func documentRelationships(chart: Bool) -> String {
    let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    var out = OOXML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    out += "<Relationship Id=\"rIdStyles\" Type=\"\(base)styles\" Target=\"styles.xml\"/>"
    out += "<Relationship Id=\"rIdNumbering\" Type=\"\(base)numbering\" Target=\"numbering.xml\"/>"
    out += "<Relationship Id=\"rIdSettings\" Type=\"\(base)settings\" Target=\"settings.xml\"/>"
    out += "<Relationship Id=\"rIdFooter1\" Type=\"\(base)footer\" Target=\"footer1.xml\"/>"
    if chart { out += "<Relationship Id=\"\(DocxBody.chartRelationship)\" Type=\"\(base)chart\" Target=\"charts/chart1.xml\"/>" }
    return out + "</Relationships>\n"
  }
}
