/**
 * What Word, Google Docs and a web page put on the clipboard, trimmed to the parts that matter:
 * the samples the paste tests (unit and end-to-end) work on.
 */

const wordHead =
  '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">' +
  '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered)">' +
  '<style><!-- /* Style Definitions */ p.MsoNormal {margin:0cm; font-size:11.0pt;} p.MsoListParagraph {margin-left:36.0pt;} @list l0:level1 {mso-level-number-format:bullet;} --></style>' +
  '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]--></head><body lang=EN-GB style="tab-interval:36.0pt"><!--StartFragment-->'

function wordItem(className: string, list: string, level: number, marker: string, words: string, markerFont = 'Symbol'): string {
  return (
    `<p class=${className} style='margin-left:${36 * level}.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:${list} level${level} lfo${list === 'l0' ? 1 : 2}'>` +
    `<![if !supportLists]><span style='font-family:${markerFont};mso-fareast-font-family:${markerFont}'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>` +
    `${words}<o:p></o:p></p>\n`
  )
}

/** Word for Windows: a heading, a paragraph, a bulleted list with a nested point, then a numbered list. */
export const wordHtml =
  wordHead +
  `<h1>Ferry timetable<o:p></o:p></h1>\n` +
  `<p class=MsoNormal>The service runs <b>twice</b> a day from <i>Kessel</i>.<o:p></o:p></p>\n` +
  wordItem('MsoListParagraphCxSpFirst', 'l0', 1, '·', 'Morning crossing') +
  wordItem('MsoListParagraphCxSpMiddle', 'l0', 2, 'o', 'Cars on the lower deck', 'Courier New') +
  wordItem('MsoListParagraphCxSpLast', 'l0', 1, '·', 'Evening crossing') +
  `<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n` +
  wordItem('MsoListParagraphCxSpFirst', 'l1', 1, '1.', 'Buy a ticket', 'Calibri') +
  wordItem('MsoListParagraphCxSpLast', 'l1', 1, '2.', 'Board at the quay', 'Calibri') +
  '<!--EndFragment--></body></html>'

/** Word for the web (and newer Word for Mac) marks the typed bullets with comments instead. */
export const wordCommentListHtml =
  `<p class=MsoListParagraph style='mso-list:l2 level1 lfo3'><!--[if !supportLists]--><span style='mso-list:Ignore'>a)<span>&nbsp;&nbsp; </span></span><!--[endif]-->First option</p>` +
  `<p class=MsoListParagraph style='mso-list:l2 level1 lfo3'><!--[if !supportLists]--><span style='mso-list:Ignore'>b)<span>&nbsp;&nbsp; </span></span><!--[endif]-->Second option</p>`

/** Google Docs: everything inside a <b> that is not bold, lists already as lists, a nested list directly inside its parent list. */
export const googleDocsHtml =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-3f1c2a7b-7fff-1a2b-3c4d-5e6f7a8b9c0d">' +
  '<h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;"><span style="font-size:20pt;font-family:Arial,sans-serif;font-weight:400;">Harbour plan</span></h1>' +
  '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-weight:700;">Bold words</span><span style="font-size:11pt;font-weight:400;"> and </span>' +
  '<span style="font-size:11pt;font-style:italic;font-weight:400;">slanted words</span><span style="font-size:11pt;"> with </span>' +
  '<a href="https://example.org/plan" style="text-decoration:none;"><span style="font-size:11pt;color:#1155cc;text-decoration:underline;">a link</span></a></p>' +
  '<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;">' +
  '<li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;" role="presentation"><span style="font-size:11pt;">New quay</span></p></li>' +
  '<ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:circle;font-size:11pt;" aria-level="2"><p dir="ltr" role="presentation"><span style="font-size:11pt;">Two berths</span></p></li></ul>' +
  '<li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-size:11pt;">Wider road</span></p></li></ul>' +
  '<ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:decimal;font-size:11pt;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-size:11pt;">Consult</span></p></li>' +
  '<li dir="ltr" style="list-style-type:decimal;font-size:11pt;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-size:11pt;">Build</span></p></li></ol></b>'

/** A web page: the structure a story keeps, among things it must not. */
export const webPageHtml =
  '<meta charset="utf-8"><style>.promo{color:red}</style><script>window.stolen = document.cookie</script>' +
  '<h1 class="headline" onclick="alert(1)">Storm closes the harbour</h1>' +
  '<p style="color:red" onmouseover="alert(2)">Waves <strong>broke</strong> over the <em>wall</em>, said <a href="https://example.org/coastguard" onclick="alert(3)" target="_blank">the coastguard</a>.</p>' +
  '<h3>What closes</h3><ul><li>The quay</li><li>The ferry office</li></ul>' +
  '<ol><li>Stay away</li><li>Call ahead</li></ol>' +
  '<p><a href="javascript:alert(4)">Click for more</a> <img src="https://tracker.example/pixel.gif" onerror="alert(5)"></p>' +
  '<table><tr><td>Tide</td><td>6.2 m</td></tr></table>' +
  '<iframe src="https://ads.example/frame">Frame fallback text</iframe>' +
  '<form action="https://evil.example"><input value="typed"><button>Send</button></form>'
