# extract.t.sh -- `recoupe extract [--json]` on French and English pages.
. "$(dirname "$0")/lib.sh"

run extract --json "$DATA/extract/001-fr-article.html"
expect_rc 0 "extract --json exits 0 on a French page"
expect_out '"title":"Crues dans le Gard : des milliers de foyers privés d'"'"'électricité"' "title without the site suffix"
expect_out '"author":"Jean Dupont"' "author from the byline"
expect_out '"published":"2026-10-13T21:04:00"' "publication date from the text"
expect_out '"updated":"2026-10-14T08:15:00"' "update date"
expect_out '"text":"' "the text field"
expect_out 'des milliers de foyers' "article text in the text field"
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
expect_rc 1 "empty file: exit 1 (nothing extracted)"
expect_err "empty.html: empty" "empty file: named, said empty"

run extract --json "$DATA/extract/site-pages.jsonl"
expect_rc 0 "extract over six pages of one site"
expect_no_out 'quotidien régional' "a paragraph on every page of the site is a template"
expect_out 'Le conseil municipal de Nîmes' "article text kept"
run extract --no-templates --json "$DATA/extract/site-pages.jsonl"
expect_out 'quotidien régional' "--no-templates keeps it"

run extract "$DATA/extract/004-fr-plain-site.text"
expect_rc 0 "extract on a French page saved as text"
expect_out "title: Sécheresse : les éleveurs" "plain text: the title line"
expect_out "site: L'Écho des Vallées" "plain text: the site from its footer"
expect_out 'author: Lucie Fabre' "plain text: the byline"
expect_no_out 'Accueil ·' "plain text: the menu line out"
run extract --json "$DATA/extract/005-en-plain-site.text"
expect_out '"site":"The Riverside Herald"' "plain text (English): the site from its copyright line"
expect_out '"published":"2025-03-03"' "plain text (English): the date line"

# Bad inputs: each ends with a result or a clear error naming the file.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000' > "$TMP/image.html"
run extract --json "$TMP/image.html"
expect_rc 1 "binary file (an image named .html): exit 1"
expect_err "image.html: binary" "binary file: named, said binary"
expect "[ -z \"\$out\" ]" "binary file: no output"
{ printf '<p>Le texte commence bien</p>'; head -c 600 /dev/zero; } > "$TMP/nul.html"
run extract --json "$TMP/nul.html"
expect_rc 1 "binary file (NUL bytes): exit 1"
expect_err "nul.html: binary" "NUL bytes: named, said binary"

printf '<html><body><div><p>Le maire a annoncé mardi la fermeture des écoles jusqu à nouvel ordre.<div><span>Les secours restent mobilisés dans toute la vallée, a précisé la préfecture' > "$TMP/broken.html"
run extract --json "$TMP/broken.html"
expect_rc 0 "broken HTML (unclosed tags): a result"
expect_out 'fermeture des écoles' "broken HTML: first paragraph"
expect_out 'a précisé la préfecture' "broken HTML: text after unclosed tags"

printf '<html><head><meta charset="utf-8"><title>Crues</title></head><body><p>Les \351coles de la r\351gion resteront ferm\351es mercredi, a annonc\351 le pr\351fet.</p></body></html>' > "$TMP/latin1.html"
run extract --json "$TMP/latin1.html"
expect_rc 0 "wrong charset (Latin-1 bytes, utf-8 declared): a result"
expect_out 'Les écoles de la région resteront fermées' "wrong charset: text converted to UTF-8"

yes '<p>Les secours restent mobilisés dans la vallée.</p>' | head -c 68000000 | gzip -1 > "$TMP/huge.html.gz"
run extract --json "$TMP/huge.html.gz"
expect_rc 1 "page over the cap (68 MB inflated): exit 1"
expect_err "huge.html.gz: too big" "page over the cap: named, said too big"

run extract --json "$TMP/does-not-exist.html"
expect_rc 1 "missing path: exit 1"
expect_err "does-not-exist.html: unreadable" "missing path: named, said unreadable"

run extract --bogus x
expect_rc 2 "unknown option is a usage error"
run extract
expect_rc 2 "no input is a usage error"
finish
