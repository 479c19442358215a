/*
 * Thirty hostile strings for the "user text is only ever text" bar (issue 4). Each one, if it ever
 * ran, would either set `window.__pwned` (checked with page.evaluate) or open a dialog (recorded
 * with page.on('dialog')). They are all distinct, so each can be found again on the page.
 */

/** `<script>alert(10)</script>`, base64-encoded for the data: URL payload. */
const DATA_HTML = Buffer.from('<script>alert(10)</script>').toString('base64');

export const HOSTILE_PAYLOADS: readonly string[] = [
  '<script>window.__pwned=1</script>',
  "<script>\n  alert('xss 2')\n</script>",
  '<img src=x onerror="window.__pwned=3">',
  '<img src=x onerror=alert(4)>',
  '<svg onload="window.__pwned=5">',
  '<svg><script>alert(6)</script></svg>',
  '<svg/onload=alert(7)//',
  'javascript:window.__pwned=8',
  'javascript:alert(9)//',
  `data:text/html;base64,${DATA_HTML}`,
  '<iframe srcdoc="<script>parent.__pwned=11</script>"></iframe>',
  '<iframe src="javascript:alert(12)"></iframe>',
  '<a href="javascript:window.__pwned=13">click me</a>',
  '"><img src=x onerror="window.__pwned=14">',
  "'><svg onload=alert(15)>",
  '<body onload="window.__pwned=16">',
  '<details open ontoggle="window.__pwned=17">',
  '<input autofocus onfocus="alert(18)">',
  "{{constructor.constructor('window.__pwned=19')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${window.__pwned=20}',
  '</textarea><script>window.__pwned=21</script>',
  '</title><script>alert(22)</script>',
  '<object data="javascript:window.__pwned=23"></object>',
  '<embed src="data:image/svg+xml,<svg onload=alert(24)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=25">',
  '\u202E<img src=x onerror=alert(26)>\u202Dgpj.exe \u05E9\u05DC\u05D5\u05DD',
  '\uFF1Cscript\uFF1Ewindow.__pwned=27\uFF1C/script\uFF1E\u200B<scr\u200Bipt>alert(27)</script>',
  '<div style="background:url(javascript:window.__pwned=28)" onmouseover="alert(28)">hover</div>',
  '&lt;img src=x onerror=window.__pwned=29&gt; &amp; <!-- <script>alert(29)</script> -->',
  `${'A very long label. '.repeat(24)}<img src=x onerror="window.__pwned=30">`,
];
