# extract.t.sh -- `recoupe extract [--json]` on French and English pages.
. "$(dirname "$0")/lib.sh"

run extract --json "$DATA/extract/001-fr-article.html"
expect_rc 0 "extract --json exits 0 on a French page"
expect_out '"title":"Crues dans le Gard : des milliers de foyers privés d'"'"'électricité"' "title without the site suffix"
expect_out '"author":"Jean Dupont"' "author from the byline"
expect_out '"published":"2026-10-13T21:04:00"' "publication date from the text"
expect_out '"site":"Le Courrier du Sud"' "site name"
expect_out '"language":"fr"' "declared language"
expect_out '"credited_source":"AFP"' "credited source"
expect_no_out 'Laisser un commentaire' "comment prompt out of the text"
expect_no_out 'ÉconomieCulture' "glued category strip out of the text"
expect_no_out 'Source : AFP' "credit line out of the text"

run extract "$DATA/extract/003-en-article.html"
expect_rc 0 "extract (text output) exits 0 on an English page"
expect_out 'title: Storm cuts power to thousands' "title"
expect_out 'author: Jane Doe' "author from JSON-LD"
expect_no_out 'We use cookies' "cookie prompt out"

printf '' > "$TMP/empty.html"
run extract "$TMP/empty.html"
expect "[ $rc -ne 2 ]" "empty page is not a usage error"

run extract --json "$DATA/extract/site-pages.jsonl"
expect_rc 0 "extract over six pages of one site"
expect_no_out 'quotidien régional' "a paragraph on every page of the site is a template"
expect_out 'Le conseil municipal de Nîmes' "article text kept"
run extract --no-templates --json "$DATA/extract/site-pages.jsonl"
expect_out 'quotidien régional' "--no-templates keeps it"

run extract --bogus x
expect_rc 2 "unknown option is a usage error"
finish
