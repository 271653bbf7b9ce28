build-prof/src/extract_text.o: src/extract_text.c src/recoupe_int.h \
 src/../include/recoupe.h
src/recoupe_int.h:
src/../include/recoupe.h:
