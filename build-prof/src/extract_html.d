build-prof/src/extract_html.o: src/extract_html.c src/recoupe_int.h \
 src/../include/recoupe.h src/html.h
src/recoupe_int.h:
src/../include/recoupe.h:
src/html.h:
